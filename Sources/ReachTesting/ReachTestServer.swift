import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import ReachCore
import ReachHTTP
import ReachJobs
import ReachProviders
import ServiceLifecycle

/// A whole Reach backend for one test: a fresh database, the API on a free port of 127.0.0.1, the
/// scheduler, and test mode (a clock you move, snapshots, reset) — in process, in milliseconds.
///
/// ```swift
/// try await ReachTestServer.withServer { server in
///     let token = try await server.createUser("user_ada", plan: .glowUp)
///     try await server.advanceClock("8d")
///     let billing = try await server.get("/api/billing/status", token: token)
///     #expect(billing.json["trialStatus"] == "expired")
/// }
/// ```
public final class ReachTestServer: Sendable {
    /// `http://127.0.0.1:<port>`.
    public let url: String
    public let port: Int
    /// A token of `reach_admin`, who has admin rights (the `/_reach` routes need them).
    public let adminToken: String
    public let backend: TestBackend
    let client: HTTPClient

    public var app: ReachApp { backend.app }

    public struct Options: Sendable {
        /// The offline provider's latency and share of failing calls.
        public var providerLatency: Duration = .zero
        public var providerFailureRate: Double = 0
        /// Log level of the server (its log goes to stderr).
        public var logLevel: Logger.Level = .warning

        public init() {}
    }

    /// The admin the test kit signs in as.
    public static let adminUserId = TestKitInput.adminUserId

    init(url: String, port: Int, adminToken: String, backend: TestBackend, client: HTTPClient) {
        self.url = url
        self.port = port
        self.adminToken = adminToken
        self.backend = backend
        self.client = client
    }

    /// Runs `body` with a fresh server, then stops it and removes its database.
    public static func withServer<T: Sendable>(
        _ options: Options = Options(), _ body: @Sendable (ReachTestServer) async throws -> T
    ) async throws -> T {
        var logger = Logger(label: "reach.test")
        logger.logLevel = options.logLevel
        let database = try ReachDatabase.temporary()
        let clock = ShiftableClock()
        var appOptions = ReachApp.Options()
        appOptions.adminUserIds = [adminUserId]
        appOptions.environment = [:]
        let app = try await ReachApp(database: database, clock: clock, options: appOptions)
        let backend = try await TestBackend(app: app, clock: clock, handlers: handlers(database, clock: clock, options: options), logger: logger)
        let (ports, announce) = AsyncStream<Int>.makeStream()
        var configuration = ServerConfiguration()
        configuration.port = 0
        let application = buildApplication(
            configuration, dependencies: AppDependencies(app: app, testMode: backend), services: [backend], logger: logger,
            onServerRunning: { announce.yield($0) })
        let adminToken = try await app.tokens.issueForTestKit(userId: adminUserId)
        // Its own service group, so that the end of the test is a graceful shutdown, not a cancellation.
        let services = ServiceGroup(configuration: .init(services: [application], logger: logger))
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await services.run()
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            let server = ReachTestServer(url: "http://127.0.0.1:\(port)", port: port, adminToken: adminToken, backend: backend,
                                         client: client)
            do {
                let result = try await body(server)
                try await client.shutdown()
                await services.triggerGracefulShutdown()
                try await group.waitForAll()
                withExtendedLifetime(database) {}
                return result
            } catch {
                try? await client.shutdown()
                await services.triggerGracefulShutdown()
                try? await group.waitForAll()
                throw error
            }
        }
    }

    /// The handlers of `reach serve`: the offline provider on the test clock, e-mails into a folder
    /// beside the database, the maintenance jobs.
    static func handlers(_ database: ReachDatabase, clock: ShiftableClock, options: Options) -> [any JobHandler] {
        let outbox = URL(fileURLWithPath: database.path ?? NSTemporaryDirectory()).deletingLastPathComponent()
            .appendingPathComponent("outbox")
        let provider = LiveProvider.offline(latency: options.providerLatency, failureRate: options.providerFailureRate,
                                            clock: ReachProviderClock(clock))
        return [ScrapingStepHandler(provider: provider), EmailHandler(mailer: OutboxMailer(directory: outbox))]
            + MaintenanceHandlers.all
    }

    // MARK: - The test kit, in process

    /// A user as Clerk's `user.created` makes one (free, 7-day trial); with `plan`, onboarded onto
    /// it (trialing). Returns a bearer token for the user.
    @discardableResult
    public func createUser(_ userId: String, email: String? = nil, fullName: String? = nil, plan: PlanKey? = nil) async throws -> String {
        _ = try await app.accounts.createTestUser(userId: userId, email: email ?? "\(userId)@example.com", fullName: fullName,
                                                  plan: plan, events: EventContext(source: "test_kit"))
        return try await app.tokens.issueForTestKit(userId: userId)
    }

    /// Moves the clock forward by `text` (`90s`, `2h`, `8d`), the work due on the way run in order.
    @discardableResult
    public func advanceClock(_ text: String) async throws -> Date {
        try await backend.moveClock(to: TestKitInput.clockTarget(advance: text, set: nil, now: backend.now())).now
    }

    /// Runs the queue until nothing is due now.
    @discardableResult
    public func runWork() async throws -> (ran: Int, pending: Int) { try await backend.runDueWork() }

    /// The trial e-mails recorded, optionally those to one address or of one type.
    public func emails(to address: String? = nil, type: TrialEmail? = nil) async throws -> [EmailLogEntry] {
        try await app.accounts.emailLog(to: address, type: type)
    }

    public func snapshot(_ name: String) async throws { _ = try await backend.snapshot(name) }
    public func restore(_ name: String) async throws { _ = try await backend.restore(name) }
    public func reset() async throws { _ = try await backend.reset() }

    // MARK: - HTTP

    /// An answer of the API: its status and JSON body (`null` when it is not JSON).
    public struct Answer: Sendable {
        public var status: Int
        public var json: JSONValue
        public var body: String
    }

    public func get(_ path: String, token: String? = nil) async throws -> Answer {
        try await send("GET", path, token: token)
    }

    public func post(_ path: String, token: String? = nil, _ body: JSONValue = [:]) async throws -> Answer {
        try await send("POST", path, token: token, body: body)
    }

    public func send(_ method: String, _ path: String, token: String? = nil, body: JSONValue? = nil) async throws -> Answer {
        var request = HTTPClientRequest(url: url + path)
        request.method = .init(rawValue: method)
        if let token { request.headers.add(name: "authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "content-type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body.jsonText))
        }
        let response = try await client.execute(request, timeout: .seconds(30))
        let text = String(buffer: try await response.body.collect(upTo: 64 << 20))
        return Answer(status: Int(response.status.code), json: (try? JSONValue(parsing: text)) ?? .null, body: text)
    }
}
