import Hummingbird
import ReachCore

/// Admin routes, of the API and of the dashboard alike: the signed-in user must be an admin
/// (`is_admin`, or an address in `REACH_ADMIN_EMAILS`), else 403.
struct AdminMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    /// How a non-admin is answered: problem+json for the API, a page for the dashboard.
    enum Refusal: Sendable {
        case problem
        case page(@Sendable (Request) -> Response)
    }

    let refusal: Refusal

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard try context.user().isAdmin else {
            switch refusal {
            case .problem: throw Problem.forbidden("admin only: needs is_admin or an address in REACH_ADMIN_EMAILS")
            case .page(let page): return page(request)
            }
        }
        return try await next(request, context)
    }
}
