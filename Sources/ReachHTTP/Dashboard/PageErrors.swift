import Hummingbird
import ReachCore

/// A dashboard page that fails answers as a page saying why, with the problem's status: a
/// browser shows it, where problem+json would be a wall of text.
struct PageErrors: RouterMiddleware {
    typealias Context = AppRequestContext
    let dashboard: Dashboard

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Problem.from(error)
            if problem.status >= 500 {
                context.logger.error("\(request.method) \(request.uri.path) failed: \(String(reflecting: error))")
            }
            let session = try? dashboard.session(context)
            return dashboard.page("message", ["title": problem.title, "message": problem.detail], session: session, request: request,
                                  status: .init(code: problem.status))
        }
    }
}
