import Foundation
import HTTPTypes
import Hummingbird
import ServiceLifecycle

/// Once a graceful shutdown has begun, writes are refused with a 503 the client can send again
/// once the server is back (reads still answer): nothing is acknowledged that the draining
/// server might not finish.
struct DrainMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if Task.isShuttingDownGracefully, ![.get, .head, .options].contains(request.method) {
            var problem = Problem(
                status: 503, code: "shutting_down", title: "Shutting down",
                detail: "the server is shutting down and takes no more writes: send it again once it is back")
            problem.headers = [("Retry-After", "5")]
            throw problem
        }
        return try await next(request, context)
    }
}
