import ArgumentParser
import Foundation
import Logging
import ReachCore
import ReachJobs
import ReachProviders

/// How the scheduler finds creators, from flags or the environment (providers.md §1).
struct ProviderOptions: ParsableArguments {
    @Option(name: .long, help: "offline (default: the fake providers in memory) or live (also $REACH_PROVIDER).")
    var provider: String?

    @Option(name: .customLong("scrapecreators-url"), help: "ScrapeCreators' base URL (also $SCRAPECREATORS_BASE_URL).")
    var scrapeCreatorsURL: String?

    @Option(name: .customLong("rapidapi-instagram-url"), help: "RapidAPI Instagram's base URL (also $RAPIDAPI_INSTAGRAM_BASE_URL).")
    var rapidAPIURL: String?

    @Option(name: .customLong("apify-url"), help: "Apify's base URL (also $APIFY_BASE_URL).")
    var apifyURL: String?

    @Option(name: .long, parsing: .unconditional, help: "Offline provider: latency of each call in milliseconds.")
    var providerLatencyMs: Int?

    @Option(name: .long, parsing: .unconditional, help: "Offline provider: share of calls answered 503, 0 to 1.")
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
        let kind = try kind()
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
        if kind == .live { _ = try endpoints() }
    }

    /// The flag, else the environment, else offline; read as text so that the environment's value
    /// gets the same words as the flag's.
    func kind() throws -> ProviderKind {
        try ProviderKind.parse(provider ?? environment("REACH_PROVIDER") ?? ProviderKind.offline.rawValue)
    }

    private func environment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The live providers' base URLs (flag, else environment, else the provider's) and keys.
    func endpoints() throws -> ProviderEndpoints {
        var flags: [Provider: String] = [:]
        flags[.scrapeCreators] = scrapeCreatorsURL
        flags[.rapidAPI] = rapidAPIURL
        flags[.apify] = apifyURL
        do {
            return try ProviderEndpoints(flags: flags, environment: ProcessInfo.processInfo.environment)
        } catch let error as ProviderError {
            throw UsageError(error.description)
        }
    }

    func makeProvider(database: ReachDatabase, clock: (any ReachClock)? = nil) throws -> any SearchProvider {
        let providerClock: any ProviderClock = clock.map { ReachProviderClock($0) } ?? SystemProviderClock()
        switch try kind() {
        case .live:
            let configuration = ReachCore.Configuration(AppContext(database: database, clock: clock ?? SystemClock()))
            return LiveProvider(
                transport: HTTPTransport(), endpoints: try endpoints(), settings: { try await ProviderSettings.load(configuration) },
                clock: providerClock, actorId: environment("INSTAGRAM_SCRAPER_ACTOR_ID") ?? LiveProvider.defaultActorId)
        case .offline:
            let latency = providerLatencyMs ?? environment("REACH_PROVIDER_LATENCY_MS").flatMap(Int.init) ?? 0
            let failures = providerFailureRate ?? environment("REACH_PROVIDER_FAILURE_RATE").flatMap(Double.init) ?? 0
            return LiveProvider.offline(latency: .milliseconds(latency), failureRate: failures, clock: providerClock)
        }
    }

    /// Every handler Reach has; with `clock` (a test-mode one), the provider waits by it.
    func makeHandlers(database: ReachDatabase, clock: (any ReachClock)? = nil) throws -> [any JobHandler] {
        [ScrapingStepHandler(provider: try makeProvider(database: database, clock: clock)),
         EmailHandler(mailer: OutboxMailer(directory: Composition.outboxDirectory(for: database)))] + MaintenanceHandlers.all
    }

    /// The scheduler with every handler Reach has.
    func makeScheduler(database: ReachDatabase, logger: Logger) throws -> Scheduler {
        var options = Scheduler.Options(workers: workers)
        if let lease = ProcessInfo.processInfo.environment["REACH_LEASE_SECONDS"].flatMap(Double.init) {
            options.leaseDuration = lease
        }
        return Scheduler(database: database, handlers: try makeHandlers(database: database), options: options, logger: logger)
    }
}
