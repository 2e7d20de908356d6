import Foundation
import GRDB
import ReachCore
import ReachStore
import Logging
import ServiceLifecycle
import Testing
@testable import ReachJobs

@Suite("Job queue")
struct QueueTests {
    @Test("claims due jobs by priority, then scheduled time; future jobs wait")
    func claimOrder() throws {
        let database = try ReachDatabase.temporary()
        let late = try enqueue(database, priority: 100, at: start.addingTimeInterval(-10))
        let early = try enqueue(database, priority: 100, at: start.addingTimeInterval(-20))
        let urgent = try enqueue(database, priority: 1, at: start)
        let future = try enqueue(database, priority: 0, at: start.addingTimeInterval(60))
        let claimed = try database.writer.write { db in
            try JobQueue.claim(db, now: start, limit: 10, holder: "h", leaseUntil: start.addingTimeInterval(300))
        }
        #expect(claimed.map(\.id) == [urgent.id, early.id, late.id])
        #expect(claimed.allSatisfy { $0.status == .processing && $0.leasedBy == "h" && $0.startedAt == start })
        #expect(try job(database, future.id).status == .pending)
        let again = try database.writer.write { db in
            try JobQueue.claim(db, now: start, limit: 10, holder: "other", leaseUntil: start.addingTimeInterval(300))
        }
        #expect(again.isEmpty, "a claimed job is not handed out twice")
    }

    @Test("expediting makes later jobs of a type due now, and counts those already due, which a scheduler may not have seen yet")
    func expedite() throws {
        let database = try ReachDatabase.temporary()
        let later = try enqueue(database, type: "step", at: start.addingTimeInterval(2))
        let due = try enqueue(database, type: "step", at: start.addingTimeInterval(-1))
        let other = try enqueue(database, type: "mail", at: start.addingTimeInterval(60))
        let pending = try database.writer.write { db in try JobQueue.expedite(db, jobType: "step", now: start) }
        #expect(pending == 2, "a step that fell due since the queue last looked still counts")
        #expect(try job(database, later.id).scheduledFor == start)
        #expect(try job(database, due.id).scheduledFor == start.addingTimeInterval(-1), "a due job keeps its place")
        #expect(try job(database, other.id).scheduledFor == start.addingTimeInterval(60))
    }

