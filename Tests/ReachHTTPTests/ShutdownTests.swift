import Foundation
import Hummingbird
import HummingbirdTesting
import ReachCore
import ServiceLifecycleTestKit
import Testing
@testable import ReachHTTP

/// A graceful shutdown (SIGTERM) ends what would keep the server up: progress streams end with a
/// last event, and writes are refused with a 503 while the server drains.
@Suite("Graceful shutdown")
struct ShutdownTests {
    @Test("once shutdown begins, writes get 503 shutting_down and reads still answer")
    func writesRefused() async throws {
        let harness = try await Harness(seed: true)
        let token = try await harness.token("user_demo")
        try await testGracefulShutdown { trigger in
            try await harness.test { client in
                #expect(try await client.call(.post, "/api/campaigns", token: token, body: #"{"name":"Before"}"#).status == 200)
                trigger.triggerGracefulShutdown()
                let refused = try await client.call(.post, "/api/campaigns", token: token, body: #"{"name":"After"}"#)
                #expect(refused.status == 503 && refused.json["code"] == "shutting_down", "\(refused.body)")
                #expect(refused.headers[.retryAfter] != nil)
                #expect(try await client.call(.get, "/api/campaigns", token: token).status == 200)
            }
        }
        let names = try await harness.app.campaigns.list(userId: "user_demo", page: 1, limit: 100).campaigns.map(\.name)
        #expect(names.contains("Before") && !names.contains("After"), "nothing acknowledged after the signal")
    }

    @Test("a progress stream open when shutdown begins ends with a shutdown event")
    func progressStreamEnds() async throws {
        let harness = try await Harness(seed: true)
        let token = try await harness.token("user_demo")
        let campaign = try await harness.app.campaigns.list(userId: "user_demo", page: 1, limit: 1).campaigns[0].id
        let job = try await harness.app.searches.start(
            userId: "user_demo", request: SearchRequest(platform: .tiktok, keywords: ["yoga"], username: nil, targetResults: 100),
            campaignId: campaign)
        try await testGracefulShutdown { trigger in
            try await harness.test { client in
                trigger.triggerGracefulShutdown()
                let stream = try await client.call(.get, "/api/jobs/\(job.id.lowercased)/events", token: token)
                #expect(stream.status == 200)
                #expect(stream.body.hasSuffix("event: shutdown\ndata: {\"reason\":\"the server is shutting down\"}\n\n"), "\(stream.body)")
            }
        }
    }

    @Test("a first request line with raw bytes past ASCII is percent-encoded before the HTTP parser sees it")
    func rawQueryBytes() {
        let line = Array("GET /api/admin/users?q=éco HTTP/1.1".utf8)
        #expect(String(decoding: RequestGate.encoded(line: line), as: UTF8.self) == "GET /api/admin/users?q=%C3%A9co HTTP/1.1")
        let plain = Array("GET /healthz HTTP/1.1".utf8)
        #expect(RequestGate.encoded(line: plain) == plain)
        #expect(RequestGate.target(of: plain).map { Array($0) } == Array("/healthz".utf8))
    }

    @Test("the connection limit leaves room under the descriptor limit, and counts what the listener opens")
    func connectionLimit() {
        let usual = ConnectionLimit(openFiles: 1_024)
        #expect(usual.refuseAbove == 768 && usual.stopAcceptingAt == 960)
        #expect(ConnectionLimit(openFiles: 1_048_576).refuseAbove == 10_000)
        var counter = usual.delegate
        for _ in 0..<769 { counter.connectionOpened() }
        #expect(usual.current == 769 && usual.isOverLimit && counter.isAcceptingNewConnections())
        for _ in 0..<200 { counter.connectionOpened() }
        #expect(!counter.isAcceptingNewConnections())
        for _ in 0..<969 { counter.connectionClosed() }
        #expect(usual.current == 0 && !usual.isOverLimit)
    }
}
