import Hummingbird
import ReachCore

/// The dashboard's signed-in pages: the session cookie's user, else back to the sign-in page.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let dashboard: Dashboard

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let session = await dashboard.session(request) else { return dashboard.redirect("/") }
        var context = context
        context.identity = session.identity
        context.sessionToken = session.token
        context.logger[metadataKey: "user_id"] = .string(session.identity.userId)
        return try await next(request, context)
    }
}
