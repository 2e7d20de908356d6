import Foundation
import GRDB

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
        if query.cursor == nil && query.offset > 0 {
            sql += " OFFSET ?"
            arguments += [query.offset]
        }
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
