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

/// How creators are ordered.
public enum CreatorSort: String, Sendable, CaseIterable {
    /// Most followers first.
    case followers
    /// Fewest followers first.
    case followersAscending = "followers_asc"
    /// Most recently found first.
    case recent
    /// By name, A to Z.
    case name
}

/// A search over the creators a user's searches found.
public struct CreatorQuery: Sendable, Hashable {
    /// Whose creators; `nil` searches every user's (for admins).
    public var userId: String?
    /// A substring of handle, name or bio, any case; empty matches all.
    public var text: String = ""
    public var platform: Platform?
    public var minFollowers: Int?
    public var maxFollowers: Int?
    public var verified: Bool?
    public var hasEmail: Bool?
    public var campaignId: UUID?
    public var sort: CreatorSort = .followers
    public var limit: Int = 50
    /// Where the previous page stopped: ``CreatorPage/nextCursor``.
    public var cursor: String?

    public init(userId: String?) {
        self.userId = userId
    }
}

/// One page of creators, and the cursor of the next page (`nil` on the last).
public struct CreatorPage: Sendable {
    public var creators: [CreatorRow]
    public var nextCursor: String?
    /// How the text was matched: pass it to ``CreatorSearch/count(_:_:plan:)`` to count the same way.
    public var plan: CreatorSearch.Plan
}

public enum CreatorSearch {
    public static func search(_ db: Database, _ query: CreatorQuery) throws -> CreatorPage {
        try search(db, query, plan: plan(db, query))
    }

    static func search(_ db: Database, _ query: CreatorQuery, plan: Plan) throws -> CreatorPage {
        var sql = """
            SELECT c.id, c.user_id, c.platform, c.handle, c.name, c.bio, c.followers, c.verified, c.emails,
                   c.avatar_url, c.profile_url, c.last_seen_at, c.result_id, c.position
            FROM reach_creators c
            """
        var (conditions, arguments) = try filters(query, plan: plan)
        if let cursor = query.cursor {
            let (value, id) = try decodeCursor(cursor, sort: query.sort)
            switch query.sort {
            case .followers: conditions.append("(c.followers, c.id) < (?, ?)")
            case .followersAscending: conditions.append("(c.followers, c.id) > (?, ?)")
            case .recent: conditions.append("(c.last_seen_at, c.id) < (?, ?)")
            case .name: conditions.append("(coalesce(c.name, ''), c.id) > (?, ?)")
            }
            arguments += [value, id]
        }
        if !conditions.isEmpty { sql += "\nWHERE " + conditions.joined(separator: "\n  AND ") }
        switch query.sort {
        case .followers: sql += "\nORDER BY c.followers DESC, c.id DESC"
        case .followersAscending: sql += "\nORDER BY c.followers, c.id"
        case .recent: sql += "\nORDER BY c.last_seen_at DESC, c.id DESC"
        case .name: sql += "\nORDER BY coalesce(c.name, ''), c.id"
        }
        sql += "\nLIMIT ?"
        arguments += [query.limit + 1]
        var rows = try CreatorRow.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
        var nextCursor: String?
        if rows.count > query.limit {
            rows.removeLast()
            nextCursor = rows.last.map { encodeCursor($0, sort: query.sort) }
        }
        return CreatorPage(creators: rows, nextCursor: nextCursor, plan: plan)
    }

    /// How many creators match, ignoring the cursor; `plan` is the page's, when it was just read.
    public static func count(_ db: Database, _ query: CreatorQuery, plan: Plan? = nil) throws -> Int {
        let (conditions, arguments) = try filters(query, plan: plan ?? self.plan(db, query))
        var sql = "SELECT count(*) FROM reach_creators c"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        return try Int.fetchOne(db.cachedStatement(sql: sql), arguments: arguments) ?? 0
    }

    /// How a text query is answered.
    public enum Plan: String, Sendable {
        /// No text, or none to match.
        case noText
        /// The trigram index over every user's creators.
        case trigramIndex
        /// The user's own creators, each compared: cheaper than the index when they are few,
        /// since a common word matches tens of thousands of creators across all users.
        case scanUserCreators
    }

    /// A user with fewer creators than this has them scanned rather than looked up.
    public static let userScanLimit = 5_000

    /// The plan ``search(_:_:)`` and ``count(_:_:)`` use for `query`.
    public static func plan(_ db: Database, _ query: CreatorQuery) throws -> Plan {
        if query.text.isEmpty { return .noText }
        guard TextSearch.usesIndex(query.text) else { return .scanUserCreators }
        guard let userId = query.userId else { return .trigramIndex }
        let creators = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM (SELECT 1 FROM reach_creators WHERE user_id = ? LIMIT ?)
            """), arguments: [userId, userScanLimit]) ?? 0
        return creators < userScanLimit ? .scanUserCreators : .trigramIndex
    }

    private static func filters(_ query: CreatorQuery, plan: Plan) throws -> ([String], StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let userId = query.userId {
            conditions.append("c.user_id = ?")
            arguments += [userId]
        }
        switch plan {
        case .noText:
            break
        case .trigramIndex:
            conditions.append("c.id IN (SELECT rowid FROM reach_creator_search WHERE reach_creator_search MATCH ?)")
            arguments += [TextSearch.phrase(query.text)]
        case .scanUserCreators:
            conditions.append("reach_contains_folded(c.handle, c.name, c.bio, ?)")
            arguments += [TextSearch.fold(query.text)]
        }
        if let platform = query.platform {
            conditions.append("c.platform = ?")
            arguments += [platform.rawValue]
        }
        if let minFollowers = query.minFollowers {
            conditions.append("c.followers >= ?")
            arguments += [minFollowers]
        }
        if let maxFollowers = query.maxFollowers {
            conditions.append("c.followers <= ?")
            arguments += [maxFollowers]
        }
        if let verified = query.verified {
            conditions.append("c.verified = ?")
            arguments += [verified]
        }
        if let hasEmail = query.hasEmail {
            conditions.append("c.has_email = ?")
            arguments += [hasEmail]
        }
        if let campaignId = query.campaignId {
            conditions.append("""
                EXISTS (SELECT 1 FROM reach_creator_sightings s
                        WHERE s.campaign_id = ? AND s.platform = c.platform AND s.handle = c.handle
                          AND s.user_id = c.user_id)
                """)
            arguments += [campaignId.lowercased]
        }
        return (conditions, arguments)
    }

    // A cursor is the sort value and id of the last row, base64url-encoded: opaque to clients.
    private static func encodeCursor(_ row: CreatorRow, sort: CreatorSort) -> String {
        let value: String
        switch sort {
        case .followers, .followersAscending: value = String(row.followers)
        case .recent: value = row.lastSeenAt.databaseText
        case .name: value = row.name ?? ""
        }
        return Base64URL.encode("\(row.id)\n\(value)".utf8)
    }

    private static func decodeCursor(_ cursor: String, sort: CreatorSort) throws -> (any DatabaseValueConvertible, Int64) {
        guard let data = Base64URL.decode(cursor), let text = String(data: data, encoding: .utf8),
            let newline = text.firstIndex(of: "\n"), let id = Int64(text[..<newline])
        else { throw StoreError.invalid(field: "cursor", reason: "not a cursor from a previous page; omit it to start over") }
        let value = String(text[text.index(after: newline)...])
        switch sort {
        case .followers, .followersAscending:
            guard let followers = Int64(value) else {
                throw StoreError.invalid(field: "cursor", reason: "does not match sort=\(sort.rawValue)")
            }
            return (followers, id)
        case .recent:
            return (value, id)
        case .name:
            return (value, id)
        }
    }
}
