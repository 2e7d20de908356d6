import Foundation
import GRDB
import ReachStore

/// The file's care: health, integrity and repair, backups, cleanup by retention, the queue's figures.
public struct Maintenance: Sendable {
    let context: AppContext

    public init(_ context: AppContext) {
        self.context = context
    }

    /// How many migrations the file has applied: `/healthz`'s proof that the database answers.
    public func appliedMigrations() async throws -> Int {
        try await context.read { db in try ReachDatabase.appliedMigrationCount(db) }
    }

    /// The migrations applied and those the file still lacks.
    public func migrationStatus() throws -> (applied: [String], pending: [String]) {
        try context.database.migrationStatus()
    }

    /// Integrity, foreign keys, search indexes, migrations and table sizes; with `repair`, the
    /// search indexes are rebuilt first.
    public func doctor(repair: Bool = false) throws -> DoctorReport {
        if repair { try context.database.rebuildSearchIndexes() }
        return try context.database.doctor()
    }

    /// A consistent copy of the database at `path` (never overwriting), and its `quick_check`.
    public func backup(to path: String) throws -> String {
        try context.database.backup(to: path)
        return try ReachDatabase.open(path: path, mode: .readOnly()).quickCheck()
    }

    /// Deletes finished jobs, processed events and expired token revocations past their retention.
    public func cleanup() async throws -> JSONValue {
        let now = context.now()
        return try await context.write { db in
            let day: TimeInterval = 86_400
            let completedDays = TimeInterval(try Settings.count(db, .completedJobsRetentionDays))
            let failedDays = TimeInterval(try Settings.count(db, .errorJobsRetentionDays))
            let eventDays = TimeInterval(try Settings.count(db, .eventRetentionDays))
            let jobs = try JobQueue.deleteFinished(
                db, completedBefore: now.addingTimeInterval(-completedDays * day),
                failedBefore: now.addingTimeInterval(-failedDays * day))
            let events = try Event.deleteProcessed(db, before: now.addingTimeInterval(-eventDays * day))
            let revocations = try TokenRevocations.deleteExpired(db, now: now)
            return ["jobsDeleted": .int(Int64(jobs)), "eventsDeleted": .int(Int64(events)),
                    "revocationsDeleted": .int(Int64(revocations))]
        }
    }

    /// `PRAGMA optimize`: SQLite refreshes its planner's statistics.
    public func optimize() throws {
        try context.database.optimize()
    }

    /// When work next falls due after now (a pending job, a trial's end, a search's timeout, a
    /// usage month's end): how far a test-mode clock can move before something must run.
    public func nextDueWork() async throws -> Date? {
        let now = context.now()
        return try await context.read { db in try DueWork.next(db, after: now) }
    }

    /// The whole file, copied into memory (a test-mode snapshot).
    public func copy() throws -> DatabaseCopy {
        try context.database.copy()
    }

    /// The whole file replaced by `copy`, while it stays open.
    public func restore(_ copy: DatabaseCopy) throws {
        try context.database.restore(copy)
    }

    /// How far ahead of real time the file's test-mode clock runs, in seconds (0: real time).
    public func testClockShift() async throws -> TimeInterval {
        try await context.read { db in TimeInterval(try TestClockShift.fetch(db)) / 1000 }
    }

    /// Records where this process's server listens, for `reach stripe|clerk trigger` on the same file.
    public func recordListener(url: String, pid: Int32) async throws {
        let now = context.now()
        try await context.write { db in try Listener.record(db, url: url, pid: pid, now: now) }
    }

    /// Forgets this process's listener as its server stops.
    public func forgetListener(pid: Int32) async throws {
        try await context.write { db in try Listener.forget(db, pid: pid) }
    }

    /// Where a server on this file listens, if one still runs (its process exists).
    public func runningListener() async throws -> String? {
        guard let listener = try await context.read({ db in try Listener.current(db) }),
            kill(listener.pid, 0) == 0 || errno == EPERM
        else { return nil }
        return listener.url
    }

    /// Keeps the test-mode clock's shift in the file, so that a restart or `reach test --db` goes on from it.
    public func saveTestClockShift(_ shift: TimeInterval) async throws {
        // Within the schema's CHECK (0 to the span from 1970 to 9999-12-31); the clock's own bound keeps it far inside.
        let milliseconds = Int64(exactly: (min(max(shift, 0), 253_402_300_799.999) * 1000).rounded()) ?? 0
        try await context.write { db in try TestClockShift.save(db, milliseconds: milliseconds) }
    }

    /// The file emptied back to its plans and configuration defaults; its token key kept.
    public func reset() throws {
        try context.database.resetKeepingSecrets()
    }

    /// The queue's and searches' figures for `/metrics`.
    public func queueFigures() async throws -> QueueFigures {
        let now = context.clock.now()
        return try await context.read { db in
            let stats = try JobQueue.stats(db, now: now)
            return QueueFigures(
                jobs: stats.byStatus, due: stats.due, scheduledLater: stats.later,
                oldestPendingAge: stats.oldestPending.map { max(0, now.timeIntervalSince($0)) },
                eventsPending: try Event.hasPending(db), searchesRunning: try ScrapingJob.runningCount(db))
        }
    }

    public struct QueueFigures: Sendable {
        public var jobs: [BackgroundJobStatus: Int]
        /// Pending jobs due now, and those scheduled for later (a trial's e-mails, days ahead).
        public var due: Int
        public var scheduledLater: Int
        /// Seconds the oldest due pending job has waited.
        public var oldestPendingAge: TimeInterval?
        public var eventsPending: Bool
        public var searchesRunning: Int
    }
}
