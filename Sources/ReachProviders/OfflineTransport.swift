import Foundation
import ReachCore
import Synchronization

/// The offline provider's transport: ``FakeProviders`` answering from memory, with optional
/// latency and a share of calls failing 503 (for demos and tests of failure).
public final class OfflineTransport: ProviderTransport {
    let fake = FakeProviders()
    let latency: Duration
    let failureRate: Double
    private let random: Mutex<SeededRandom>

    public init(latency: Duration = .zero, failureRate: Double = 0, seed: UInt64 = 42) {
        self.latency = latency
        self.failureRate = min(1, max(0, failureRate))
        random = Mutex(SeededRandom(seed: seed))
    }

    public func send(_ request: ProviderHTTPRequest, timeout: Duration) async throws -> ProviderHTTPResponse {
        if latency > .zero { try await Task.sleep(for: min(latency, timeout)) }
        if failureRate > 0, random.withLock({ $0.unit() }) < failureRate {
            return .failure(503, "injected failure")
        }
        return fake.respond(request)
    }
}
