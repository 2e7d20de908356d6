import Foundation

/// How provider requests travel: over HTTP to the providers (or their fake), or in memory to the
/// offline fake.
public protocol ProviderTransport: Sendable {
    /// The answer, or a thrown error when none came within `timeout` (or the connection failed).
    func send(_ request: ProviderHTTPRequest, timeout: Duration) async throws -> ProviderHTTPResponse
}
