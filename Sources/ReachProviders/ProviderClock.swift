import Foundation

/// The time provider calls wait by: the real one, or a test's that waits for nothing and notes
/// each wait.
public protocol ProviderClock: Sendable {
    func now() -> Date
    func sleep(for duration: Duration) async throws
}
