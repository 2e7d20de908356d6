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

extension SearchJob {
    public enum Columns: String, RecordColumns {
        case id
        case campaignId = "campaign_id"
        case platform
        case searchType = "search_type"
        case status
        case totalCount = "total_count"
        case completedCount = "completed_count"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case completedAt = "completed_at"
    }

    public init(_ row: RecordRow<Columns>) throws {
        id = try row.required(.id)
        campaignId = try row.optionalUUID(.campaignId)
        platform = try row.optional(.platform)
        searchType = try row.optional(.searchType)
        status = try row.optionalEnumeration(.status)
        totalCount = try row.required(.totalCount)
        completedCount = try row.optional(.completedCount)
        createdAt = try row.date(.createdAt)
        updatedAt = try row.date(.updatedAt)
        completedAt = try row.optionalDate(.completedAt)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id
        container[Columns.campaignId] = campaignId?.lowercased
        container[Columns.platform] = platform
        container[Columns.searchType] = searchType
        container[Columns.status] = status?.rawValue
        container[Columns.totalCount] = totalCount
        container[Columns.completedCount] = completedCount
        container[Columns.createdAt] = createdAt.databaseText
        container[Columns.updatedAt] = updatedAt.databaseText
        container[Columns.completedAt] = completedAt?.databaseText
    }
}
