import Foundation
import ReachCore
import ReachStore

/// Work that runs every `interval`: a job of its kind, named by the task in `reach_recurring_tasks`.
public struct RecurringTask: Sendable {
    public var name: String
    public var interval: TimeInterval
    private let makeJob: @Sendable (_ dedupeKey: String, _ now: Date) throws -> BackgroundJob

    public init<Kind: JobKind>(_ name: String, _ kind: Kind.Type, every interval: TimeInterval) where Kind.Parameters == RecurringRun {
        self.name = name
        self.interval = interval
        makeJob = { dedupeKey, now in
            try BackgroundJob(kind, RecurringRun(task: name), priority: 200, maxRetries: 1, scheduledFor: now, dedupeKey: dedupeKey, now: now)
        }
    }

    /// This task's run due at `scheduled`, enqueued `now`.
    func job(scheduled: Date, now: Date) throws -> BackgroundJob {
        try makeJob("recurring:\(name):\(scheduled.databaseText)", now)
    }
}
