import Foundation
import GRDB

extension UserProfile {
    /// How many profiles have a `user_id` starting with `prefix` (the unique index on `user_id`).
    public static func count(_ db: Database, userIdPrefix prefix: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM user_profiles WHERE user_id >= ?1 AND user_id < ?1 || char(1114111)",
                         arguments: [prefix]) ?? 0
    }

    /// Profiles whose `user_id` starts with `prefix` (exactly, as the platform's `ILIKE 'q%'` on
    /// ids of Clerk's lower-case form), newest first — the unique index on `user_id`.
    public static func fetchAll(_ db: Database, userIdPrefix prefix: String, limit: Int) throws -> [UserProfile] {
        guard !prefix.isEmpty else { return [] }
        return try UserProfile.fetchAll(laidOut: db.cachedStatement(sql: """
            SELECT * FROM (SELECT * FROM user_profiles WHERE user_id >= ?1 AND user_id < ?1 || char(1114111) LIMIT 1000)
            ORDER BY created_at DESC, user_id DESC LIMIT ?2
            """), arguments: [prefix, limit])
    }

    /// The profiles with trial e-mails recorded, oldest first.
    public static func fetchAllWithEmailSchedule(_ db: Database) throws -> [UserProfile] {
        try UserProfile.fetchAll(laidOut: db.cachedStatement(sql: """
            SELECT * FROM user_profiles WHERE email_schedule_status IS NOT NULL ORDER BY created_at, user_id
            """), arguments: [])
    }
}
