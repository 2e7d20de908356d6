import Foundation
import GRDB

extension ReachDatabase {
    /// The platform's ten tables, in an order that respects their foreign keys.
    public static let platformTables = [
        "user_profiles", "subscription_plans", "system_configurations", "campaigns", "scraping_jobs",
        "scraping_results", "search_jobs", "search_results", "events", "background_jobs",
    ]

    /// Integrity, foreign keys, search index consistency, migration status, and table sizes.
    public func doctor() throws -> DoctorReport {
        let (applied, pending) = try migrationStatus()
        let integrity = try writer.read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check")
        }
        let foreignKeyViolations = try writer.read { db in
            try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
        }
        var searchIndexes: [String: String] = [:]
        if pending.isEmpty {
            for index in ["reach_user_search", "reach_creator_search"] {
                searchIndexes[index] = try checkSearchIndex(index)
            }
            searchIndexes["reach_creator_sightings"] = try checkCreatorSightings()
        }
        let tables = try tableSizes()
        return DoctorReport(
            integrity: integrity, foreignKeyViolations: foreignKeyViolations, searchIndexes: searchIndexes,
            appliedMigrations: applied, pendingMigrations: pending, tables: tables, unreadable: try unreadableValues())
    }

    /// Reach's own timestamp columns, with what each must hold (migration 0011's CHECK).
    static let internalTimestamps: [(table: String, column: String, nullable: Bool)] = [
        ("reach_recurring_tasks", "last_run_at", true), ("reach_recurring_tasks", "next_run_at", false),
        ("reach_revoked_tokens", "expires_at", false), ("reach_token_cutoffs", "issued_before", false),
    ]

    /// Stored values the readers cannot read: rows of the platform's tables a record refuses, and
    /// timestamps of Reach's own tables outside the stored form (a file from before migration 0011).
    public func unreadableValues() throws -> [String: String] {
        try writer.read { db in
            var found: [String: String] = [:]
            func check<Record: ReachRecord>(_ type: Record.Type) throws {
                let (count, ids) = try Record.unreadableRows(db)
                if count > 0 { found[Record.databaseTableName] = "\(count) rows (ids \(ids.joined(separator: ", ")))" }
            }
            try check(UserProfile.self)
            try check(SubscriptionPlan.self)
            try check(SystemConfiguration.self)
            try check(Campaign.self)
            try check(ScrapingJob.self)
            try check(ScrapingResult.self)
            try check(SearchJob.self)
            try check(SearchResult.self)
            try check(Event.self)
            try check(BackgroundJob.self)
            for (table, column, nullable) in Self.internalTimestamps {
                let valid = "strftime('%Y-%m-%d %H:%M:%f', julianday(\(column))) IS \(column) AND \(column) >= '0001-01-01'"
                let count = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM \(table) WHERE NOT (\(nullable ? "\(column) IS NULL OR " : "")(\(valid)))
                    """) ?? 0
                if count > 0 { found["\(table).\(column)"] = "\(count) rows: run `reach doctor --repair` (its migration mends them)" }
            }
            if let shift = try Int64.fetchOne(db, sql: "SELECT shift_ms FROM reach_test_clock WHERE id = 1"),
                !(0...253_402_300_799_999).contains(shift)
            {
                found["reach_test_clock.shift_ms"] = "\(shift): run `reach doctor --repair` (its migration mends it)"
            }
            return found
        }
    }

    /// FTS5's own check, including agreement with the content table.
    private func checkSearchIndex(_ name: String) throws -> String {
        do {
            // The check is an INSERT that changes nothing; roll it back all the same.
            try writer.writeWithoutTransaction { db in
                try db.inTransaction {
                    try db.execute(sql: "INSERT INTO \(name) (\(name), rank) VALUES ('integrity-check', 1)")
                    return .rollback
                }
            }
            return "ok"
        } catch let error as DatabaseError {
            return "inconsistent (\(error.message ?? "\(error.resultCode)")): run `reach doctor --repair`"
        }
    }

    /// Every creator item of every result has its sighting.
    private func checkCreatorSightings() throws -> String {
        try writer.read { db in
            let expected = try Int.fetchOne(db, sql: "SELECT count(*) FROM reach_creator_items WHERE handle <> ''") ?? 0
            let indexed = try Int.fetchOne(db, sql: "SELECT count(*) FROM reach_creator_sightings") ?? 0
            return expected == indexed
                ? "ok" : "\(indexed) sightings for \(expected) creator items: run `reach doctor --repair`"
        }
    }

    /// Rebuilds the search indexes from the platform's tables.
    public func rebuildSearchIndexes() throws {
        try writer.write { db in
            try db.execute(sql: """
                INSERT INTO reach_user_search (reach_user_search) VALUES ('rebuild');
                DELETE FROM reach_creator_sightings;
                DELETE FROM reach_creators;
                INSERT INTO reach_creator_sightings (result_id, position, user_id, campaign_id, platform, handle, seen_at)
                SELECT result_id, position, user_id, campaign_id, platform, handle, seen_at
                FROM reach_creator_items WHERE handle <> '';
                INSERT INTO reach_creators (user_id, platform, handle, name, bio, followers, verified, emails,
                                            avatar_url, profile_url, result_id, position, last_seen_at)
                SELECT user_id, platform, handle, name, bio, followers, verified, emails,
                       avatar_url, profile_url, result_id, position, seen_at
                FROM (SELECT *, row_number() OVER (
                          PARTITION BY user_id, platform, handle ORDER BY seen_at DESC, position DESC) AS latest
                      FROM reach_creator_items WHERE handle <> '')
                WHERE latest = 1;
                INSERT INTO reach_creator_search (reach_creator_search) VALUES ('rebuild');
                """)
        }
    }

    /// Rows and bytes on disk of each platform table (the seed's table-size query, via `dbstat`).
    public func tableSizes() throws -> [DoctorReport.TableSize] {
        try writer.read { db in
            var bytes: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name") {
                if let name: String = try row.value("name") { bytes[name] = try row.value("bytes") ?? 0 }
            }
            return try Self.platformTables.map { table in
                let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
                return DoctorReport.TableSize(name: table, rows: rows, bytes: bytes[table] ?? 0)
            }
        }
    }

    /// A consistent copy of the database at `path`, taken while others write.
    ///
    /// Uses SQLite's backup API inside one read transaction, so the copy is a snapshot; unlike
    /// `VACUUM INTO` it keeps rowids, which the search indexes refer to.
    public func backup(to path: String) throws {
        if PrivateFile.isSymlink(path) {
            throw StoreError.conflict("\(path) is a symbolic link: give the path of a new file (backup never follows links)")
        }
        guard !PrivateFile.exists(path) else {
            throw StoreError.conflict("\(path) exists: pass --force to replace it, or choose another path")
        }
        // Created here first, readable by its owner only: the copy holds the token-signing key.
        try PrivateFile.createNew(path)
        let destination: DatabaseQueue
        do {
            destination = try DatabaseQueue(path: path)
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: path)
            throw StoreError.unwritable(path: path, detail: error.message ?? "\(error.resultCode)")
        }
        do {
            try writer.backup(to: destination)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }
}
