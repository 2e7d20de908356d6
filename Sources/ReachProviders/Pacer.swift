import Foundation
import Synchronization

/// Spaces one provider's request starts at least `interval` apart, across every search of the
/// process: each caller takes the next free slot, then waits for it.
public final class Pacer: Sendable {
    private let nextSlot = Mutex<[Provider: Date]>([:])

    public init() {}

    /// Waits for the provider's next slot, `interval` after the one before.
    func acquire(_ provider: Provider, interval: TimeInterval, clock: any ProviderClock) async throws {
        guard interval > 0 else { return }
        let now = clock.now()
        let slot = nextSlot.withLock { slots -> Date in
            let slot = max(now, slots[provider] ?? now)
            slots[provider] = slot.addingTimeInterval(interval)
            return slot
        }
        let wait = slot.timeIntervalSince(now)
        if wait > 0 { try await clock.sleep(for: .milliseconds(Int64((wait * 1_000).rounded(.up)))) }
    }
}
