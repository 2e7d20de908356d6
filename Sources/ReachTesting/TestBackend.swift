import Foundation
import Logging
import ReachCore
import ReachHTTP
import ReachJobs
import ServiceLifecycle
import Synchronization

/// A test-mode backend: the application on a clock that moves on request, and the scheduler run
/// in turns with the test kit's operations, so that each sees the database at rest.
///
/// As a `Service` it runs due work every few milliseconds (searches progress as in `reach
/// serve`); ``moveClock(to:)``, the snapshots and ``reset()`` wait for the work in progress, then
/// run alone.
public final class TestBackend: TestModeControl, Service {
    public let app: ReachApp
    public let clock: ShiftableClock
    let scheduler: Scheduler
    let logger: Logger
    private let turns = AsyncLock()
    private let snapshots = Mutex<[String: DatabaseCopy]>([:])

    /// The backend of `app`, whose clock must be `clock`; the clock goes on from the shift the file keeps.
    public init(app: ReachApp, clock: ShiftableClock, handlers: [any JobHandler], logger: Logger = Logger(label: "reach.test"))
        async throws
    {
        clock.restore(shift: try await app.maintenance.testClockShift())
        self.app = app
        self.clock = clock
        self.logger = logger
        scheduler = Scheduler(database: app.database, clock: clock, handlers: handlers, options: .init(workers: 4), logger: logger)
    }

    public func run() async throws {
        try await withGracefulShutdownHandler {
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                await turns.withLock {
                    do {
                        try await scheduler.runUntilIdle(recoverLeases: false)
                    } catch is CancellationError {
                    } catch {
                        logger.error("test mode: running due work failed: \(ReachError.from(error))")
                    }
                }
                try? await Task.sleep(for: .milliseconds(20))
            }
        } onGracefulShutdown: {}
    }

    public func now() -> Date { clock.now() }

    public func moveClock(to date: Date) async throws -> ClockMove {
        try await turns.withLock {
            try clock.refuseBackwards(date)
            // The file keeps where the clock got to, also when work on the way fails or stops.
            do {
                let reached = try await step(to: date)
                try await app.maintenance.saveTestClockShift(clock.shift)
                return reached ? ClockMove(now: clock.now())
                    : ClockMove(now: clock.now(), stoppedShort: "the server is shutting down: the clock stopped where the work due on the way reached")
            } catch {
                try? await app.maintenance.saveTestClockShift(clock.shift)
                throw error
            }
        }
    }

    /// Through every due time on the way, so that work runs in due order, as if that time had
    /// passed; false when a graceful shutdown stopped it first. Recurring work that falls due many
    /// times on the way (a usage month) runs once where the move ends: a move costs the work that
    /// is due, not the calendar it crosses.
    private func step(to date: Date) async throws -> Bool {
        var saved = ContinuousClock.now
        while true {
            try await scheduler.runUntilIdle(recoverLeases: false)
            if Task.isShuttingDownGracefully { return false }
            guard let next = try await app.maintenance.nextDueWork(), next <= date else { break }
            // What falls due within a second of the next piece runs in the same step (the queue takes it in
            // due order), so a week of a thousand trials takes steps by the second, not by the job. Real time
            // runs on while the work does: never ask the clock to step back.
            try clock.move(to: max(min(date, next.addingTimeInterval(Self.step)), clock.now()))
            if ContinuousClock.now - saved > .seconds(1) {
                try await app.maintenance.saveTestClockShift(clock.shift)  // a process killed mid-move keeps where it got to
                saved = .now
            }
        }
        try clock.move(to: max(date, clock.now()))
        try await scheduler.runUntilIdle(recoverLeases: false)
        return true
    }

    /// How close in time two pieces of work must be to run in one step of ``moveClock(to:)``.
    static let step: TimeInterval = 1

    /// Runs what is due now, and every page of the searches running, without moving the clock: a
    /// search's next page waits for the platform's continuation delay, which a test need not wait
    /// for (as Oban's `drain_queue(with_scheduled: true)`). Other work due later (a trial's e-mails)
    /// waits for the clock.
    public func runDueWork() async throws -> (ran: Int, pending: Int) {
        try await turns.withLock {
            let before = scheduler.stats
            var idle = try await scheduler.runUntilIdle(recoverLeases: false)
            var rounds = 0
            while try await app.searches.expediteSteps() > 0, rounds < 10_000 {
                idle = try await scheduler.runUntilIdle(recoverLeases: false)
                rounds += 1
            }
            let after = scheduler.stats
            return (after.completed + after.failed + after.retried - before.completed - before.failed - before.retried, idle.waiting)
        }
    }

    /// At most this many snapshots at once, and this many bytes of them in all: they are in memory.
    public static let snapshotLimit = (count: 100, bytes: 1 << 30)

    public func snapshot(_ name: String) async throws -> Duration {
        try await turns.withLock {
            let started = ContinuousClock.now
            let held = snapshots.withLock { $0.filter { $0.key != name }.values.map(\.size) }
            guard held.count < Self.snapshotLimit.count else {
                throw ReachError.invalid(field: "name", reason: "\(held.count) snapshots are kept, the most a server holds: delete one first")
            }
            let copy = try app.maintenance.copy()
            let bytes = held.reduce(copy.size, +)
            guard bytes <= Self.snapshotLimit.bytes else {
                throw ReachError.invalid(field: "name", reason: "the snapshots would hold \(bytes >> 20) MiB, over the \(Self.snapshotLimit.bytes >> 20) MiB "
                    + "a server keeps in memory: delete some first")
            }
            snapshots.withLock { $0[name] = copy }
            return ContinuousClock.now - started
        }
    }

    public func restore(_ name: String) async throws -> Duration {
        try await turns.withLock {
            guard let copy = snapshots.withLock({ $0[name] }) else { throw ReachError.notFound("snapshot \(name)") }
            let started = ContinuousClock.now
            try app.maintenance.restore(copy)
            clock.restore(shift: try await app.maintenance.testClockShift())
            return ContinuousClock.now - started
        }
    }

    public func deleteSnapshot(_ name: String) async throws {
        guard snapshots.withLock({ $0.removeValue(forKey: name) }) != nil else { throw ReachError.notFound("snapshot \(name)") }
        ProcessMemory.returnFreedPages()  // a deleted snapshot's pages go back to the system, not only to the heap
    }

    public func reset() async throws -> Duration {
        try await turns.withLock {
            let started = ContinuousClock.now
            try app.maintenance.reset()
            clock.restore(shift: 0)
            return ContinuousClock.now - started
        }
    }
}
