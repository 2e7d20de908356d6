import Foundation
import Logging
import ReachCore
import ReachTesting

/// The test kit on a file, in this process: the clock the file keeps, its queue run here with the
/// offline provider. Snapshots live in a server's memory, so they need `--url`.
struct FileTestKit: TestKitSession {
    let backend: TestBackend

    init(database: ReachDatabase) async throws {
        let clock = ShiftableClock()
        let app = try await ReachApp(database: database, clock: clock)
        let handlers = try ProviderOptions.parse([]).makeHandlers(database: database, clock: clock)
        backend = try await TestBackend(app: app, clock: clock, handlers: handlers, logger: Composition.logger("reach"))
    }

    func clock() async throws -> JSONValue { ["now": .string(WireFormat.timestamp(backend.now()))] }

    func moveClock(_ move: JSONValue) async throws -> JSONValue {
        let set = try move["set"]?.stringValue.map(TestKitInput.clockTime)
        let target = try TestKitInput.clockTarget(advance: move["advance"]?.stringValue, set: set, now: backend.now())
        return ["now": .string(WireFormat.timestamp(try await backend.moveClock(to: target).now))]
    }

    func work() async throws -> JSONValue {
        let (ran, pending) = try await backend.runDueWork()
        return ["ran": .int(Int64(ran)), "pending": .int(Int64(pending))]
    }

    func createUser(_ user: JSONValue) async throws -> JSONValue {
        let userId = user["userId"]?.stringValue ?? ""
        let plan = try user["plan"]?.stringValue.map(TestKitInput.plan)
        let profile = try await backend.app.accounts.createTestUser(
            userId: userId, email: user["email"]?.stringValue ?? "\(userId)@example.com", fullName: user["fullName"]?.stringValue,
            plan: plan, events: EventContext(source: "cli"))
        let token = try await backend.app.tokens.issueForTestKit(userId: profile.userId)
        return ["userId": .string(profile.userId), "token": .string(token)]
    }

    func emails(to: String?, type: String?) async throws -> JSONValue {
        let kind = try type.map(TestKitInput.emailType)
        let entries = try await backend.app.accounts.emailLog(to: to, type: kind)
        return ["emails": try JSONValue(parsing: try WireEncoder.encode(entries))]
    }

    func snapshot(_ name: String) async throws -> JSONValue { throw Self.needsServer }
    func restore(_ name: String) async throws -> JSONValue { throw Self.needsServer }
    func deleteSnapshot(_ name: String) async throws -> JSONValue { throw Self.needsServer }

    func reset() async throws -> JSONValue {
        ["ms": .double(try await backend.reset().milliseconds)]
    }

    static let needsServer = UsageError(
        "snapshots live in a running server's memory: start `reach serve --test-mode` and give its --url and --token")
}
