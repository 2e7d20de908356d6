import Foundation
import GRDB
import Logging
import ReachCore
import ReachStore
import ServiceLifecycle
import Synchronization

/// Runs `background_jobs`: claims due work in one write transaction (priority, then scheduled
/// time) under a lease renewed while it runs, runs up to `workers` handlers at once, and writes
/// their outcomes in batches. New work wakes it at once: it observes commits to the queue made
/// through the same database, and polls slowly for other processes' writes.
final class QueueWorkers: Service, Sendable {
    let core: SchedulerCore
    private let wake = WakeSignal()
    /// Jobs claimed and not yet written back: their leases are renewed.
    private let running = Mutex<Set<UUID>>([])
    /// Handlers running now, at most `workers`.
    private let executing = Mutex(0)
    private let completions = Mutex<[Completion]>([])
    private let completionsFlushed = WakeSignal()
    /// Jobs were handled since the heap was last trimmed.
    private let workedSinceTrim = Mutex(false)

    enum Outcome: Sendable {
        case completed(JSONValue?)
        case failed(String, retryAt: Date?)
        case released
    }

    struct Completion: Sendable {
        var id: UUID
        var outcome: Outcome
    }

    init(core: SchedulerCore) {
        self.core = core
    }

    func run() async throws {
        let observation = DatabaseRegionObservation(tracking: BackgroundJob.all())
            .start(in: core.database.writer, onError: { [core] error in
                core.logger.error("scheduler: watching the queue failed: \(ReachError.from(error)); polling instead")
            }, onChange: { [wake] _ in wake.signal() })
        defer { observation.cancel() }
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask { try await self.flushLoop() }
                group.addTask { try await self.leaseRenewalLoop() }
                group.addTask { await self.memoryTrimLoop() }
                // Claimed jobs wait here until one of `workers` slots frees up.
                var backlog: [BackgroundJob] = []
                while !Task.isShuttingDownGracefully && !Task.isCancelled {
                    guard let workers = await core.survive("reading settings", { try await core.workerCount() }) else {
                        await wake.wait(timeout: .seconds(1))
                        continue
                    }
                    if backlog.isEmpty {
                        let held = running.withLock { $0.count }
                        guard let claimed = await core.survive("claiming jobs", {
                            try await self.claim(capacity: max(0, Self.claimBatch(workers) - held))
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
                        await wake.wait(timeout: await core.survive("scheduling", { try await self.sleepDuration() }) ?? .seconds(1))
                    } else if !backlog.isEmpty || executing.withLock({ $0 }) >= workers {
                        await wake.wait(timeout: core.options.pollInterval)
                    }
                }
                if !backlog.isEmpty {
                    let ids = backlog.map(\.id)
                    running.withLock { set in for id in ids { set.remove(id) } }
                    core.logger.notice("shutdown: handing back \(ids.count) claimed jobs not started")
                    await release(ids)
                }
                await drainAfterShutdown()
                group.cancelAll()
            }
        } onGracefulShutdown: {
            self.wake.signal()
        }
        _ = await core.survive("writing the last outcomes") { try await self.flush() }
    }

    /// Runs every due job until none is runnable at the clock's time: `reach work --until-idle`
    /// and tests, which move a `ManualClock` instead of waiting.
    func runDue() async throws -> Int {
        var ran = 0
        while true {
            let workers = try await core.workerCount()
            let claimed = try await claim(capacity: Self.claimBatch(workers))
            if claimed.isEmpty { return ran }
            await withTaskGroup(of: Void.self) { group in
                for (index, job) in claimed.enumerated() {
                    if index >= workers { await group.next() }  // at most `workers` at once
                    executing.withLock { $0 += 1 }
                    group.addTask { await self.execute(job) }
                }
            }
            try await flush()
            ran += claimed.count
        }
    }

    /// How many jobs to claim in one transaction: a few per worker, so that claims and
    /// completions are written in batches even with one worker.
    static func claimBatch(_ workers: Int) -> Int {
        max(workers, min(max(workers * 8, 64), 256))
    }

    /// Claims up to `capacity` due jobs for this scheduler.
    func claim(capacity: Int) async throws -> [BackgroundJob] {
        guard capacity > 0 else { return [] }
        let now = core.clock.nowMilliseconds()
        let lease = try await core.leaseDuration()
        let claimed = try await core.database.writer.write { [holder = core.holder] db in
            try JobQueue.claim(db, now: now, limit: capacity, holder: holder, leaseUntil: now.addingTimeInterval(lease))
        }
        running.withLock { set in for job in claimed { set.insert(job.id) } }
        if !claimed.isEmpty { workedSinceTrim.withLock { $0 = true } }
        return claimed
    }

