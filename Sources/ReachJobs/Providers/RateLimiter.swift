import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ReachCore

import Synchronization

/// Paces calls per platform: at most `callsPerMinute` a minute, evenly spaced.
final class RateLimiter: Sendable {
    private let callsPerMinute: @Sendable (Platform) async -> Double
    private let nextSlot = Mutex<[Platform: ContinuousClock.Instant]>([:])

    init(callsPerMinute: @escaping @Sendable (Platform) async -> Double) {
        self.callsPerMinute = callsPerMinute
    }

    func acquire(_ platform: Platform) async {
        let rate = await callsPerMinute(platform)
        guard rate > 0 else { return }
        let spacing = Duration.milliseconds(Int(60_000 / rate))
        let now = ContinuousClock.now
        let slot = nextSlot.withLock { slots -> ContinuousClock.Instant in
            let slot = max(now, slots[platform] ?? now)
            slots[platform] = slot + spacing
            return slot
        }
        if slot > now { try? await Task.sleep(until: slot, clock: .continuous) }
    }
}
