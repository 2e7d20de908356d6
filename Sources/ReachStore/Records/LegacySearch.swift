import Foundation
import GRDB

/// A row of the legacy `search_jobs` table (alternative job processing; text ids).
public struct SearchJob: ReachRecord, Identifiable, Hashable {
    public static let databaseTableName = "search_jobs"

    public var id: String
    public var campaignId: UUID?
    public var platform: String?
    public var searchType: String?
    public var status: SearchJobStatus?
    public var totalCount: Int
    public var completedCount: Int?
    public var createdAt: Date
    public var updatedAt: Date
    public var completedAt: Date?

    public init(
        id: String, campaignId: UUID?, platform: String?, searchType: String?, totalCount: Int, now: Date
    ) {
        self.id = id
        self.campaignId = campaignId
        self.platform = platform
        self.searchType = searchType
        self.status = .queued
        self.totalCount = totalCount
        self.completedCount = 0
        self.createdAt = now
        self.updatedAt = now
    }
}

/// A row of the legacy `search_results` table: one creator per row.
public struct SearchResult: ReachRecord, Identifiable, Hashable {
    public static let databaseTableName = "search_results"

    public var id: UUID
    public var jobId: String?
    public var profileId: String?
    public var username: String?
    public var displayName: String?
    public var platform: Platform?
    public var profileUrl: String?
    public var postUrl: String?
    public var postDescription: String?
    public var avatarUrl: String?
    public var followers: Int?
    public var isVerified: String?
    public var email: String?
    public var bio: String?
    public var rawData: JSONValue?
    public var createdAt: Date

    public init(id: UUID = UUID(), jobId: String?, username: String?, platform: Platform?, now: Date) {
        self.id = id
        self.jobId = jobId
        self.username = username
        self.platform = platform
        self.followers = 0
        self.isVerified = "false"
        self.createdAt = now
    }
}
