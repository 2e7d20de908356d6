import Foundation
import Hummingbird
import ReachCore
import ReachStore

/// `/healthz`, `/metrics` and `/openapi.json`: no token needed.
struct SystemController {
    let database: ReachDatabase
    let clock: any ReachClock
    let metrics: HTTPMetrics
    let openAPI: @Sendable () -> Data

    func addRoutes(to routes: Routes) {
        routes.get("/healthz") { _, _ in
            let migrations = try await database.reader.read { db in try ReachDatabase.appliedMigrationCount(db) }
            struct Answer: Encodable { var status: String; var migrations: Int }
            return try json(Answer(status: "ok", migrations: migrations))
        }
        routes.get("/metrics") { _, _ in
            let text = try await metrics.render(database: database, now: clock.now())
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        routes.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"],
                     body: .init(byteBuffer: ByteBuffer(bytes: openAPI())))
        }
    }
}
