import Crypto
import Foundation
import Hummingbird
import Logging
import ReachCore
import ReachStore
import ServiceLifecycle

/// How the HTTP listener is set up.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// The JWKS file's JSON for Clerk session tokens, and the issuer they must carry.
    public var clerkJWKS: String?
    public var clerkIssuer: String?
    /// Addresses with admin rights besides `is_admin` (`REACH_ADMIN_EMAILS`).
    public var adminEmails: Set<String> = []
    /// Webhook secrets (`STRIPE_WEBHOOK_SECRET`, `CLERK_WEBHOOK_SECRET`, or the file's own).
    public var stripeWebhookSecret = ""
    public var clerkWebhookSecret = ""
    /// One-click sign-in as the demo user or admin on the dashboard (`reach serve --demo`).
    public var demoSignIn = false
    /// The dashboard's mock checkout, which puts the user on a plan without payment: only on a
    /// demo or `--mock-billing` server with no Stripe secret configured.
    public var mockBilling = false
    /// The address browsers use (`--public-url`); an `https` one makes the session cookie `Secure`.
    public var publicURL: String?
    public var serverName = "reach"

    public init() {}
}

/// What the routes share.
public struct AppDependencies: Sendable {
    public let database: ReachDatabase
    public let clock: any ReachClock
    public let verifier: TokenVerifier
    public let metrics = HTTPMetrics()
    public let routeTable = RouteTable()
    /// Signs the dashboard's CSRF tokens; fresh for each process.
    let csrfKey = SymmetricKey(size: .bits256)

    public init(database: ReachDatabase, clock: any ReachClock, verifier: TokenVerifier) {
        self.database = database
        self.clock = clock
        self.verifier = verifier
    }
}

/// The Hummingbird application: the platform's API, Reach's additions, and whatever services
/// run beside it (the scheduler, composed by `reach serve`).
public func buildApplication(
    _ configuration: ServerConfiguration, dependencies: AppDependencies, services: [any Service] = [],
    logger: Logger = Logger(label: "reach.http"), onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = buildRouter(configuration, dependencies: dependencies)
    var application = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: configuration.serverName),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
    application.addServices(services)
    return application
}

/// The routes, their middleware, and the route table the OpenAPI test reads.
public func buildRouter(_ configuration: ServerConfiguration, dependencies: AppDependencies) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: SecurityHeaders())
    router.add(middleware: ProblemMiddleware(metrics: dependencies.metrics, routes: dependencies.routeTable))
    let database = dependencies.database
    let clock = dependencies.clock
    let table = dependencies.routeTable

    SystemController(database: database, clock: clock, metrics: dependencies.metrics, openAPI: { OpenAPIDocument.json })
        .addRoutes(to: Routes(group: router.group(), prefix: "", table: table))

    WebhooksController(database: database, clock: clock, stripeSecret: configuration.stripeWebhookSecret,
                       clerkSecret: configuration.clerkWebhookSecret)
        .addRoutes(to: Routes(group: router.group("/api/webhooks"), prefix: "/api/webhooks", table: table))

    let authenticator = Authenticator(verifier: dependencies.verifier, database: database, adminEmails: configuration.adminEmails)
    let auth = AuthMiddleware(authenticator: authenticator)
    let api = router.group("/api").add(middleware: auth)
    CampaignsController(database: database, clock: clock)
        .addRoutes(to: Routes(group: api.group("/campaigns"), prefix: "/api/campaigns", table: table))
    SearchesController(database: database, clock: clock)
        .addRoutes(to: Routes(group: api.group("/scraping"), prefix: "/api/scraping", table: table))
    JobsController(database: database, clock: clock)
        .addRoutes(to: Routes(group: api.group("/jobs"), prefix: "/api/jobs", table: table))
    CreatorsController(database: database)
        .addRoutes(to: Routes(group: api.group("/creators"), prefix: "/api/creators", table: table))
    ExportController(database: database)
        .addRoutes(to: Routes(group: api.group("/export"), prefix: "/api/export", table: table))
    let accounts = AccountsController(database: database, clock: clock)
    accounts.addOnboarding(to: Routes(group: api.group("/onboarding"), prefix: "/api/onboarding", table: table))
    accounts.addBilling(to: Routes(group: api.group("/billing"), prefix: "/api/billing", table: table))
    accounts.addUsage(to: Routes(group: api.group("/usage"), prefix: "/api/usage", table: table))
    accounts.addPlans(to: Routes(group: api.group("/plans"), prefix: "/api/plans", table: table))
    let admin = api.group("/admin").add(middleware: AdminMiddleware())
    AdminController(database: database, clock: clock)
        .addRoutes(to: Routes(group: admin, prefix: "/api/admin", table: table))
    AdminUsersController(database: database, clock: clock)
        .addRoutes(to: Routes(group: admin, prefix: "/api/admin", table: table))

    Dashboard(database: database, clock: clock, authenticator: authenticator, demoSignIn: configuration.demoSignIn,
              mockBilling: configuration.mockBilling,
              secureCookies: configuration.publicURL?.lowercased().hasPrefix("https://") == true, csrfKey: dependencies.csrfKey)
        .addRoutes(to: Routes(group: router.group(), prefix: "", table: table))
    return router
}
