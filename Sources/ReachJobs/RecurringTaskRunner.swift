import Foundation
import ReachCore
import ReachStore
import ServiceLifecycle

/// Enqueues each recurring task when it falls due (trial expiry, timeouts, usage resets, cleanup),
/// sleeping until the next one or the poll interval, whichever comes first.
final class RecurringTaskRunner: Service, Sendable {
    let core: SchedulerCore
    let recurring: RecurringTasks

    init(core: SchedulerCore, recurring: RecurringTasks) {
        self.core = core
        self.recurring = recurring
    }

    func run() async throws {
        guard !recurring.tasks.isEmpty else { return }
        while !Task.isShuttingDownGracefully {
            _ = await core.survive("scheduling recurring tasks") {
                try await recurring.enqueueDue(database: core.database, now: core.clock.nowMilliseconds())
            }
            let next = await core.survive("scheduling recurring tasks") {
                try await core.database.reader.read { db in try RecurringTasks.nextDueDate(db) }
            } ?? nil
            let seconds = max(0.01, min(core.pollSeconds, next.map { $0.timeIntervalSince(core.clock.now()) } ?? core.pollSeconds))
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: .milliseconds(Int(seconds * 1000))) }
            } catch {
                return
            }
        }
    }
}
