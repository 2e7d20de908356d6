import Foundation
import GRDB

/// A creator as the creator index holds it: one per user and `(platform, handle)`, with the
/// fields of its latest sighting.
public struct CreatorRow: Sendable, Hashable, Encodable, FetchableRecord {
    public var id: Int64
    public var userId: String
    public var platform: Platform
    public var handle: String
    public var name: String?
    public var bio: String?
    public var followers: Int
    public var verified: Bool
    public var emails: [String]
    public var avatarUrl: String?
    public var profileUrl: String?
    public var lastSeenAt: Date
    /// The result (and position in it) of the latest sighting, which supplied these fields.
    public var resultId: UUID
    public var position: Int

    enum Columns: String, RecordColumns {
        case id
        case userId = "user_id"
        case platform
        case handle
        case name
        case bio
        case followers
        case verified
        case emails
        case avatarUrl = "avatar_url"
        case profileUrl = "profile_url"
        case lastSeenAt = "last_seen_at"
        case resultId = "result_id"
        case position
    }

    public init(row: Row) throws {
        let row = RecordRow<Columns>(row: row, layout: nil, table: "reach_creators")
        id = try row.required(.id)
        userId = try row.required(.userId)
        platform = try row.enumeration(.platform, parsing: true)
        handle = try row.required(.handle)
        name = try row.optional(.name)
        bio = try row.optional(.bio)
        followers = try row.required(.followers)
        verified = try row.required(.verified)
        emails = try row.json(.emails).arrayValue?.compactMap(\.stringValue) ?? []
        avatarUrl = try row.optional(.avatarUrl)
        profileUrl = try row.optional(.profileUrl)
        lastSeenAt = try row.date(.lastSeenAt)
        resultId = try row.uuid(.resultId)
        position = try row.required(.position)
    }
}
