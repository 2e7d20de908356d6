import Foundation
import ReachCore

/// The platform's provider calls for all six modes (providers.md §2), over a transport: the real
/// APIs (`--provider live`), their fake, or the fake in memory (the offline default).
public struct LiveProvider: SearchProvider {
    public static let defaultActorId = "dSCLg0C3YEZ83HzYX"

    let transport: any ProviderTransport
    let endpoints: ProviderEndpoints
    let settings: @Sendable () async throws -> ProviderSettings
    let pacer: Pacer
    let clock: any ProviderClock
    let words: ProviderWordLists
    let actorId: String
    /// What the offline provider asks of the pause between pages (``SearchPage/continuationCap``).
    var continuationCap: TimeInterval?

    /// The pause between an offline search's pages: long enough to watch a search fill, no longer.
    public static let offlineContinuation: TimeInterval = 1

    /// - Parameter settings: read at the start of each step (`providers.*` are hot-reloadable).
    public init(
        transport: any ProviderTransport, endpoints: ProviderEndpoints, settings: @escaping @Sendable () async throws -> ProviderSettings,
        pacer: Pacer = Pacer(), clock: any ProviderClock = SystemProviderClock(), words: ProviderWordLists = .shared,
        actorId: String = LiveProvider.defaultActorId
    ) {
        self.transport = transport
        self.endpoints = endpoints
        self.settings = settings
        self.pacer = pacer
        self.clock = clock
        self.words = words
        self.actorId = actorId
    }

    /// The offline provider: the fake's raw pages from memory, through the same mapping and
    /// paging, unpaced, with dummy keys.
    public static func offline(
        latency: Duration = .zero, failureRate: Double = 0, clock: any ProviderClock = SystemProviderClock()
    ) -> LiveProvider {
        let keys = Dictionary(uniqueKeysWithValues: Provider.allCases.map { ($0, "offline") })
        var provider = LiveProvider(
            transport: OfflineTransport(latency: latency, failureRate: failureRate),
            endpoints: ProviderEndpoints(baseURLs: [:], keys: keys), settings: { .unpaced }, clock: clock)
        provider.continuationCap = offlineContinuation
        return provider
    }

    public func run(_ step: SearchStep, hooks: StepHooks) async throws -> SearchPage {
        var page = try await page(step, hooks: hooks)
        page.continuationCap = continuationCap
        return page
    }

    private func page(_ step: SearchStep, hooks: StepHooks) async throws -> SearchPage {
        let calls = ProviderCalls(transport: transport, endpoints: endpoints, settings: try await settings(), pacer: pacer,
                                  clock: clock, deadline: step.job.timeoutAt)
        switch (step.job.platform, step.job.searchType) {
        case (.tiktok, .keyword): return try await TikTokKeywordSearch(calls: calls).page(step)
        case (.youtube, .keyword): return try await YouTubeKeywordSearch(calls: calls).page(step)
        case (.instagram, .keyword): return try await ReelsSearch(calls: calls, words: words).page(step, now: clock.now())
        case (.tiktok, .similar): return try await TikTokSimilarSearch(calls: calls, words: words).run(step, hooks: hooks)
        case (.youtube, .similar): return try await YouTubeSimilarSearch(calls: calls, words: words).run(step, hooks: hooks)
        case (.instagram, .similar): return try await InstagramSimilarSearch(calls: calls, actorId: actorId).run(step, hooks: hooks)
        }
    }
}
