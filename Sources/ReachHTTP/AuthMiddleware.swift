import Hummingbird
import ReachCore

/// Authenticates `Authorization: Bearer` on the routes it guards. Safe requests (GET, HEAD) may
/// instead carry the dashboard's session cookie, so that its pages can stream progress and search
/// as you type; the cookie never authorizes a change, so it needs no CSRF defence here.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let tokens: Tokens

    /// The name of the dashboard's session cookie, which holds a token of the same kind.
    static let sessionCookie = "reach_session"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let token: String
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty else {
                throw Problem.unauthorized("the Authorization header must be `Bearer <token>`")
            }
            token = String(parts[1])
        } else if request.method == .get || request.method == .head,
            let cookie = request.cookies[Self.sessionCookie]?.value, !cookie.isEmpty
        {
            token = cookie
        } else {
            throw Problem.unauthorized("send Authorization: Bearer <token> (get one with `reach token USER_ID`)")
        }
        var context = context
        let identity = try await tokens.identity(token)
        context.identity = identity
        context.logger[metadataKey: "user_id"] = .string(identity.userId)
        return try await next(request, context)
    }
}
