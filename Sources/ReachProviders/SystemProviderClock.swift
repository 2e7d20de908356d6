import Foundation

/// Real time.
public struct SystemProviderClock: ProviderClock {
    public init() {}

    public func now() -> Date { Date() }

    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
