import ArgumentParser
import Foundation
import Hummingbird
import Logging
import NIOCore
import ReachCore
import ReachHTTP
import ReachJobs
import ReachTesting
import ServiceLifecycle

struct Serve: ReachCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the API, webhooks and dashboard, with the scheduler beside them.",
        discussion: """
            With --demo an empty database is seeded and tokens for user_demo and user_admin are printed.
            With --ephemeral the database is a fresh temporary file removed at exit; with --port 0 a free \
            port is picked and printed: a real backend per test run for other programs' integration tests. \
            With --json the start is one JSON line on stdout ({url, port, database, pid}, with adminToken in test mode \
            and tokens with --demo); \
            --test-mode adds the test kit's /_reach routes (a clock to move, snapshots, reset).
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var provider: ProviderOptions
    @Option(name: .long, help: "The address to listen on.") var host = "127.0.0.1"
    @Option(name: .long, parsing: .unconditional, help: "The port to listen on (0 picks a free one).") var port = 8080
    @Flag(name: .long, help: "Seed an empty database with the demo data and print demo tokens.") var demo = false
    @Flag(name: .long, help: "Run on a fresh temporary database, removed at exit.") var ephemeral = false
    @Option(name: .long, help: "A JWKS file to verify Clerk session tokens (RS256) with.") var clerkJWKS: String?
    @Option(name: .long, help: "The issuer Clerk session tokens must carry (with --clerk-jwks).") var clerkIssuer: String?
    @Option(name: .long, help: "The Stripe endpoint secret (default: $STRIPE_WEBHOOK_SECRET, else the file's own).")
    var stripeWebhookSecret: String?
    @Flag(name: .long, help: "Do not run the scheduler (another process runs `reach work`).") var noScheduler = false
    @Option(name: .long, help: "The URL browsers reach this server at, e.g. behind a TLS proxy (https makes cookies Secure).")
    var publicURL: String?
    @Flag(name: .long, help: "Offer the dashboard's mock checkout (plan changes without payment; on with --demo) when no Stripe secret is set.")
    var mockBilling = false
    @Flag(name: .long, help: "Serve the test kit's /_reach routes: users, a clock to move, snapshots, reset (with --ephemeral).")
    var testMode = false
    @Flag(name: .long, help: "Allow --test-mode on a file of its own (its data can be reset through the API).")
    var allowTestMode = false
    @Option(name: .long, parsing: .unconditional,
            help: "Seconds after which an idle keep-alive connection, or one whose request does not arrive, is closed (1 to 3600).")
    var idleTimeout = 30

    var stripeConfigured: Bool { stripeWebhookSecret != nil || ProcessInfo.processInfo.environment["STRIPE_WEBHOOK_SECRET"] != nil }

    func validate() throws {
        guard (0...65_535).contains(port) else { throw UsageError("--port must be from 0 to 65535") }
        guard (1...3_600).contains(idleTimeout) else { throw UsageError("--idle-timeout must be from 1 to 3600 seconds") }
        if clerkJWKS != nil && clerkIssuer == nil { throw UsageError("--clerk-jwks needs --clerk-issuer") }
        if ephemeral && options.db != nil { throw UsageError("--ephemeral and --db exclude each other") }
        if let publicURL {
            guard let url = URL(string: publicURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                throw UsageError("--public-url must be an http(s) URL such as https://reach.example.com")
            }
        }
        if testMode && !ephemeral && !allowTestMode {
            throw UsageError("--test-mode resets and rewinds data: use it with --ephemeral, or add --allow-test-mode for this file")
        }
        if allowTestMode && !testMode { throw UsageError("--allow-test-mode goes with --test-mode") }
        if testMode && noScheduler { throw UsageError("--test-mode runs its own scheduler: drop --no-scheduler") }
        if mockBilling && stripeConfigured {
            throw UsageError("--mock-billing is for servers without Stripe: drop it, or the Stripe secret")
        }
    }

    func execute() async throws {
        guard PortCheck.isFree(host: host, port: port) else {
            throw ReachError.unavailable("port \(port) on \(host) is in use: choose another with --port, or 0 for a free one")
        }
        let logger = Composition.logger("reach")
        let database = ephemeral ? try ReachDatabase.temporary() : try options.open(.create)
        var appOptions = ReachApp.Options()
        appOptions.clerkJWKS = try clerkJWKS.map { path in
            do {
                return try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw ReachError.invalid(field: "clerk-jwks", reason: "cannot read \(path)")
            }
        }
        appOptions.clerkIssuer = clerkIssuer
        appOptions.stripeWebhookSecret = stripeWebhookSecret
        appOptions.adminEmails = Composition.adminEmails()
        // The test kit's admin exists in test mode only; a server's own admins come from the file and REACH_ADMIN_EMAILS.
        appOptions.adminUserIds = testMode ? [TestKitInput.adminUserId] : []
        let testClock = testMode ? ShiftableClock() : nil
        let app = try await ReachApp(database: database, clock: testClock ?? SystemClock(), options: appOptions)
        // Before any token is issued: the clock goes on from the shift the file keeps.
        let backend: TestBackend? = if let testClock {
            try await TestBackend(
                app: app, clock: testClock, handlers: try provider.makeHandlers(database: database, clock: testClock), logger: logger)
        } else { nil }
        var tokens: [(String, String)] = []
        if demo {
            let seeder = DemoSeeder(database: database, clock: app.clock)
            if try !seeder.isSeeded() {
                let summary = try seeder.seed(scale: 1)
                Terminal.info("reach: seeded the demo: \(summary.users) users, \(summary.campaigns) campaigns, \(summary.creators) creators")
            }
            for user in ["user_demo", "user_admin"] {
                tokens.append((user, try await app.tokens.issue(userId: user, lifetime: 30 * 86_400)))
            }
        }
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.idleTimeout = .seconds(idleTimeout)
        let files = OpenFileLimit.raise()
        let limit = ConnectionLimit(openFiles: files.after)
        configuration.connectionLimit = limit
        logger.notice("""
            open files: \(files.before == files.after ? "limit \(files.after)" : "limit raised from \(files.before) to \(files.after)"); \
            at most \(limit.refuseAbove) connections served at once (more get 503, /healthz always answers), \
            idle ones closed after \(configuration.idleTimeout)
            """)
        configuration.demoSignIn = demo
        configuration.publicURL = publicURL
        configuration.mockBilling = (demo || mockBilling) && !stripeConfigured
        let notice = ShutdownNotice(logger: logger)
        let work: [any Service] = if let backend { [backend] } else if noScheduler { [] }
            else { try provider.makeScheduler(database: database, logger: logger).services }
        let services: [any Service] = [notice] + work
        let where_ = ephemeral ? "a temporary database" : options.databasePath
        let announced = tokens
        let adminToken = backend == nil ? nil : try await app.tokens.issueForTestKit(userId: TestKitInput.adminUserId)
        let path = database.path ?? ""
        let json = options.json
        let application = buildApplication(
            configuration, dependencies: AppDependencies(app: app, testMode: backend), services: services, logger: logger
        ) { port in
            // `reach stripe|clerk trigger` on this file find the server here without --url.
            try? await app.maintenance.recordListener(url: "http://\(host):\(port)", pid: getpid())
            var lines = ["reach: serving \(where_) on http://\(host):\(port)" + (backend == nil ? "" : " in test mode")]
            for (user, token) in announced { lines.append("reach: token for \(user): \(token)") }
            if let (user, token) = announced.first {
                lines.append("reach: try (as \(user))  curl -H \"Authorization: Bearer \(token)\" http://\(host):\(port)/api/campaigns")
            }
            if json {
                // The one line on stdout: a test harness reads it, and everything else goes to stderr.
                Terminal.info(lines.joined(separator: "\n"))
                var start: [String: JSONValue] = ["url": .string("http://\(host):\(port)"), "port": .int(Int64(port)),
                                                  "database": .string(path), "pid": .int(Int64(getpid()))]
                if let adminToken { start["adminToken"] = .string(adminToken) }
                if !announced.isEmpty { start["tokens"] = .object(Dictionary(announced.map { ($0.0, JSONValue.string($0.1)) }) { $1 }) }
                Terminal.print(JSONValue.object(start).jsonText)
            } else {
                if let adminToken { lines.append("reach: test-kit admin token (\(TestKitInput.adminUserId)): \(adminToken)") }
                Terminal.print(lines.joined(separator: "\n"))
            }
        }
        do {
            try await application.runService()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw ReachError.unavailable("port \(port) on \(host) is in use: choose another with --port, or 0 for a free one")
        }
        try? await app.maintenance.forgetListener(pid: getpid())
        notice.stopped()
        withExtendedLifetime(database) {}
    }
}
