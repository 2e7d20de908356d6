import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import ReachCore
import ReachJobs

/// How the scheduler finds creators, from flags or the environment.
struct ProviderOptions: ParsableArguments {
    @Option(name: .long, help: "offline (default) or http (also $REACH_PROVIDER).")
    var provider: String?

    @Option(name: .long, help: "The HTTP provider's base URL (also $REACH_PROVIDER_URL).")
    var providerURL: String?

    @Option(name: .long, parsing: .unconditional, help: "Offline provider: latency of each call in milliseconds.")
    var providerLatencyMs: Int?

    @Option(name: .long, parsing: .unconditional, help: "Offline provider: share of calls that fail, 0 to 1.")
    var providerFailureRate: Double?

    @Option(name: .long, parsing: .unconditional, help: "Concurrent background jobs (default: job_processing.max_concurrent_jobs).")
    var workers: Int?

    func validate() throws {
        if let workers, !(1...256).contains(workers) { throw UsageError("--workers must be from 1 to 256") }
        if let rate = providerFailureRate, !(0...1).contains(rate) {
            throw UsageError("--provider-failure-rate must be from 0 to 1")
        }
        if let latency = providerLatencyMs, !(0...600_000).contains(latency) {
            throw UsageError("--provider-latency-ms must be from 0 to 600000")
        }
        if let kind = provider ?? environment("REACH_PROVIDER"), !["offline", "http"].contains(kind) {
            throw UsageError("--provider must be offline or http")
        }
        // The environment's numbers are checked like the flags': converting an unchecked one could trap.
        if let text = environment("REACH_PROVIDER_LATENCY_MS"), Int(text).map({ (0...600_000).contains($0) }) != true {
            throw UsageError("REACH_PROVIDER_LATENCY_MS must be a whole number from 0 to 600000")
        }
        if let text = environment("REACH_PROVIDER_FAILURE_RATE"), Double(text).map({ (0...1).contains($0) }) != true {
            throw UsageError("REACH_PROVIDER_FAILURE_RATE must be a number from 0 to 1")
        }
        if let text = environment("REACH_LEASE_SECONDS"), Double(text).map({ (1...86_400).contains($0) }) != true {
            throw UsageError("REACH_LEASE_SECONDS must be a number of seconds from 1 to 86400")
        }
    }

    private func environment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    func makeProvider(database: ReachDatabase) throws -> any CreatorProvider {
        switch provider ?? environment("REACH_PROVIDER") ?? "offline" {
        case "http":
            guard let url = providerURL ?? environment("REACH_PROVIDER_URL"), URL(string: url)?.scheme != nil else {
                throw UsageError("the http provider needs --provider-url or $REACH_PROVIDER_URL")
            }
            let options = HTTPProvider.Options(baseURL: url, apiKey: environment("REACH_PROVIDER_API_KEY") ?? "")
            let configuration = ReachCore.Configuration(AppContext(database: database, clock: SystemClock()))
            return HTTPProvider(options: options) { platform in
                Double((try? await configuration.count(.maxAPICalls(platform, .keyword))) ?? 50)
            }
        default:
            let latency = providerLatencyMs ?? environment("REACH_PROVIDER_LATENCY_MS").flatMap(Int.init) ?? 0
            let failures = providerFailureRate ?? environment("REACH_PROVIDER_FAILURE_RATE").flatMap(Double.init) ?? 0
            return OfflineProvider(latency: .milliseconds(latency), failureRate: failures)
        }
    }

    /// The scheduler with every handler Reach has.
    func makeScheduler(database: ReachDatabase, logger: Logger) throws -> Scheduler {
        let outbox = Composition.outboxDirectory(for: database)
        var options = Scheduler.Options(workers: workers)
        if let lease = ProcessInfo.processInfo.environment["REACH_LEASE_SECONDS"].flatMap(Double.init) {
            options.leaseDuration = lease
        }
        return Scheduler(
            database: database,
            handlers: [ScrapingStepHandler(provider: try makeProvider(database: database)),
                       EmailHandler(mailer: OutboxMailer(directory: outbox))] + MaintenanceHandlers.all,
            options: options, logger: logger)
    }
}
