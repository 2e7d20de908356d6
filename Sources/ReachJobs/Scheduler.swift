import Foundation
import Logging
import ReachCore
import ReachStore
import ServiceLifecycle

/// The in-process replacement of QStash: four services in one group — the queue's workers, the
/// event processor, the recurring tasks and lease recovery — over the same database.
///
/// `reach serve` runs them beside the HTTP server; `reach work` alone; tests call
/// ``runUntilIdle(waitForScheduled:)`` and move a `ManualClock` instead of waiting.
public final class Scheduler: Service, Sendable {
    public struct Options: Sendable {
        /// Concurrent jobs; `nil` reads `job_processing.max_concurrent_jobs` (a change applies at once).
        public var workers: Int?
        /// How often to look for other processes' writes.
        public var pollInterval: Duration = .seconds(1)
        /// How long a graceful shutdown waits for running jobs before handing them back.
        public var shutdownDeadline: Duration = .seconds(10)
        /// Lease length; `nil` reads `job_processing.job_timeout`.
        public var leaseDuration: TimeInterval?

        public init(workers: Int? = nil) {
            self.workers = workers
        }
    }

    /// What the scheduler has done since it started.
    public struct Counters: Sendable {
        public var completed = 0
        public var failed = 0
        public var retried = 0
        public var leasesRecovered = 0
        public var eventsProcessed = 0
    }

    let core: SchedulerCore
    let workers: QueueWorkers
    let events: EventProcessor
    let recurringTasks: RecurringTaskRunner
    let recovery: LeaseRecovery
    let recurring: RecurringTasks

    public init(
        database: ReachDatabase, clock: any ReachClock = SystemClock(), handlers: [any JobHandler],
        recurring: RecurringTasks = .standard, options: Options = Options(), logger: Logger = Logger(label: "reach.scheduler")
    ) {
        core = SchedulerCore(database: database, clock: clock, handlers: handlers, options: options, logger: logger)
        workers = QueueWorkers(core: core)
        events = EventProcessor(database: database, clock: clock, logger: logger, pollInterval: options.pollInterval)
        recurringTasks = RecurringTaskRunner(core: core, recurring: recurring)
        recovery = LeaseRecovery(core: core)
        self.recurring = recurring
    }

    /// `host:pid:instance`: who holds the leases this scheduler takes.
    public var holder: String { core.holder }

    public var stats: Counters {
        var counters = core.counters.withLock { $0 }
        counters.eventsProcessed = events.processedCount.withLock { $0 }
        return counters
    }

    /// The scheduler's services, to run in one group (with the HTTP server, for `reach serve`).
    public var services: [any Service] { [recovery, workers, events, recurringTasks] }

    /// Runs the four services as child tasks: they see this service's graceful shutdown as their
    /// own. (`reach serve` and `reach work` put ``services`` in their group instead.)
    public func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for service in services {
                group.addTask { try await service.run() }
            }
            try await group.waitForAll()
        }
    }

    /// Runs every piece of due work until nothing is runnable at the clock's time: leases, recurring
    /// tasks, events, then jobs, again until a round finds nothing.
    ///
    /// With `waitForScheduled`, also waits (in real time) while work is in progress: a search not
    /// finished, or a job due within a minute. Jobs due later (a trial e-mail next week) do not keep
    /// it waiting; ``Idle`` says what waits.
    /// `recoverLeases` first returns the jobs of dead workers (a write: the test kit's loop, which
    /// runs this every few milliseconds, skips it).
    @discardableResult
    public func runUntilIdle(waitForScheduled: Bool = false, recoverLeases: Bool = true) async throws -> Idle {
        if recoverLeases { _ = try await core.recoverLeases(includeDeadProcesses: true) }
        while true {
            try await recurring.enqueueDue(database: core.database, now: core.clock.nowMilliseconds())
            let processed = try await events.processPending(limit: EventProcessor.batch)
            let ran = try await workers.runDue()
            if processed > 0 || ran > 0 { continue }
            let now = core.clock.now()
            let (due, inProgress, waiting) = try await core.database.reader.read { db in
                (try JobQueue.nextDueDate(db), try JobQueue.hasWorkInProgress(db, now: now, horizon: Self.idleHorizon),
                 try JobQueue.waiting(db, after: now))
            }
            guard waitForScheduled, inProgress else { return Idle(waiting: waiting.count, next: waiting.next) }
            let wait = max(0.01, min(1, (due ?? now).timeIntervalSince(now)))
            try await Task.sleep(for: .milliseconds(Int(wait * 1000)))
        }
    }

    /// Work due within this long still counts as in progress.
    public static let idleHorizon: TimeInterval = 60

    /// What is left when the scheduler is idle: jobs due later, and when the first is.
    public struct Idle: Sendable, Equatable {
        public var waiting: Int
        public var next: Date?
    }

    /// Returns jobs whose lease expired (or whose process is gone) to pending; returns how many.
    func recoverLeases(includeDeadProcesses: Bool) async throws -> Int {
        try await core.recoverLeases(includeDeadProcesses: includeDeadProcesses)
    }

    /// The longest wait before a retry: a job's `max_retries` may come from an imported file.
    public static let maximumBackoff: TimeInterval = 86_400

    /// The delay before retry number `retry` (1-based), at most ``maximumBackoff``.
    public static func backoff(base: TimeInterval, retry: Int, jitter: Double = Double.random(in: 0.75...1.25)) -> TimeInterval {
        min(maximumBackoff, base * pow(2, Double(min(max(0, retry - 1), 32))) * jitter)
    }
}
