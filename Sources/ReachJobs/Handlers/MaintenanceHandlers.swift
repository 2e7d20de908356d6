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
            PagedWriteHandler(jobType: "expire_trial", resultKey: "expired") { db, now, limit in
                try Trials.expireDue(db, now: now, limit: limit).count
            },
            WriteHandler(jobType: "timeout_scraping_jobs") { db, _, now in
                ["timedOut": .int(Int64(try Searches.timeOutExpired(db, now: now)))]
            },
            PagedWriteHandler(jobType: "reset_usage", resultKey: "reset") { db, now, limit in
                try Usage.resetDue(db, now: now, limit: limit)
            },
            WriteHandler(jobType: "cleanup_jobs") { db, _, now in
                let day: TimeInterval = 86_400
                let completedDays = TimeInterval(try Settings.count(db, .completedJobsRetentionDays))
                let failedDays = TimeInterval(try Settings.count(db, .errorJobsRetentionDays))
                let eventDays = TimeInterval(try Settings.count(db, .eventRetentionDays))
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

/// Work over many rows done a page per transaction, so that other writers get their turn
/// between pages and memory stays small when much falls due at once (a file opened after a
/// long pause). `page` handles at most `limit` rows and returns how many; fewer means done.
struct PagedWriteHandler: JobHandler {
    let jobType: String
    let resultKey: String
    var pageSize = 500
    let page: @Sendable (Database, Date, Int) throws -> Int

    func run(_ job: BackgroundJob, context: JobContext) async throws -> JSONValue? {
        let now = context.clock.nowMilliseconds()
        var total = 0
        while true {
            let handled = try await context.database.writer.write { db in try page(db, now, pageSize) }
            total += handled
            if handled < pageSize { return .object([resultKey: .int(Int64(total))]) }
        }
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
