import Foundation
import GRDB
import ReachCore
import ReachStore

/// Work that runs on a schedule. Each run is a background job whose de-duplication key names the
/// scheduled time, written in the same transaction that moves the schedule on: a restart neither
/// skips nor doubles a run.
public struct RecurringTasks: Sendable {
    public struct Task: Sendable {
        public var name: String
        public var jobType: String
        public var interval: TimeInterval
    }

    public var tasks: [Task]

    public static let standard = RecurringTasks(tasks: [
        Task(name: "expire_trials", jobType: "expire_trial", interval: 60),
        Task(name: "timeout_scraping_jobs", jobType: "timeout_scraping_jobs", interval: 60),
        Task(name: "reset_usage", jobType: "reset_usage", interval: 3_600),
        Task(name: "cleanup_jobs", jobType: "cleanup_jobs", interval: 3_600),
        Task(name: "optimize_database", jobType: "optimize_database", interval: 86_400),
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
                let job = BackgroundJob(
                    jobType: task.jobType, payload: ["task": .string(task.name)], priority: 200, maxRetries: 1,
                    scheduledFor: now, dedupeKey: "recurring:\(task.name):\(scheduled.databaseText)", now: now)
                try JobQueue.enqueue(db, job)
                // Missed runs collapse into this one; the next is one interval from now.
                try RecurringSchedule.recordRun(db, name: task.name, now: now, next: now.addingTimeInterval(task.interval))
            }
        }
    }

    static func nextDueDate(_ db: Database) throws -> Date? {
        try RecurringSchedule.nextDueDate(db)
    }
}
