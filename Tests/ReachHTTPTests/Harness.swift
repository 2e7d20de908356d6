import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ReachCore
import ReachJobs
import ReachProviders
import ReachStore
import Testing
@testable import ReachHTTP

let start = Date(timeIntervalSince1970: 1_764_021_978.125)

/// A Reach application on a fresh temporary database, with a clock tests move, and the scheduler
/// to run between requests.
struct Harness {
    let database: ReachDatabase
    let clock: ManualClock
    let app: ReachApp
    let dependencies: AppDependencies
    let scheduler: Scheduler
    let stripeSecret = "whsec_test_stripe_secret"
    let clerkSecret = "whsec_" + Data("clerk-signing-secret-0123456789ab".utf8).base64EncodedString()
    var configuration = ServerConfiguration()

    init(seed: Bool = false, clerkJWKS: String? = nil) async throws {
        database = try ReachDatabase.temporary()
        clock = ManualClock(start)
        var options = ReachApp.Options()
        options.stripeWebhookSecret = stripeSecret
        options.environment = ["CLERK_WEBHOOK_SECRET": clerkSecret]
        options.adminEmails = ["boss@reach.test"]
        options.clerkJWKS = clerkJWKS
        options.clerkIssuer = clerkJWKS == nil ? nil : "https://clerk.reach.test"
        app = try await ReachApp(database: database, clock: clock, options: options)
        dependencies = AppDependencies(app: app)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        scheduler = Scheduler(
            database: database, clock: clock,
            handlers: [ScrapingStepHandler(provider: LiveProvider.offline(clock: ReachProviderClock(clock, waits: false)))]
                + MaintenanceHandlers.all,
            recurring: .none, options: .init(workers: 4), logger: logger)
        if seed { _ = try DemoSeeder(database: database, clock: clock).seed(scale: 0) }
    }

    func token(_ userId: String) async throws -> String {
        try await app.tokens.issue(userId: userId, lifetime: 3_600)
    }

    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let app = buildApplication(configuration, dependencies: dependencies, logger: logger)
        try await app.test(.router, body)
    }

    /// A user on a paid plan, in trial.
    func insertUser(_ userId: String, plan: PlanKey = .glowUp, admin: Bool = false, email: String? = nil) throws {
        try database.writer.write { db in
            var profile = UserProfile(userId: userId, email: email ?? "\(userId)@example.com", fullName: "User \(userId)", now: start)
            profile.subscriptionStatus = plan == .free ? SubscriptionStatus.none : .trialing
            profile.trialStatus = .active
            profile.trialStartDate = start
            profile.trialEndDate = start.addingTimeInterval(7 * 86_400)
            profile.isAdmin = admin
            profile.onboardingStep = .completed
            profile.stripeCustomerId = "cus_mock_\(userId)"
            try Plans.apply(db, plan: plan, to: &profile)
            try profile.insert(db)
        }
    }
}

/// A request's answer, read once.
struct Answer {
    let status: Int
    let headers: HTTPFields
    let body: String

    var json: JSONValue { (try? JSONValue(parsing: body)) ?? .null }
    var contentType: String { headers[.contentType] ?? "" }
}

extension TestClientProtocol {
    func call(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, body: String? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> Answer {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil && headers[.contentType] == nil { headers[.contentType] = "application/json" }
        let answer = try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
            Answer(status: Int(response.status.code), headers: response.headers, body: String(buffer: response.body))
        }
        for problem in ResponseContract.problems(
            method: method.rawValue, uri: uri, status: answer.status, contentType: answer.contentType, body: answer.body)
        {
            Issue.record("against /openapi.json: \(problem)")
        }
        return answer
    }
}
