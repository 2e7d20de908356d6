import Foundation
import GRDB

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

extension SearchResult {
    public enum Columns: String, RecordColumns {
        case id
        case jobId = "job_id"
        case profileId = "profile_id"
        case username
        case displayName = "display_name"
        case platform
        case profileUrl = "profile_url"
        case postUrl = "post_url"
        case postDescription = "post_description"
        case avatarUrl = "avatar_url"
        case followers
        case isVerified = "is_verified"
        case email
        case bio
        case rawData = "raw_data"
        case createdAt = "created_at"
    }

    public init(_ row: RecordRow<Columns>) throws {
        id = try row.uuid(.id)
        jobId = try row.optional(.jobId)
        profileId = try row.optional(.profileId)
        username = try row.optional(.username)
        displayName = try row.optional(.displayName)
        platform = try row.optionalEnumeration(.platform, parsing: true)
        profileUrl = try row.optional(.profileUrl)
        postUrl = try row.optional(.postUrl)
        postDescription = try row.optional(.postDescription)
        avatarUrl = try row.optional(.avatarUrl)
        followers = try row.optional(.followers)
        isVerified = try row.optional(.isVerified)
        email = try row.optional(.email)
        bio = try row.optional(.bio)
        rawData = try row.optionalJSON(.rawData)
        createdAt = try row.date(.createdAt)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id.lowercased
        container[Columns.jobId] = jobId
        container[Columns.profileId] = profileId
        container[Columns.username] = username
        container[Columns.displayName] = displayName
        container[Columns.platform] = platform?.rawValue
        container[Columns.profileUrl] = profileUrl
        container[Columns.postUrl] = postUrl
        container[Columns.postDescription] = postDescription
        container[Columns.avatarUrl] = avatarUrl
        container[Columns.followers] = followers
        container[Columns.isVerified] = isVerified
        container[Columns.email] = email
        container[Columns.bio] = bio
        container[Columns.rawData] = rawData
        container[Columns.createdAt] = createdAt.databaseText
    }
}
