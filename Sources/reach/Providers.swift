import ArgumentParser
import Foundation
import Hummingbird
import ReachProviders
import ServiceLifecycle

/// `reach providers fake`: the offline providers over HTTP, for `reach serve --provider live` (or
/// the platform's own code) with no network.
struct Providers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "providers", abstract: "The creator providers.", subcommands: [Fake.self])

    struct Fake: ReachCommand {
        static let configuration = CommandConfiguration(
            commandName: "fake",
            abstract: "Serve fake ScrapeCreators, RapidAPI and Apify APIs on one port, in their real shapes.")

        @Option(name: .long, parsing: .unconditional, help: "The port (0: any free one).") var port = 9100
        @Option(name: .long, help: "The address to listen on.") var host = "127.0.0.1"
        @Option(name: .long, parsing: .unconditional, help: "Latency added to each answer, in milliseconds.") var latencyMs = 0
        @Option(name: .long, parsing: .unconditional, help: "Share of requests answered 503, 0 to 1.") var failureRate = 0.0
        @Option(name: .long, parsing: .unconditional, help: "Seed of the injected failures.") var seed: UInt64 = 42

        func validate() throws {
            guard (0...65_535).contains(port) else { throw UsageError("--port must be from 0 to 65535") }
            guard (0...600_000).contains(latencyMs) else { throw UsageError("--latency-ms must be from 0 to 600000") }
            guard (0...1).contains(failureRate) else { throw UsageError("--failure-rate must be from 0 to 1") }
        }

        func execute() async throws {
            var options = FakeProviderServer.Options()
            options.host = host
            options.port = port
            options.latency = .milliseconds(latencyMs)
            options.failureRate = failureRate
            options.seed = seed
            let logger = Composition.logger("reach.providers.fake")
            let host = self.host
            let app = FakeProviderServer.application(options, logger: logger, onServerRunning: { port in
                let base = "http://\(host):\(port)"
                Terminal.print("""
                    reach providers fake: ScrapeCreators, RapidAPI and Apify on \(base) (any key is accepted; a missing one is refused)
                    export SCRAPECREATORS_BASE_URL=\(base) RAPIDAPI_INSTAGRAM_BASE_URL=\(base) APIFY_BASE_URL=\(base)
                    export SCRAPECREATORS_API_KEY=fake RAPIDAPI_INSTAGRAM_KEY=fake APIFY_TOKEN=fake
                    reach serve --demo --provider live
                    """)
            })
            let group = ServiceGroup(configuration: .init(
                services: [.init(service: app)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        }
    }
}
