import Foundation
import GRDB
import Testing
@testable import ReachStore

/// No stored value stops a reader: dates beyond year 9999 are refused by every table, a file that
/// holds one from before migration 0011 is mended when it migrates and reported by the doctor
/// before, and the words for a file that cannot be opened say what is wrong with it.
@Suite("Stored values and the words for bad files")
struct StoredValueTests {
    func temporaryPath(_ name: String = "reach.sqlite") throws -> (URL, String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reach-test-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (directory, directory.appendingPathComponent(name).path)
    }

    @Test("Reach's own tables refuse a timestamp past 9999-12-31 or off the calendar, naming the column")
    func internalChecks() throws {
        let database = try ReachDatabase.temporary()
        for (sql, column) in [
            ("INSERT INTO reach_recurring_tasks (name, next_run_at) VALUES ('x', '10000-01-01 00:00:00.000')", "next_run_at"),
            ("INSERT INTO reach_recurring_tasks (name, next_run_at) VALUES ('x', '2027-02-30 00:00:00.000')", "next_run_at"),
            ("INSERT INTO reach_recurring_tasks (name, last_run_at, next_run_at) VALUES ('x', 'soon', '2027-01-01 00:00:00.000')", "last_run_at"),
            ("INSERT INTO reach_revoked_tokens (token_id, expires_at) VALUES ('t', '10000-01-01 00:00:00.000')", "expires_at"),
            ("INSERT INTO reach_token_cutoffs (user_id, issued_before) VALUES ('u', '+10000-01-01')", "issued_before"),
            ("INSERT INTO reach_test_clock (id, shift_ms) VALUES (1, 253402300800000)", "shift_ms"),
        ] {
            let error = #expect(throws: DatabaseError.self) { try database.writer.write { try $0.execute(sql: sql) } }
            #expect(error?.message?.contains(column) == true, "\(sql): \(String(describing: error))")
        }
        // What the writers write goes through: the clamp keeps the stored form.
        try database.writer.write { db in
            try RecurringSchedule.recordRun(db, name: "x", now: Date.latestStored, next: Date.latestStored.addingTimeInterval(3_600))
        }
        let next = try database.reader.read { try RecurringSchedule.nextRuns($0)["x"] }
        #expect(next == Date.latestStored)
    }

