import ArgumentParser
import Foundation
import Logging
import ReachCore
import ReachJobs
import ServiceLifecycle
import Synchronization

struct Work: ReachCommand {
    static let configuration = CommandConfiguration(
        commandName: "work", abstract: "Run the scheduler alone (no HTTP listener): background jobs, searches, events, recurring tasks.")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var provider: ProviderOptions
    @Flag(name: .long, help: "Exit 0 once nothing is due: searches finished, no job due within a minute (later ones are listed).") var untilIdle = false

    func execute() async throws {
        let database = try options.open(.create)
        let logger = Composition.logger("reach.work")
        let scheduler = try provider.makeScheduler(database: database, logger: logger)
        let watcher = SearchWatcher(searches: Searches(AppContext(database: database, clock: SystemClock())))
        if untilIdle {
            let idle = Mutex<Scheduler.Idle?>(nil)
            try await watcher.watching {
                let reached = try await scheduler.runUntilIdle(waitForScheduled: true)
                idle.withLock { $0 = reached }
            }
            if let idle = idle.withLock({ $0 }), let next = idle.next {
                Terminal.info("reach work: idle; \(idle.waiting) \(idle.waiting == 1 ? "job waits" : "jobs wait"), the next at "
                    + String(WireFormat.timestamp(next).prefix(16)).replacingOccurrences(of: "T", with: " "))
            }
        } else {
            let group = ServiceGroup(configuration: .init(
                services: scheduler.services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await watcher.watching { try await group.run() }
        }
        let stats = scheduler.stats
        Terminal.info("reach work: \(stats.completed) jobs completed, \(stats.retried) retried, \(stats.failed) failed, "
            + "\(stats.eventsProcessed) events processed, \(stats.leasesRecovered) leases recovered")
    }
}
