import Foundation
import ReachCore

/// The application's clock as the providers' (a search's `timeout_at` is in its time): real
/// waits, or none at all for a clock that only moves when told (tests).
public struct ReachProviderClock: ProviderClock {
    let clock: any ReachClock
    let waits: Bool

    public init(_ clock: any ReachClock, waits: Bool = true) {
        self.clock = clock
        self.waits = waits
    }

    public func now() -> Date { clock.now() }

    public func sleep(for duration: Duration) async throws {
        if waits { try await Task.sleep(for: duration) }
    }
}
