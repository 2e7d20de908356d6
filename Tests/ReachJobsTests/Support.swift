import Foundation
import GRDB
import Logging
import ReachCore
import ReachProviders
import ReachStore
import Synchronization
@testable import ReachJobs

let start = Date(timeIntervalSince1970: 1_764_021_978.125)

/// The queue tests' job: its parameters are empty.
enum TestJob: JobKind {
    static let jobType = "test_job"
    struct Parameters: Codable, Sendable {}
}

/// A recurring task's job, for the queue tests.
enum TickJob: JobKind {
    typealias Parameters = RecurringRun
    static let jobType = "tick"
}

typealias RecordingHandler = KindRecordingHandler<TestJob>

/// A handler that records what ran, optionally failing or sleeping.
final class KindRecordingHandler<Kind: JobKind>: JobHandler, Sendable {
    let failures: Int
    let delay: Duration
    private let state = Mutex<(runs: [UUID], active: Set<UUID>, overlaps: Int, attempts: [UUID: Int])>(([], [], 0, [:]))

    init(failures: Int = 0, delay: Duration = .zero) {
        self.failures = failures
        self.delay = delay
    }

    var runs: [UUID] { state.withLock { $0.runs } }
    var overlaps: Int { state.withLock { $0.overlaps } }

    func run(_ parameters: Kind.Parameters, context: JobContext) async throws -> JSONValue? {
        let id = context.jobId
        let attempt = state.withLock { state -> Int in
            if state.active.contains(id) { state.overlaps += 1 }
            state.active.insert(id)
            state.attempts[id, default: 0] += 1
            return state.attempts[id]!
        }
        defer { state.withLock { _ = $0.active.remove(id) } }
        if delay > .zero { try await Task.sleep(for: delay) }
        if attempt <= failures { throw ProviderError("attempt \(attempt) fails", isTransient: true) }
        state.withLock { $0.runs.append(id) }
        return ["attempt": .int(Int64(attempt))]
    }
}

func makeScheduler(
    _ database: ReachDatabase, clock: ManualClock, handlers: [any JobHandler], workers: Int = 4,
    recurring: RecurringTasks = .none
) -> Scheduler {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return Scheduler(database: database, clock: clock, handlers: handlers, recurring: recurring,
                     options: .init(workers: workers), logger: logger)
}

@discardableResult
func enqueue(_ database: ReachDatabase, type: String = "test_job", priority: Int = 100, at date: Date = start,
             maxRetries: Int = 3, dedupe: String? = nil) throws -> BackgroundJob {
    try database.writer.write { db in
        try JobQueue.enqueue(db, BackgroundJob(jobType: type, payload: [:], priority: priority, maxRetries: maxRetries,
                                               scheduledFor: date, dedupeKey: dedupe, now: start)).job
    }
}

func job(_ database: ReachDatabase, _ id: UUID) throws -> BackgroundJob {
    try database.reader.read { db in try BackgroundJob.fetchOne(db, id: id)! }
}

/// A user on a paid plan in trial, able to search.
func insertSearcher(_ database: ReachDatabase, _ userId: String = "user_1", plan: PlanKey = .fameFlex) throws {
    try database.writer.write { db in
        var profile = UserProfile(userId: userId, email: "\(userId)@example.com", fullName: "Test User", now: start)
        profile.subscriptionStatus = .trialing
        profile.trialStatus = .active
        try Plans.apply(db, plan: plan, to: &profile)
        try profile.insert(db)
    }
}

/// Runs due work, moving the clock past continuation delays, until the search is final.
func runSearch(_ scheduler: Scheduler, _ database: ReachDatabase, clock: ManualClock, jobId: UUID) async throws -> ScrapingJob {
    for _ in 0..<500 {
        try await scheduler.runUntilIdle()
        let search = try await database.reader.read { db in try ScrapingJob.fetchOne(db, id: jobId)! }
        if search.status.isFinal { return search }
        clock.advance(by: 31)
    }
    throw ProviderError("search did not finish", isTransient: false)
}

/// The offline provider on the test's clock (a search's deadline is in its time), waiting for nothing.
func offline(_ clock: ManualClock, latency: Duration = .zero, failureRate: Double = 0) -> LiveProvider {
    LiveProvider.offline(latency: latency, failureRate: failureRate, clock: ReachProviderClock(clock, waits: false))
}
