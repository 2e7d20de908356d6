import Crypto
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import ReachCore
import ServiceLifecycle

/// The Hummingbird application: the platform's API, Reach's additions, and whatever services
/// run beside it (the scheduler, composed by `reach serve`).
public func buildApplication(
    _ configuration: ServerConfiguration, dependencies: AppDependencies, services: [any Service] = [],
    logger: Logger = Logger(label: "reach.http"), onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = buildRouter(configuration, dependencies: dependencies)
    let idle = configuration.idleTimeout.components
    let http = HTTP1Channel.Configuration(idleTimeout: .nanoseconds(idle.seconds * 1_000_000_000 + idle.attoseconds / 1_000_000_000))
    let limit = configuration.connectionLimit
    var application = Application(
        router: router,
        server: HTTPServerBuilder { responder in ReachHTTP1Channel(http: HTTP1Channel(responder: responder, configuration: http), limit: limit) },
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: configuration.serverName,
            availableConnectionsDelegate: configuration.connectionLimit?.delegate),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
    application.addServices(services)
    return application
}

/// The routes and their middleware.
public func buildRouter(_ configuration: ServerConfiguration, dependencies: AppDependencies) -> Router<AppRequestContext> {
    let app = dependencies.app
    let router = Router(context: AppRequestContext.self)
    let known = KnownRoutes()
    router.add(middleware: SecurityHeaders())
    let dashboard = Dashboard(
        app: app, demoSignIn: configuration.demoSignIn, mockBilling: configuration.mockBilling,
        secureCookies: configuration.publicURL?.lowercased().hasPrefix("https://") == true, csrfKey: dependencies.csrfKey)
    router.add(middleware: ProblemMiddleware(metrics: dependencies.metrics, routes: known, pageNotFound: { request in
        await dashboard.notFoundPage(request)
    }))
    router.add(middleware: DrainMiddleware())

    SystemController(app: app, metrics: dependencies.metrics, testMode: dependencies.testMode != nil).addRoutes(to: router.group())
    WebhooksController(app: app).addRoutes(to: router.group("/api/webhooks"))

    let api = router.group("/api").add(middleware: AuthMiddleware(tokens: app.tokens))
    CampaignsController(app: app).addRoutes(to: api.group("/campaigns"))
    SearchesController(app: app).addRoutes(to: api.group("/scraping"))
    JobsController(app: app).addRoutes(to: api.group("/jobs"))
    CreatorsController(app: app).addRoutes(to: api.group("/creators"))
    ExportController(app: app).addRoutes(to: api.group("/export"))
    OnboardingController(app: app).addRoutes(to: api.group("/onboarding"))
    AccountController(app: app).addRoutes(to: api)
    let admin = api.group("/admin").add(middleware: AdminMiddleware(refusal: .problem))
    AdminConfigController(app: app).addRoutes(to: admin.group("/config"))
    AdminUsersController(app: app).addRoutes(to: admin)
    AdminQueueController(app: app).addRoutes(to: admin)
    if let control = dependencies.testMode {
        let test = router.group("/_reach").add(middleware: AuthMiddleware(tokens: app.tokens)).add(middleware: AdminMiddleware(refusal: .problem))
        TestModeController(app: app, control: control).addRoutes(to: test)
    }

    dashboard.addRoutes(to: router)
    known.set(router.routes.map { "\($0.method.rawValue) \($0.path)" })
    return router
}
