import Foundation
import Hummingbird
import HummingbirdTesting
import ReachCore
import ReachStore
import Testing
@testable import ReachHTTP

@Suite("Routes")
struct RouteTests {
    @Test("the OpenAPI document names every registered route, and nothing else")
    func openAPICoversRoutes() async throws {
        let harness = try await Harness()
        let router = buildRouter(harness.configuration, dependencies: harness.dependencies)
        let registered = Set(router.routes.map { "\($0.method.rawValue) \($0.path)" })
        let documented = Set(OpenAPIDocument.routes())
        #expect(registered.count > 40)
        #expect(registered.subtracting(documented).isEmpty, "undocumented: \(registered.subtracting(documented).sorted())")
        #expect(documented.subtracting(registered).isEmpty, "documented but absent: \(documented.subtracting(registered).sorted())")
    }

    @Test("with test mode the /_reach routes are served and documented; without it, they are not found")
    func testModeRoutes() async throws {
        let harness = try await Harness()
        let router = buildRouter(harness.configuration, dependencies: AppDependencies(app: harness.app, testMode: StillClock()))
        let registered = Set(router.routes.map { "\($0.method.rawValue) \($0.path)" })
        #expect(registered == Set(OpenAPIDocument.routes(testMode: true)))
        try await harness.test { client throws in
            let token = try await harness.app.tokens.issue(userId: "user_admin")
            #expect(try await client.call(.get, "/_reach/clock", token: token).status == 404)
        }
    }

    @Test("the OpenAPI document is 3.1, with explicit success and problem+json error schemas")
    func openAPIShape() async throws {
        let harness = try await Harness()
        try await harness.test { client throws in
            let answer = try await client.call(.get, "/openapi.json")
            #expect(answer.status == 200)
            let document = answer.json
            #expect(document["openapi"] == "3.1.0")
            for (path, item) in document["paths"]?.objectValue ?? [:] {
                for (method, operation) in item.objectValue ?? [:] {
                    let responses = operation["responses"]?.objectValue ?? [:]
                    #expect(responses["default"] == nil, "\(method) \(path) has a bare default")
                    let page = operation["tags"] == ["dashboard"]
                    let successes = responses.filter { $0.key.hasPrefix("2") }
                    #expect(successes.count == 1 || (page && method == "post" && responses["303"] != nil), "\(method) \(path)")
                    for (code, response) in responses where code.hasPrefix("4") || code.hasPrefix("5") {
                        let errorType = page ? "text/html" : "application/problem+json"
                        #expect(response["content"]?[errorType]?["schema"] != nil, "\(method) \(path) \(code)")
                    }
                    for (_, response) in successes {
                        let schema = response["content"]?.objectValue?.values.first?["schema"]
                        #expect(schema != nil && schema != [:], "\(method) \(path) success schema")
                    }
                }
            }
        }
    }

    @Test("health, metrics and request ids")
    func system() async throws {
        let harness = try await Harness()
        let now = harness.clock.now()
        _ = try await harness.database.writer.write { db in
            try JobQueue.enqueue(db, BackgroundJob(jobType: "send_email", payload: [:], scheduledFor: now.addingTimeInterval(86_400), now: now))
        }
        try await harness.test { client throws in
            let health = try await client.call(.get, "/healthz")
            #expect(health.status == 200 && health.json["status"] == "ok" && health.json["version"] == .string(ReachVersion.current))
            #expect(health.headers[.init("X-Request-Id")!]?.isEmpty == false)
            let chosen = try await client.call(.get, "/healthz", headers: [.init("X-Request-Id")!: "abc-123"])
            #expect(chosen.headers[.init("X-Request-Id")!] == "abc-123")
            _ = try await client.call(.get, "/api/campaigns")
            let metrics = try await client.call(.get, "/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.body.contains(#"reach_http_requests_total{method="GET",route="/healthz",status="200"} 2"#))
            #expect(metrics.body.contains("reach_queue_depth 0"), "nothing is due: \(metrics.body)")
            #expect(metrics.body.contains("reach_queue_scheduled_later 1"), "the e-mail due tomorrow")
            #expect(metrics.body.contains("reach_oldest_pending_job_age_seconds"))
            #expect(metrics.body.contains(#"reach_background_jobs{status="failed"}"#))
            let missing = try await client.call(.get, "/no/such/route")
            #expect(missing.status == 404 && missing.contentType == "application/problem+json")
        }
    }
}
