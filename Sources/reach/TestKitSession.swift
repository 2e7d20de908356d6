import ReachCore

/// The test kit's operations, on a running test-mode server (``RemoteTestKit``) or on a file in
/// this process (``FileTestKit``). Each answers what `/_reach/…` answers, as JSON.
protocol TestKitSession: Sendable {
    func clock() async throws -> JSONValue
    /// `advance` (such as `8d`) or `set` (an ISO-8601 time).
    func moveClock(_ move: JSONValue) async throws -> JSONValue
    func work() async throws -> JSONValue
    /// `{userId, email?, fullName?, plan?}` → `{userId, token}`.
    func createUser(_ user: JSONValue) async throws -> JSONValue
    func emails(to: String?, type: String?) async throws -> JSONValue
    func snapshot(_ name: String) async throws -> JSONValue
    func restore(_ name: String) async throws -> JSONValue
    func deleteSnapshot(_ name: String) async throws -> JSONValue
    func reset() async throws -> JSONValue
}