    @Test("a file that stored year 10000 before migration 0011: the doctor names it, migrating mends it, and every reader reads")
    func mendedByMigration() throws {
        let (directory, path) = try temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Given a file at migration 0010 holding what a clock at 9999-12-31 once wrote
        let queue = try DatabaseQueue(path: path)
        try ReachMigrations.migrator.migrate(queue, upTo: "0010_platform_columns")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO reach_recurring_tasks (name, last_run_at, next_run_at)
                VALUES ('expire_trials', '9999-12-31 23:00:00.000', '10000-01-01 00:00:00.000'), ('reset_usage', 'garbage', '2026-01-01 00:00:00.000');
                INSERT INTO reach_revoked_tokens (token_id, expires_at) VALUES ('t1', '10000-01-01 00:00:00.000');
                INSERT INTO reach_test_clock (id, shift_ms) VALUES (1, 9223372036854775807);
                """)
        }
        try queue.close()
        // When the doctor looks without migrating, it names each place
        let report = try ReachDatabase.open(path: path, mode: .readOnly(pendingAllowed: true)).doctor()
        #expect(Set(report.unreadable.keys) == ["reach_recurring_tasks.next_run_at", "reach_recurring_tasks.last_run_at",
                                                 "reach_revoked_tokens.expires_at", "reach_test_clock.shift_ms"], "\(report.unreadable)")
        #expect(!report.isHealthy)
        // Then opening it migrates and mends: a next run due now, a last run unknown, a revocation to the end of time
        let database = try ReachDatabase.open(path: path)
        #expect(try database.doctor().unreadable.isEmpty)
        try database.reader.read { db in
            let runs = try RecurringSchedule.nextRuns(db)
            #expect(runs["expire_trials"].map { abs($0.timeIntervalSinceNow) < 60 } == true, "\(runs)")
            #expect(runs["reset_usage"] == Date(databaseText: "2026-01-01 00:00:00.000".utf8))
            #expect(try String.fetchOne(db, sql: "SELECT last_run_at FROM reach_recurring_tasks WHERE name = 'reset_usage'") == nil)
            #expect(try String.fetchOne(db, sql: "SELECT expires_at FROM reach_revoked_tokens") == "9999-12-31 23:59:59.999")
            #expect(try Int64.fetchOne(db, sql: "SELECT shift_ms FROM reach_test_clock") == 253_402_300_799_999)
        }
    }

    @Test("a row of a platform table no reader can read is named by the doctor, with its id")
    func unreadablePlatformRow() throws {
        let database = try ReachDatabase.temporary()
        let deep = String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000)
        try database.writer.write { db in
            var profile = UserProfile(userId: "user_deep", now: testNow)
            profile.id = UUID(uuidString: "00000000-0000-4000-8000-00000000d33b")!
            try profile.insert(db)
            try db.execute(sql: "UPDATE user_profiles SET plan_features = ? WHERE user_id = 'user_deep'", arguments: [deep])
        }
        let report = try database.doctor()
        #expect(report.unreadable["user_profiles"]?.contains("00000000-0000-4000-8000-00000000d33b") == true, "\(report.unreadable)")
    }

    @Test("timestamps from outside are read strictly: real dates only, years 0001 to 9999 in UTC, offsets applied")
    func strictTimestamps() {
        func read(_ text: String) -> String? { TimestampText.parse(text)?.date.databaseText }
        #expect(read("2026-12-09T10:00:00Z") == "2026-12-09 10:00:00.000")
        #expect(read("2026-12-09T10:00:00.123456789+01:00") == "2026-12-09 09:00:00.123")
        #expect(read("2026-12-09T10:00:00+0130") == "2026-12-09 08:30:00.000")
        for refused in ["2027-02-30T00:00:00Z", "2027-04-31T00:00:00Z", "2027-13-01T00:00:00Z", "2027-01-01T24:00:00Z",
                        "2027-01-01T00:60:00Z", "2027-01-01T00:00:60Z", "10000-01-01T00:00:00Z", "9999-12-31T23:30:00-01:00",
                        "0000-12-31T23:59:59Z", "2026-12-09", "infinity", "2026-12-09T10:00:00+16", ""] {
            #expect(read(refused) == nil, "\(refused)")
        }
        #expect(Date(databaseText: "2027-02-30 00:00:00.000".utf8) == nil, "a stored text that rolls over is no date")
    }

    @Test("a locked file is said to be locked, with its holder, and not called corrupt")
    func lockedFile() throws {
        let (directory, path) = try temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try ReachDatabase.open(path: path)
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true  // the holder keeps its transaction open across accesses
        let holder = try DatabaseQueue(path: path, configuration: configuration)
        try holder.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
        try holder.writeWithoutTransaction { db in try db.execute(sql: "BEGIN EXCLUSIVE") }
        defer { try? holder.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") } }
        let error = #expect(throws: StoreError.self) { _ = try ReachDatabase.open(path: path) }
        let words = error?.description ?? ""
        #expect(words.contains("locked by another process") && words.contains("try again") && !words.contains("backup"), "\(words)")
    }

    @Test("a directory, a text file and a missing directory each get words that say what to do")
    func badPaths() throws {
        let (directory, path) = try temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = #expect(throws: StoreError.self) { _ = try ReachDatabase.open(path: directory.path) }
        #expect(folder?.description.contains("is a directory") == true, "\(String(describing: folder))")
        try Data("just some notes\n".utf8).write(to: URL(fileURLWithPath: path))
        let text = #expect(throws: StoreError.self) { _ = try ReachDatabase.open(path: path, mode: .readOnly(pendingAllowed: true)) }
        #expect(text?.description.contains("not a SQLite database") == true && text?.description.contains("backup") == false,
                "\(String(describing: text))")
        let missing = directory.appendingPathComponent("nope/x.sqlite").path
        let advice = #expect(throws: StoreError.self) { _ = try ReachDatabase.open(path: missing, mode: .existing) }
        #expect(advice?.description.contains("mkdir -p") == true, "\(String(describing: advice))")
    }
}
