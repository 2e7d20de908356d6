import Foundation
import GRDB

/// The schedule of recurring tasks (`reach_recurring_tasks`).
public enum RecurringSchedule {
    /// Each task's next run; a task not yet known, or whose next run cannot be read, is due now.
    public static func nextRuns(_ db: Database) throws -> [String: Date] {
        var runs: [String: Date] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT name, next_run_at FROM reach_recurring_tasks")) {
            guard let name: String = try row.value("name"), let next = row.optionalDate("next_run_at") else { continue }
            runs[name] = next
        }
        return runs
    }

    /// Records that `name` ran at `now` and is next due at `next`.
    public static func recordRun(_ db: Database, name: String, now: Date, next: Date) throws {
        try db.execute(sql: """
            INSERT INTO reach_recurring_tasks (name, last_run_at, next_run_at) VALUES (?1, ?2, ?3)
            ON CONFLICT (name) DO UPDATE SET last_run_at = ?2, next_run_at = ?3
            """, arguments: [name, now.databaseText, next.databaseText])
    }

    public static func nextDueDate(_ db: Database) throws -> Date? {
        try Date.fetchStored(db.cachedStatement(sql: "SELECT min(next_run_at) FROM reach_recurring_tasks"))
    }
}

extension Event {
    /// Pending events that may run now: the oldest pending event of each aggregate whose earlier
    /// events are all done, so that an aggregate's events apply in order.
    public static func fetchProcessable(_ db: Database, limit: Int) throws -> Readable<Event> {
        try Event.fetchReadable(laidOut: db.cachedStatement(sql: """
            SELECT * FROM events e
            WHERE e.processing_status = 'pending'
              AND NOT EXISTS (
                  SELECT 1 FROM events p
                  WHERE p.aggregate_id = e.aggregate_id
                    AND p.processing_status IN ('pending', 'processing')
                    AND (p."timestamp" < e."timestamp" OR (p."timestamp" = e."timestamp" AND p.rowid < e.rowid)))
            ORDER BY e."timestamp"
            LIMIT ?
            """), arguments: [limit])
    }

    /// Marks events that cannot be read failed, with why: they would otherwise block their aggregate.
    public static func markUnreadable(_ db: Database, _ unreadable: [(id: String, error: StoreError)], now: Date) throws {
        for (id, error) in unreadable {
            try db.execute(sql: """
                UPDATE events SET processing_status = 'failed', processed_at = ?1, error = ?2 WHERE id = ?3
                """, arguments: [now.databaseText, String(error.description.prefix(2_000)), id])
        }
    }

    /// Whether any event waits for the processor.
    public static func hasPending(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM events WHERE processing_status = 'pending')")) ?? false
    }

    /// Deletes processed events older than `date`.
    public static func deleteProcessed(_ db: Database, before date: Date) throws -> Int {
        try db.execute(sql: """
            DELETE FROM events WHERE processing_status = 'processed' AND "timestamp" < ?
            """, arguments: [date.databaseText])
        return db.changesCount
    }
}

extension UserProfile {
    /// Users whose monthly usage period began at or before `date` (a month ago).
    public static func fetchUsageResetDue(_ db: Database, periodStartedBy date: Date, limit: Int) throws -> Readable<UserProfile> {
        try UserProfile.fetchReadable(laidOut: db.cachedStatement(sql: QueryPatterns.usageResetDue), arguments: [date.databaseText, limit])
    }
}

extension ReachDatabase {
    /// `PRAGMA optimize`: lets SQLite refresh the statistics its planner uses.
    public func optimize() throws {
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA optimize") }
    }
}
