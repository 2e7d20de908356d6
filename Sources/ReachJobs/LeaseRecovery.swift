import Foundation
import ServiceLifecycle

/// Brings back work held by a scheduler that died: at start, then every few seconds, jobs whose
/// lease expired or whose process on this host is gone return to pending, one more retry counted.
final class LeaseRecovery: Service, Sendable {
    static let interval: Duration = .seconds(5)
    let core: SchedulerCore

    init(core: SchedulerCore) {
        self.core = core
    }

    func run() async throws {
        if let recovered = await core.survive("recovering leases", { try await core.recoverLeases(includeDeadProcesses: true) }),
            recovered > 0
        {
            core.logger.notice("recovered \(recovered) expired leases")
        }
        while !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: Self.interval) }
            } catch {
                return
            }
            if let recovered = await core.survive("recovering leases", { try await core.recoverLeases(includeDeadProcesses: true) }),
                recovered > 0
            {
                core.logger.notice("recovered \(recovered) expired leases")
            }
        }
    }
}
