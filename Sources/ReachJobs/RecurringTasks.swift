import Foundation
import GRDB
import ReachCore
import ReachStore

/// Work that runs on a schedule. Each run is a background job whose de-duplication key names the
/// scheduled time, written in the same transaction that moves the schedule on: a restart neither
/// skips nor doubles a run.
public struct RecurringTasks: Sendable {
    public var tasks: [RecurringTask]

    public static let standard = RecurringTasks(tasks: [
        RecurringTask("expire_trials", ExpireTrialsJob.self, every: 60),
        RecurringTask("timeout_scraping_jobs", TimeOutSearchesJob.self, every: 60),
        RecurringTask("reset_usage", ResetUsageJob.self, every: 3_600),
        RecurringTask("cleanup_jobs", CleanupJobsJob.self, every: 3_600),
        RecurringTask("optimize_database", OptimizeDatabaseJob.self, every: 86_400),
    ])

    public static let none = RecurringTasks(tasks: [])

    /// Enqueues each task that is due, and records its next run.
    func enqueueDue(database: ReachDatabase, now: Date) async throws {
        guard !tasks.isEmpty else { return }
        let nextRuns = try await database.reader.read { db in try RecurringSchedule.nextRuns(db) }
        let due = tasks.filter { (nextRuns[$0.name] ?? .distantPast) <= now }
        guard !due.isEmpty else { return }
        try await database.writer.write { db in
            let current = try RecurringSchedule.nextRuns(db)
            for task in due {
                let scheduled = current[task.name] ?? now
                guard scheduled <= now else { continue }
                try JobQueue.enqueue(db, try task.job(scheduled: scheduled, now: now))
                // Missed runs collapse into this one; the next is one interval from now.
                try RecurringSchedule.recordRun(db, name: task.name, now: now, next: now.addingTimeInterval(task.interval))
            }
        }
    }

    static func nextDueDate(_ db: Database) throws -> Date? {
        try RecurringSchedule.nextDueDate(db)
    }
}
