import Foundation
import Hummingbird
import NIOCore
import ReachCore

/// `/healthz`, `/metrics` and `/openapi.json`: no token needed.
struct SystemController {
    let app: ReachApp
    let metrics: HTTPMetrics
    /// The document then includes the test kit's routes.
    let testMode: Bool

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("healthz", use: health)
        group.get("metrics", use: figures)
        group.get("openapi.json", use: openAPI)
    }

    struct Health: ResponseEncodable {
        var status: String
        var migrations: Int
        var version = ReachVersion.current
    }

    @Sendable func health(_ request: Request, context: AppRequestContext) async throws -> Health {
        Health(status: "ok", migrations: try await app.maintenance.appliedMigrations())
    }

    @Sendable func figures(_ request: Request, context: AppRequestContext) async throws -> Response {
        let text = metrics.render(try await app.maintenance.queueFigures())
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    @Sendable func openAPI(_ request: Request, context: AppRequestContext) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"],
                 body: .init(byteBuffer: ByteBuffer(bytes: testMode ? OpenAPIDocument.testModeJSON : OpenAPIDocument.json)))
    }
}
