import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import ReachCore

/// Turns every error into problem+json, adds `X-Request-Id`, and logs each request once.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let metrics: HTTPMetrics
    let routes: KnownRoutes
    /// What a browser gets for a path that is nothing: a page (API clients get problem+json).
    let pageNotFound: @Sendable (Request) async -> Response

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let incoming = request.headers[.init("X-Request-Id")!], incoming.fits(100),
            incoming.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        {
            context.requestId = incoming
        }
        if let correlation = request.headers[.init("X-Correlation-Id")!], correlation.fits(200),
            !correlation.contains(where: { $0.isNewline || $0 == "\u{0}" })
        {
            context.correlationId = correlation
        }
        context.logger[metadataKey: "request_id"] = .string(context.requestId)
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && !routes.methods(for: request.uri.path).isEmpty {
            // The path exists with other methods: 405, saying which.
            let allowed = Set(routes.methods(for: request.uri.path)).sorted()
            var problem = Problem(status: 405, code: "method_not_allowed", title: "Method not allowed",
                                  detail: "\(request.method) is not served here: use \(allowed.joined(separator: ", "))")
            problem.headers = [("Allow", allowed.joined(separator: ", "))]
            response = problem.response
        } catch let error as HTTPError where error.status == .notFound && Self.isBrowserPage(request) {
            response = await pageNotFound(request)
        } catch {
            let problem = Problem.from(error)
            if problem.status == 499 {
                context.logger.info("\(request.method) \(request.uri.path): the client closed the connection mid-request")
            } else if problem.status >= 500 {
                context.logger.error("\(request.method) \(request.uri.path) failed: \(String(reflecting: error))")
            }
            response = problem.response
        }
        response.headers[.init("X-Request-Id")!] = context.requestId
        let route = context.endpointPath ?? "unmatched"
        metrics.record(method: request.method.rawValue, route: route, status: Int(response.status.code),
                       duration: ContinuousClock.now - started)
        context.logger.info("\(request.method) \(request.uri.path) \(response.status.code)")
        return response
    }

    /// A browser asking for a page: HTML accepted, and not a path of the API's.
    static func isBrowserPage(_ request: Request) -> Bool {
        let path = request.uri.path
        guard request.method == .get, !path.hasPrefix("/api/"), !path.hasPrefix("/_reach/") else { return false }
        return request.headers[.accept]?.contains("text/html") == true
    }
}