    /// Runs one job's handler and queues its outcome for the next batched write.
    func execute(_ job: BackgroundJob) async {
        let outcome: Outcome
        if let handler = core.handlers[job.jobType] {
            do {
                outcome = .completed(try await handler.perform(job, context: core.jobContext(for: job)))
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

    /// Exponential backoff with jitter from `job_processing.default_retry_delay`.
    func retryDate(_ job: BackgroundJob) async -> Date {
        let base = (try? await core.configuration.seconds(.defaultRetryDelay)) ?? 30
        return core.clock.now().addingTimeInterval(Scheduler.backoff(base: base, retry: job.retryCount + 1))
    }

    // MARK: - Batched completion

    /// Writes queued outcomes, many per transaction.
    func flush() async throws {
        let batch = completions.withLock { pending -> [Completion] in
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
        guard !batch.isEmpty else { return }
        let now = core.clock.nowMilliseconds()
        let written: Written
        do {
            written = try await writeOutcomes(batch, now: now)
        } catch {
            // Not written: keep them for the next flush (their leases keep them ours meanwhile).
            completions.withLock { $0.insert(contentsOf: batch, at: 0) }
            throw error
        }
        core.counters.withLock {
            $0.completed += written.completed
            $0.failed += written.died.count
            $0.retried += written.retried
        }
        await core.endWorkOf(written.died)
    }

    private struct Written {
        var completed = 0
        var retried = 0
        /// Jobs that failed for good, with why.
        var died: [(job: BackgroundJob, reason: String)] = []
    }

    private func writeOutcomes(_ batch: [Completion], now: Date) async throws -> Written {
        try await core.database.writer.write { [holder = core.holder] db in
            var written = Written()
            var released: [UUID] = []
            var done: [(id: UUID, result: JSONValue?)] = []
            for completion in batch {
                switch completion.outcome {
                case .completed(let result):
                    done.append((completion.id, result))
                case .failed(let message, let retryAt):
                    switch try JobQueue.fail(db, id: completion.id, holder: holder, error: message, retryAt: retryAt, now: now) {
                    case .pending: written.retried += 1
                    case .failed:
                        if let job = try BackgroundJob.fetchOne(db, id: completion.id) { written.died.append((job, message)) }
                    default: break
                    }
                case .released:
                    released.append(completion.id)
                }
            }
            try JobQueue.release(db, ids: released, holder: holder, now: now)
            written.completed = try JobQueue.complete(db, done, holder: holder, now: now)
            return written
        }
    }

    private func flushLoop() async throws {
        while !Task.isCancelled {
            await completionsFlushed.wait(timeout: .milliseconds(200))
            if await core.survive("writing job outcomes", { try await self.flush() }) == nil && !Task.isCancelled {
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
            let lease = await core.survive("reading settings") { try await core.leaseDuration() } ?? 300
            do {
                try await Task.sleep(for: .milliseconds(Int(max(0.05, lease / 3) * 1000)))
            } catch {
                return  // cancelled: the scheduler is stopping
            }
            let ids = Array(running.withLock { $0 })
            guard !ids.isEmpty else { continue }
            let until = core.clock.nowMilliseconds().addingTimeInterval(lease)
            _ = await core.survive("renewing leases") {
                try await core.database.writer.write { [holder = core.holder] db in
                    try JobQueue.renewLeases(db, ids: ids, holder: holder, leaseUntil: until)
                }
            }
        }
    }

    /// Puts jobs back to pending untouched: if this write fails, their leases expire and they come back all the same.
    private func release(_ ids: [UUID]) async {
        let now = core.clock.nowMilliseconds()
        _ = await core.survive("handing back jobs") {
            try await core.database.writer.write { [holder = core.holder] db in
                try JobQueue.release(db, ids: ids, holder: holder, now: now)
            }
        }
    }

    // MARK: - Shutdown

    /// Waits for running jobs up to the deadline; the rest are handed back as pending.
    private func drainAfterShutdown() async {
        let started = ContinuousClock.now
        let deadline = started + core.options.shutdownDeadline
        let waiting = running.withLock { $0.count }
        if waiting > 0 { core.logger.notice("shutdown: waiting for \(waiting) running jobs") }
        while running.withLock({ !$0.isEmpty }) && ContinuousClock.now < deadline {
            _ = await core.survive("writing job outcomes") { try await self.flush() }
            try? await Task.sleep(for: .milliseconds(20))
        }
        _ = await core.survive("writing job outcomes") { try await self.flush() }
        let leftover = Array(running.withLock { $0 })
        if !leftover.isEmpty {
            core.logger.notice("shutdown: handing back \(leftover.count) running jobs")
            await release(leftover)
        }
    }

    /// Until the next job is due, at most the poll interval.
    private func sleepDuration() async throws -> Duration {
        let now = core.clock.now()
        let next = try await core.database.reader.read { db in try JobQueue.nextDueDate(db) }
        let seconds = max(0.001, min(core.pollSeconds, next.map { $0.timeIntervalSince(now) } ?? core.pollSeconds))
        return .milliseconds(Int(seconds * 1000))
    }
}
