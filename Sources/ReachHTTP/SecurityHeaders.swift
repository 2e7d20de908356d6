import Hummingbird
import HTTPTypes

/// Headers that keep browsers from misusing the answers: every resource the dashboard uses is its
/// own (no inline script or style), nothing frames it, types are never sniffed, and no referrer
/// leaves for other sites.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = AppRequestContext

    static let fields: [(HTTPField.Name, String)] = [
        (.contentSecurityPolicy, "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
        (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (HTTPField.Name("Referrer-Policy")!, "same-origin"),
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for (name, value) in Self.fields where response.headers[name] == nil {
            response.headers[name] = value
        }
        return response
    }
}