    @Test("with many workers and two schedulers, every job runs exactly once and never twice at once")
    func noDoubleRuns() async throws {
        let database = try ReachDatabase.temporary()
        let clock = ManualClock(start)
        for _ in 0..<300 { try enqueue(database) }
        let handler = RecordingHandler(delay: .milliseconds(1))
        let first = makeScheduler(database, clock: clock, handlers: [handler], workers: 8)
        let second = makeScheduler(database, clock: clock, handlers: [handler], workers: 8)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await first.runUntilIdle() }
            group.addTask { try await second.runUntilIdle() }
            try await group.waitForAll()
        }
        #expect(handler.runs.count == 300 && Set(handler.runs).count == 300)
        #expect(handler.overlaps == 0)
        let completed = try await database.reader.read { db in
            try BackgroundJob.filter(BackgroundJob.Columns.status == "completed").fetchCount(db)
        }
        #expect(completed == 300)
        #expect(first.stats.completed + second.stats.completed == 300)
    }

    @Test("a lease that expires brings the job back with one more retry counted")
    func leaseExpiry() async throws {
        let database = try ReachDatabase.temporary()
        let clock = ManualClock(start)
        let queued = try enqueue(database)
        _ = try await database.writer.write { db in
            try JobQueue.claim(db, now: start, limit: 1, holder: "elsewhere:1:gone", leaseUntil: start.addingTimeInterval(60))
        }
        let handler = RecordingHandler()
        let scheduler = makeScheduler(database, clock: clock, handlers: [handler])
        try await scheduler.runUntilIdle()
        #expect(handler.runs.isEmpty, "the lease still holds")
        clock.advance(by: 61)
        try await scheduler.runUntilIdle()
        #expect(handler.runs == [queued.id])
        let done = try job(database, queued.id)
        #expect(done.status == .completed && done.retryCount == 1)
        #expect(scheduler.stats.leasesRecovered == 1)
    }

    @Test("a job held by a process that died comes back at once")
    func deadHolder() async throws {
        let database = try ReachDatabase.temporary()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        let deadHolder = "\(ProcessInfo.processInfo.hostName):\(process.processIdentifier):dead"
        let queued = try enqueue(database)
        _ = try await database.writer.write { db in
            try JobQueue.claim(db, now: start, limit: 1, holder: deadHolder, leaseUntil: start.addingTimeInterval(3_600))
        }
        let handler = RecordingHandler()
        try await makeScheduler(database, clock: ManualClock(start), handlers: [handler]).runUntilIdle()
        #expect(handler.runs == [queued.id])
    }

    @Test("backoff doubles from job_processing.default_retry_delay, with ±25% jitter")
    func backoff() async throws {
        #expect(Scheduler.backoff(base: 30, retry: 1, jitter: 1) == 30)
        #expect(Scheduler.backoff(base: 30, retry: 2, jitter: 1) == 60)
        #expect(Scheduler.backoff(base: 30, retry: 3, jitter: 1) == 120)
        for retry in 1...5 {
            let delay = Scheduler.backoff(base: 30, retry: retry)
            let middle = 30 * pow(2, Double(retry - 1))
            #expect(delay >= middle * 0.75 && delay <= middle * 1.25)
        }
        let database = try ReachDatabase.temporary()
        let clock = ManualClock(start)
        _ = try await database.writer.write { db in try Settings.set(db, .defaultRetryDelay, value: "10s", now: start) }
        let queued = try enqueue(database)
        try await makeScheduler(database, clock: clock, handlers: [RecordingHandler(failures: 1)]).runUntilIdle()
        let retried = try job(database, queued.id)
        #expect(retried.status == .pending && retried.retryCount == 1)
        let wait = retried.scheduledFor.timeIntervalSince(start)
        #expect(wait >= 7.5 && wait <= 12.5, "first retry after 10s ± 25%, was \(wait)")
        #expect(retried.error?.contains("attempt 1 fails") == true)
    }

    @Test("after max_retries a job is failed, kept, and retryable by hand")
    func deadJobs() async throws {
        let database = try ReachDatabase.temporary()
        let clock = ManualClock(start)
        let queued = try enqueue(database, maxRetries: 2)
        let handler = RecordingHandler(failures: 10)
        let scheduler = makeScheduler(database, clock: clock, handlers: [handler])
        for _ in 0..<5 {
            try await scheduler.runUntilIdle()
            clock.advance(by: 3_600)
        }
        var dead = try job(database, queued.id)
        #expect(dead.status == .failed && dead.retryCount == 2 && dead.failedAt != nil)
        #expect(scheduler.stats.failed == 1 && scheduler.stats.retried == 2)
        dead = try await database.writer.write { db in try JobQueue.retry(db, id: queued.id, now: clock.now()) }
        #expect(dead.status == .pending && dead.retryCount == 0)
        #expect(throws: StoreError.self, "only failed or cancelled jobs are retried") {
            try database.writer.write { db in try JobQueue.retry(db, id: queued.id, now: clock.now()) }
        }
    }

    @Test("a permanent error or an unknown job type fails at once")
    func permanentFailures() async throws {
        let database = try ReachDatabase.temporary()
        let unknown = try enqueue(database, type: "no_such_type")
        try await makeScheduler(database, clock: ManualClock(start), handlers: []).runUntilIdle()
        let failed = try job(database, unknown.id)
        #expect(failed.status == .failed && failed.retryCount == 0 && failed.error == "no handler for job type no_such_type")
    }

    @Test("a cancelled job does not run; finished jobs cannot be cancelled")
    func cancel() async throws {
        let database = try ReachDatabase.temporary()
        let queued = try enqueue(database)
        let other = try enqueue(database)
        _ = try await database.writer.write { db in try JobQueue.cancel(db, id: queued.id, now: start) }
        let handler = RecordingHandler()
        try await makeScheduler(database, clock: ManualClock(start), handlers: [handler]).runUntilIdle()
        #expect(handler.runs == [other.id])
        #expect(try job(database, queued.id).status == .cancelled)
        #expect(throws: StoreError.self) {
            try database.writer.write { db in _ = try JobQueue.cancel(db, id: other.id, now: start) }
        }
    }

    @Test("a de-duplication key enqueues a job once")
    func dedupe() throws {
        let database = try ReachDatabase.temporary()
        let first = try enqueue(database, dedupe: "scrape:abc:0")
        let second = try enqueue(database, priority: 1, dedupe: "scrape:abc:0")
        #expect(first.id == second.id)
        #expect(try database.reader.read { try BackgroundJob.fetchCount($0) } == 1)
    }

    @Test("recurring tasks run once per interval, across restarts")
    func recurring() async throws {
        let database = try ReachDatabase.temporary()
        let clock = ManualClock(start)
        let handler = KindRecordingHandler<TickJob>()
        let tasks = RecurringTasks(tasks: [RecurringTask("tick", TickJob.self, every: 60)])
        try await makeScheduler(database, clock: clock, handlers: [handler], recurring: tasks).runUntilIdle()
        // A restart at the same time does not run it again.
        try await makeScheduler(database, clock: clock, handlers: [handler], recurring: tasks).runUntilIdle()
        #expect(handler.runs.count == 1)
        clock.advance(by: 59)
        try await makeScheduler(database, clock: clock, handlers: [handler], recurring: tasks).runUntilIdle()
        #expect(handler.runs.count == 1)
        clock.advance(by: 1)
        try await makeScheduler(database, clock: clock, handlers: [handler], recurring: tasks).runUntilIdle()
        #expect(handler.runs.count == 2)
        // Down for an hour: one catch-up run, not sixty.
        clock.advance(by: 3_600)
        try await makeScheduler(database, clock: clock, handlers: [handler], recurring: tasks).runUntilIdle()
        #expect(handler.runs.count == 3)
    }

    @Test("a running service wakes at once for new work")
    func serviceWakes() async throws {
        let database = try ReachDatabase.temporary()
        let handler = RecordingHandler()
        var options = Scheduler.Options(workers: 2)
        options.pollInterval = .seconds(30)
        let scheduler = Scheduler(database: database, clock: SystemClock(), handlers: [handler], recurring: .none, options: options)
        let group = ServiceGroup(configuration: .init(services: [.init(service: scheduler)], logger: Logger(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await Task.sleep(for: .milliseconds(200))
            let queued = try enqueue(database, at: Date().addingTimeInterval(-1))
            // Well within the 30 s poll: the commit itself woke the scheduler.
            for _ in 0..<150 where handler.runs.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
            #expect(handler.runs == [queued.id])
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test("graceful shutdown lets running jobs finish within the deadline, and hands back the rest")
    func gracefulShutdown() async throws {
        for (delay, deadline, expected) in [(Duration.milliseconds(300), Duration.seconds(5), BackgroundJobStatus.completed),
                                            (.seconds(30), .milliseconds(100), .pending)] {
            let database = try ReachDatabase.temporary()
            let handler = RecordingHandler(delay: delay)
            var options = Scheduler.Options(workers: 2)
            options.shutdownDeadline = deadline
            let scheduler = Scheduler(database: database, clock: SystemClock(), handlers: [handler], recurring: .none, options: options)
            let queued = try enqueue(database, at: Date().addingTimeInterval(-1))
            let group = ServiceGroup(configuration: .init(services: [.init(service: scheduler)], logger: Logger(label: "test")))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                for _ in 0..<100 where try job(database, queued.id).status != .processing {
                    try await Task.sleep(for: .milliseconds(10))
                }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            let final = try job(database, queued.id)
            #expect(final.status == expected)
            #expect(final.leasedBy == nil && final.retryCount == 0, "handed back untouched")
        }
    }
}
