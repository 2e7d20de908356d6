import Foundation
import GRDB
import ReachCore
import ReachStore

/// A handler that runs one synchronous write against the database.
struct WriteHandler: JobHandler {
    let jobType: String
    let work: @Sendable (Database, BackgroundJob, Date) throws -> JSONValue?

    func run(_ job: BackgroundJob, context: JobContext) async throws -> JSONValue? {
        let now = context.clock.nowMilliseconds()
        return try await context.database.writer.write { db in try work(db, job, now) }
    }
}

/// The recurring tasks' handlers, and the accounts' background jobs.
public enum MaintenanceHandlers {
    public static var all: [any JobHandler] {
        [
            WriteHandler(jobType: "expire_trial") { db, _, now in
                .object(["expired": .array(try Trials.expireDue(db, now: now).map(JSONValue.string))])
            },
            WriteHandler(jobType: "timeout_scraping_jobs") { db, _, now in
                ["timedOut": .int(Int64(try Searches.timeOutExpired(db, now: now)))]
            },
            WriteHandler(jobType: "reset_usage") { db, _, now in
                ["reset": .int(Int64(try Usage.resetDue(db, now: now)))]
            },
            WriteHandler(jobType: "cleanup_jobs") { db, _, now in
                let day: TimeInterval = 86_400
                let completedDays = try Settings.number(db, .completedJobsRetentionDays)
                let failedDays = try Settings.number(db, .errorJobsRetentionDays)
                let eventDays = try Settings.number(db, .eventRetentionDays)
                let jobs = try JobQueue.deleteFinished(
                    db, completedBefore: now.addingTimeInterval(-completedDays * day),
                    failedBefore: now.addingTimeInterval(-failedDays * day))
                let events = try Event.deleteProcessed(db, before: now.addingTimeInterval(-eventDays * day))
                return ["jobsDeleted": .int(Int64(jobs)), "eventsDeleted": .int(Int64(events))]
            },
            WriteHandler(jobType: Onboarding.completeJobType) { db, job, now in
                guard let userId = job.payload["userId"]?.stringValue else {
                    throw PermanentJobError("payload needs userId")
                }
                return try Onboarding.finishInBackground(db, userId: userId, now: now)
            },
            OptimizeHandler(),
        ]
    }
}

/// `PRAGMA optimize`, outside a transaction.
struct OptimizeHandler: JobHandler {
    let jobType = "optimize_database"

    func run(_ job: BackgroundJob, context: JobContext) async throws -> JSONValue? {
        try context.database.optimize()
        return ["optimized": true]
    }
}
