import Foundation
import GRDB
import Logging
import ReachCore
import ReachStore
import ServiceLifecycle
import Synchronization

/// The in-process replacement of QStash: runs `background_jobs`, pending events and recurring
/// tasks, as a service-lifecycle `Service`.
///
/// Work is claimed in one write transaction (priority, then scheduled time) under a lease that is
/// renewed while it runs; a job held by a process that died comes back, with one more retry
/// counted. New work wakes the scheduler at once: it observes commits to `background_jobs` and
/// `events` made through the same database, and polls slowly for other processes' writes.
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

    let database: ReachDatabase
    let clock: any ReachClock
    let logger: Logger
    let options: Options
    let handlers: [String: any JobHandler]
    let recurring: RecurringTasks
    let events: EventProcessor
    /// `host:pid:instance`: who holds the leases this scheduler takes.
    public let holder: String

    private let wake = WakeSignal()
    /// Jobs claimed and not yet written back: their leases are renewed.
    private let running = Mutex<Set<UUID>>([])
    /// Handlers running now, at most `workers`.
    private let executing = Mutex(0)
    private let completions = Mutex<[Completion]>([])
    private let completionsFlushed = WakeSignal()
    private let counters = Mutex(Counters())
    private let lastRecovery = Mutex(ContinuousClock.now)
    private let lastFailureLog = Mutex<[String: ContinuousClock.Instant]>([:])
    /// Jobs or events were handled since the heap was last trimmed.
    private let workedSinceTrim = Mutex(false)

    /// What the scheduler has done since it started.
    public struct Counters: Sendable {
        public var completed = 0
        public var failed = 0
        public var retried = 0
        public var leasesRecovered = 0
        public var eventsProcessed = 0
    }

    public var stats: Counters { counters.withLock { $0 } }

    enum Outcome: Sendable {
        case completed(JSONValue?)
        case failed(String, retryAt: Date?)
        case released
    }

    struct Completion: Sendable {
        var id: UUID
        var outcome: Outcome
    }

    public init(
        database: ReachDatabase, clock: any ReachClock = SystemClock(), handlers: [any JobHandler],
        recurring: RecurringTasks = .standard, options: Options = Options(), logger: Logger = Logger(label: "reach.scheduler")
    ) {
        self.database = database
        self.clock = clock
        self.logger = logger
        self.options = options
        self.handlers = Dictionary(handlers.map { ($0.jobType, $0) }, uniquingKeysWith: { first, _ in first })
        self.recurring = recurring
        self.events = EventProcessor(database: database, clock: clock, logger: logger)
        self.holder = Self.makeHolder()
    }

    static func makeHolder() -> String {
        "\(ProcessInfo.processInfo.hostName):\(getpid()):\(UUID().uuidString.prefix(8).lowercased())"
    }

    // MARK: - Service

    public func run() async throws {
        let observation = DatabaseRegionObservation(tracking: BackgroundJob.all(), Event.all())
            .start(in: database.writer, onError: { _ in }, onChange: { [wake] _ in wake.signal() })
        defer { observation.cancel() }
        if let recovered = await survive("recovering leases", { try await self.recoverLeases(includeDeadProcesses: true) }),
            recovered > 0
        {
            logger.notice("recovered \(recovered) expired leases")
        }

        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask { try await self.flushLoop() }
                group.addTask { try await self.leaseRenewalLoop() }
                group.addTask { await self.memoryTrimLoop() }
                // Claimed jobs wait here until one of `workers` slots frees up.
                var backlog: [BackgroundJob] = []
                while !Task.isShuttingDownGracefully && !Task.isCancelled {
                    // A database that refuses work (disk full, read-only) pauses the scheduler; it
                    // never stops it, and it never stops the server beside it.
                    guard let workers = await survive("reading settings", { try await self.workerCount() }) else {
                        await wake.wait(timeout: .seconds(1))
                        continue
                    }
                    if backlog.isEmpty {
                        let held = running.withLock { $0.count }
                        guard let claimed = await survive("claiming jobs", {
                            try await self.round(capacity: max(0, Self.claimBatch(workers) - held))
                        }) else {
                            await wake.wait(timeout: .seconds(1))
                            continue
                        }
                        backlog = claimed
                    }
                    while !backlog.isEmpty, executing.withLock({ $0 }) < workers {
                        let job = backlog.removeFirst()
                        executing.withLock { $0 += 1 }
                        group.addTask { await self.execute(job) }
                    }
                    if backlog.isEmpty && executing.withLock({ $0 }) == 0 {
                        await wake.wait(timeout: await survive("scheduling", { try await self.sleepDuration() }) ?? .seconds(1))
                    } else if !backlog.isEmpty || executing.withLock({ $0 }) >= workers {
                        await wake.wait(timeout: options.pollInterval)
                    }
                }
                if !backlog.isEmpty {
                    let now = clock.nowMilliseconds()
                    let ids = backlog.map(\.id)
                    running.withLock { set in for id in ids { set.remove(id) } }
                    // If this write fails, their leases expire and they come back all the same.
                    _ = await survive("handing back jobs") {
                        try await self.database.writer.write { [holder] db in try JobQueue.release(db, ids: ids, holder: holder, now: now) }
                    }
                }
                await drainAfterShutdown()
                group.cancelAll()
            }
        } onGracefulShutdown: {
            self.wake.signal()
        }
        _ = await survive("writing the last outcomes") { try await self.flush() }
    }

    /// Runs `body`; a failure other than cancellation is logged (once a minute at most for the
    /// same activity) and answered with `nil`, so that the loops go on.
    func survive<T>(_ activity: String, _ body: () async throws -> T) async -> T? {
        do {
            return try await body()
        } catch is CancellationError {
            return nil
        } catch {
            let now = ContinuousClock.now
            let shouldLog = lastFailureLog.withLock { logs -> Bool in
                if let last = logs[activity], now - last < .seconds(60) { return false }
                logs[activity] = now
                return true
            }
            if shouldLog { logger.error("scheduler: \(activity) failed: \(ReachError.from(error)); retrying") }
            return nil
        }
    }

    /// Runs every piece of due work until nothing is runnable at the clock's time.
    ///
    /// With `waitForScheduled`, also waits (in real time) for jobs scheduled later, until no job is
    /// pending or running: `reach work --until-idle`. Tests move a `ManualClock` instead.
    public func runUntilIdle(waitForScheduled: Bool = false) async throws {
        _ = try await recoverLeases(includeDeadProcesses: true)
        while true {
            let workers = try await workerCount()
            let claimed = try await round(capacity: Self.claimBatch(workers))
            if !claimed.isEmpty {
                await withTaskGroup(of: Void.self) { group in
                    for (index, job) in claimed.enumerated() {
                        if index >= workers { await group.next() }  // at most `workers` at once
                        executing.withLock { $0 += 1 }
                        group.addTask { await self.execute(job) }
                    }
                }
                try await flush()
                continue
            }
            let (due, unfinished) = try await database.reader.read { db in
                (try JobQueue.nextDueDate(db), try JobQueue.hasUnfinishedWork(db))
            }
            guard waitForScheduled, unfinished else { return }
            let wait = max(0.01, min(1, (due ?? clock.now()).timeIntervalSince(clock.now())))
            try await Task.sleep(for: .milliseconds(Int(wait * 1000)))
        }
    }

    /// How many jobs to claim in one transaction: a few per worker, so that claims and
    /// completions are written in batches even with one worker.
    static func claimBatch(_ workers: Int) -> Int {
        max(workers, min(max(workers * 8, 64), 256))
    }

    // MARK: - One round

    /// Recurring tasks and events that are due, then claims up to `capacity` due jobs.
    func round(capacity: Int) async throws -> [BackgroundJob] {
        let now = clock.nowMilliseconds()
        let recoveryDue = lastRecovery.withLock { last in
            guard ContinuousClock.now - last > .seconds(5) else { return false }
            last = ContinuousClock.now
            return true
        }
        if recoveryDue { _ = try await recoverLeases(includeDeadProcesses: true) }
        try await recurring.enqueueDue(database: database, now: now)
        let processed = try await events.processPending(limit: 100)
        if processed > 0 { counters.withLock { $0.eventsProcessed += processed } }
        guard capacity > 0 else { return [] }
        let lease = try await leaseDuration()
        let claimed = try await database.writer.write { [holder] db in
            try JobQueue.claim(db, now: now, limit: capacity, holder: holder, leaseUntil: now.addingTimeInterval(lease))
        }
        running.withLock { set in for job in claimed { set.insert(job.id) } }
        if processed > 0 || !claimed.isEmpty { workedSinceTrim.withLock { $0 = true } }
        return claimed
    }

    /// Runs one job's handler and queues its outcome for the next batched write.
    func execute(_ job: BackgroundJob) async {
        let outcome: Outcome
        if let handler = handlers[job.jobType] {
            let context = JobContext(
                database: database, clock: clock, logger: logger, isLastAttempt: job.retryCount >= job.maxRetries)
            do {
                outcome = .completed(try await handler.run(job, context: context))
            } catch is CancellationError where Task.isShuttingDownGracefully || Task.isCancelled {
                outcome = .released
            } catch let error as PermanentJobError {
                outcome = .failed(error.description, retryAt: nil)
            } catch {
                outcome = .failed(String(describing: ReachError.from(error)), retryAt: await retryDate(job))
            }
        } else {
            outcome = .failed("no handler for job type \(job.jobType)", retryAt: nil)
        }
        completions.withLock { $0.append(Completion(id: job.id, outcome: outcome)) }
        running.withLock { _ = $0.remove(job.id) }
        executing.withLock { $0 -= 1 }
        completionsFlushed.signal()
        wake.signal()
    }

    /// Exponential backoff with jitter: the retry delay doubles with each retry, ±25%.
    func retryDate(_ job: BackgroundJob) async -> Date {
        let base = (try? await database.reader.read { db in try Settings.seconds(db, .defaultRetryDelay) }) ?? 30
        return clock.now().addingTimeInterval(Self.backoff(base: base, retry: job.retryCount + 1))
    }

    /// The longest wait before a retry: a job's `max_retries` may come from an imported file.
    public static let maximumBackoff: TimeInterval = 86_400

    /// The delay before retry number `retry` (1-based), at most ``maximumBackoff``.
    public static func backoff(base: TimeInterval, retry: Int, jitter: Double = Double.random(in: 0.75...1.25)) -> TimeInterval {
        min(maximumBackoff, base * pow(2, Double(min(max(0, retry - 1), 32))) * jitter)
    }

    // MARK: - Batched completion

    /// Writes queued outcomes, many per transaction.
    func flush() async throws {
        let batch = completions.withLock { pending -> [Completion] in
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
        guard !batch.isEmpty else { return }
        let now = clock.nowMilliseconds()
        let written: (Int, Int, Int)
        do {
            written = try await writeOutcomes(batch, now: now)
        } catch {
            // Not written: keep them for the next flush (their leases keep them ours meanwhile).
            completions.withLock { $0.insert(contentsOf: batch, at: 0) }
            throw error
        }
        let (completed, failed, retried) = written
        counters.withLock {
            $0.completed += completed
            $0.failed += failed
            $0.retried += retried
        }
    }

    private func writeOutcomes(_ batch: [Completion], now: Date) async throws -> (Int, Int, Int) {
        try await database.writer.write { [holder, handlers] db in
            var failed = 0, retried = 0
            var released: [UUID] = []
            var done: [(id: UUID, result: JSONValue?)] = []
            for completion in batch {
                switch completion.outcome {
                case .completed(let result):
                    done.append((completion.id, result))
                case .failed(let message, let retryAt):
                    switch try JobQueue.fail(db, id: completion.id, holder: holder, error: message, retryAt: retryAt, now: now) {
                    case .pending: retried += 1
                    case .failed:
                        failed += 1
                        if let job = try BackgroundJob.fetchOne(db, id: completion.id) {
                            try handlers[job.jobType]?.jobDied(db, job, reason: message, now: now)
                        }
                    default: break
                    }
                case .released:
                    released.append(completion.id)
                }
            }
            try JobQueue.release(db, ids: released, holder: holder, now: now)
            let completed = try JobQueue.complete(db, done, holder: holder, now: now)
            return (completed, failed, retried)
        }
    }

    private func flushLoop() async throws {
        while !Task.isCancelled {
            await completionsFlushed.wait(timeout: .milliseconds(200))
            if await survive("writing job outcomes", { try await self.flush() }) == nil && !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))  // the database refused: breathe, then retry
            }
        }
    }

    /// Once work stops, gives the heap's freed pages back: checked every two seconds, so a
    /// steady trickle of jobs is not slowed by trims between them.
    private func memoryTrimLoop() async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: .seconds(2)) } catch { return }
            guard executing.withLock({ $0 }) == 0 else { continue }
            if workedSinceTrim.withLock({ worked in defer { worked = false }; return worked }) {
                ProcessMemory.returnFreedPages()
            }
        }
    }

    // MARK: - Leases

    private func leaseRenewalLoop() async throws {
        while !Task.isCancelled {
            let lease = await survive("reading settings") { try await self.leaseDuration() } ?? 300
            do {
                try await Task.sleep(for: .milliseconds(Int(max(0.05, lease / 3) * 1000)))
            } catch {
                return  // cancelled: the scheduler is stopping
            }
            let ids = Array(running.withLock { $0 })
            guard !ids.isEmpty else { continue }
            let until = clock.nowMilliseconds().addingTimeInterval(lease)
            _ = await survive("renewing leases") {
                try await self.database.writer.write { [holder] db in
                    try JobQueue.renewLeases(db, ids: ids, holder: holder, leaseUntil: until)
                }
            }
        }
    }

    /// Returns jobs whose lease expired, or whose holder process on this host is gone, to pending.
    func recoverLeases(includeDeadProcesses: Bool) async throws -> Int {
        let now = clock.nowMilliseconds()
        let (recovered, died) = try await database.writer.write { [holder, handlers] db in
            var dead: [String] = []
            if includeDeadProcesses {
                dead = try JobQueue.leaseHolders(db).filter { $0 != holder && Self.isDeadLocalHolder($0) }
            }
            let jobs = try JobQueue.recoverLeases(db, now: now, deadHolders: dead)
            let died = jobs.filter { $0.status == .failed }
            for job in died {
                try handlers[job.jobType]?.jobDied(db, job, reason: job.error ?? "its worker stopped", now: now)
            }
            return (jobs.count, died.count)
        }
        if recovered > 0 {
            counters.withLock {
                $0.leasesRecovered += recovered
                $0.failed += died
            }
        }
        return recovered
    }

    /// A holder `host:pid:instance` on this host whose process no longer exists.
    static func isDeadLocalHolder(_ holder: String) -> Bool {
        let parts = holder.split(separator: ":")
        guard parts.count == 3, String(parts[0]) == ProcessInfo.processInfo.hostName, let pid = Int32(parts[1]) else {
            return false
        }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    // MARK: - Shutdown

    /// Waits for running jobs up to the deadline; the rest are handed back as pending.
    private func drainAfterShutdown() async {
        let deadline = ContinuousClock.now + options.shutdownDeadline
        while running.withLock({ !$0.isEmpty }) && ContinuousClock.now < deadline {
            _ = await survive("writing job outcomes") { try await self.flush() }
            try? await Task.sleep(for: .milliseconds(20))
        }
        _ = await survive("writing job outcomes") { try await self.flush() }
        let leftover = Array(running.withLock { $0 })
        if !leftover.isEmpty {
            logger.notice("shutdown: handing back \(leftover.count) running jobs")
            let now = clock.nowMilliseconds()
            _ = await survive("handing back jobs") {
                try await self.database.writer.write { [holder] db in try JobQueue.release(db, ids: leftover, holder: holder, now: now) }
            }
        }
    }

    // MARK: - Settings, read fresh so that `reach config set` applies without a restart

    func workerCount() async throws -> Int {
        if let workers = options.workers { return max(1, workers) }
        let configured = try await database.reader.read { db in try Settings.count(db, .maxConcurrentJobs) }
        return max(1, min(256, configured))
    }

    func leaseDuration() async throws -> TimeInterval {
        if let lease = options.leaseDuration { return lease }
        return max(1, try await database.reader.read { db in try Settings.seconds(db, .jobTimeout) })
    }

    /// Until the next job or recurring task is due, at most the poll interval.
    private func sleepDuration() async throws -> Duration {
        let now = clock.now()
        let next = try await database.reader.read { db in
            [try JobQueue.nextDueDate(db), try RecurringTasks.nextDueDate(db)].compactMap { $0 }.min()
        }
        let poll = Double(options.pollInterval.components.seconds) + Double(options.pollInterval.components.attoseconds) / 1e18
        let seconds = max(0.001, min(poll, next.map { $0.timeIntervalSince(now) } ?? poll))
        return .milliseconds(Int(seconds * 1000))
    }
}
