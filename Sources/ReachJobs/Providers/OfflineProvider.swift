import Foundation
import ReachCore

import Synchronization

/// The default provider: deterministic creators from the corpus in `fixtures/`, paged by cursor,
/// with optional injected latency and failures for tests and demos.
public final class OfflineProvider: CreatorProvider {
    public let latency: Duration
    /// The share of calls that fail with a transient error, 0 to 1.
    public let failureRate: Double
    private let generator = CreatorGenerator()
    private let random: Mutex<SeededRandom>

    public init(latency: Duration = .zero, failureRate: Double = 0, seed: UInt64 = 42) {
        self.latency = latency
        self.failureRate = failureRate
        self.random = Mutex(SeededRandom(seed: seed))
    }

    public func fetchPage(_ request: ProviderRequest) async throws -> ProviderPage {
        if latency > .zero { try await Task.sleep(for: latency) }
        if failureRate > 0, random.withLock({ $0.unit() }) < failureRate {
            throw ProviderError("offline provider: injected failure", isTransient: true)
        }
        let size = CreatorGenerator.pageSize(platform: request.platform, searchType: request.searchType, query: request.query)
        let remaining = CreatorGenerator.poolSize - request.cursor
        guard remaining > 0 else { return ProviderPage(items: [], nextCursor: nil) }
        let items = generator.page(
            platform: request.platform, searchType: request.searchType, query: request.query, cursor: request.cursor,
            count: min(size, remaining))
        let next = request.cursor + items.count
        return ProviderPage(items: items, nextCursor: next < CreatorGenerator.poolSize ? next : nil)
    }
}
