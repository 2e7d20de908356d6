import GRDB

/// Admin user search: `ILIKE '%q%'` over full name, name, e-mail, business and company names,
/// newest first.
///
/// The plan depends on how common the substring is: a rare one is answered from the trigram
/// index, then sorted; a common one by walking `idx_user_profiles_admin_search` newest first and
/// stopping at the limit, which beats collecting every match.
public enum UserSearch {
    /// Above this many trigram matches, walking the `created_at` index wins.
    public static let commonThreshold = 2_000

    public enum Plan: String, Sendable {
        case trigramIndex, createdAtWalk
    }

    /// Which columns to search.
    public enum Fields: Sendable {
        /// Full name, name, e-mail, business and company names: the admin search.
        case all
        /// `full_name` alone: the seed document's own query.
        case fullName
    }

    public static func search(_ db: Database, query: String, limit: Int, fields: Fields = .all) throws -> [UserProfile] {
        if TextSearch.usesIndex(query), let rowids = try matches(db, query: query, fields: fields) {
            return try fetchNewest(db, rowids: rowids, limit: limit)
        }
        return try search(db, query: query, limit: limit, fields: fields, plan: .createdAtWalk)
    }

    /// The plan ``search(_:query:limit:fields:)`` picks for `query`.
    public static func plan(_ db: Database, query: String, fields: Fields = .all) throws -> Plan {
        guard TextSearch.usesIndex(query) else { return .createdAtWalk }
        return try matches(db, query: query, fields: fields) == nil ? .createdAtWalk : .trigramIndex
    }

    /// The rowids the trigram index matches, or `nil` when there are ``commonThreshold`` or more.
    static func matches(_ db: Database, query: String, fields: Fields, cap: Int = commonThreshold) throws -> [Int64]? {
        let rowids = try Int64.fetchAll(db.cachedStatement(sql: matchSQL), arguments: [match(query, fields), cap])
        return rowids.count < cap ? rowids : nil
    }

    /// The newest `limit` profiles among `rowids`: sort keys are read first, and only the rows
    /// returned are decoded (sorting whole rows cost twice as much).
    static func fetchNewest(_ db: Database, rowids: [Int64], limit: Int) throws -> [UserProfile] {
        if rowids.isEmpty { return [] }
        let list = "[" + rowids.map(String.init).joined(separator: ",") + "]"
        return try UserProfile.fetchAll(laidOut: db.cachedStatement(sql: newestSQL), arguments: [list, limit])
    }

    public static func search(_ db: Database, query: String, limit: Int, fields: Fields = .all, plan: Plan) throws -> [UserProfile] {
        if query.isEmpty {
            return try UserProfile.fetchAll(laidOut: db.cachedStatement(sql: """
                SELECT * FROM user_profiles ORDER BY created_at DESC, id LIMIT ?
                """), arguments: [limit])
        }
        switch (plan, fields) {
        case (.trigramIndex, _):
            let rowids = try matches(db, query: query, fields: fields, cap: Int(Int32.max)) ?? []
            return try fetchNewest(db, rowids: rowids, limit: limit)
        case (.createdAtWalk, .all):
            return try UserProfile.fetchAll(laidOut: db.cachedStatement(sql: walkSQL), arguments: [TextSearch.fold(query), limit])
        case (.createdAtWalk, .fullName):
            return try UserProfile.fetchAll(laidOut: db.cachedStatement(sql: fullNameWalkSQL), arguments: [TextSearch.fold(query), limit])
        }
    }

    /// The FTS5 query: the phrase, in every column or in `full_name` only.
    static func match(_ query: String, _ fields: Fields) -> String {
        switch fields {
        case .all: return TextSearch.phrase(query)
        case .fullName: return "full_name : " + TextSearch.phrase(query)
        }
    }

    static let matchSQL = "SELECT rowid FROM reach_user_search WHERE reach_user_search MATCH ? LIMIT ?"

    static let newestSQL = """
        SELECT * FROM user_profiles WHERE rowid IN (
            SELECT rowid FROM user_profiles WHERE rowid IN (SELECT value FROM json_each(?1))
            ORDER BY created_at DESC LIMIT ?2)
        ORDER BY created_at DESC
        """

    static let fullNameWalkSQL = """
        SELECT * FROM user_profiles INDEXED BY idx_user_profiles_admin_search
        WHERE reach_contains_folded(full_name, ?)
        ORDER BY created_at DESC
        LIMIT ?
        """

    static let walkSQL = """
        SELECT * FROM user_profiles INDEXED BY idx_user_profiles_admin_search
        WHERE reach_contains_folded(full_name, name, email, business_name, company_name, ?)
        ORDER BY created_at DESC
        LIMIT ?
        """

    /// A `LIKE '%q%'` scan of the same columns: the benchmark's reference plan.
    public static func likeScan(_ db: Database, query: String, limit: Int) throws -> [UserProfile] {
        let pattern = "%" + escapeLike(query) + "%"
        return try UserProfile.fetchAll(laidOut: db.cachedStatement(sql: """
            SELECT * FROM user_profiles NOT INDEXED
            WHERE full_name LIKE ?1 ESCAPE '\\' OR name LIKE ?1 ESCAPE '\\' OR email LIKE ?1 ESCAPE '\\'
               OR business_name LIKE ?1 ESCAPE '\\' OR company_name LIKE ?1 ESCAPE '\\'
            ORDER BY created_at DESC
            LIMIT ?2
            """), arguments: [pattern, limit])
    }

    static func escapeLike(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
