import Foundation
import Hummingbird
import HummingbirdTesting
import ReachCore
import ReachStore
import Testing
@testable import ReachHTTP

@Suite("Bad input")
struct BadInputTests {
    /// (method, path, body, expected status): each must be a 4xx problem that says what to fix.
    static let table: [(HTTPRequest.Method, String, String?, Int)] = [
        (.post, "/api/campaigns", #"{"name": "x""#, 400),                          // truncated JSON
        (.post, "/api/campaigns", "not json", 400),
        (.post, "/api/campaigns", "", 400),
        (.post, "/api/campaigns", "[1,2]", 400),                                    // not an object
        (.post, "/api/campaigns", #"{"name": 42}"#, 400),                           // wrong type
        (.post, "/api/campaigns", #"{"description": "no name"}"#, 400),             // missing field
        (.post, "/api/campaigns", #"{"name": "   "}"#, 400),                        // blank
        (.get, "/api/scraping/instagram?jobId=00000000-0000-4000-8000-000000000000", nil, 404),
        (.put, "/api/plans", #"{}"#, 405),                                         // wrong method
        (.post, "/api/campaigns", #"{"name": "x", "searchType": "lookalike"}"#, 400), // unknown enum
        (.post, "/api/campaigns", #"{"name": "a\u0000b"}"#, 400),                   // NUL
        (.post, "/api/campaigns", #"{"name": "\ud800"}"#, 400),                     // lone surrogate
        (.post, "/api/campaigns", String(repeating: "[", count: 600) + String(repeating: "]", count: 600), 400),
        (.patch, "/api/campaigns/not-a-uuid", #"{"name":"x"}"#, 404),
        (.patch, "/api/campaigns/00000000-0000-4000-8000-000000000000", #"{"status":"paused"}"#, 400),
        (.get, "/api/campaigns?page=0", nil, 400),
        (.get, "/api/campaigns?limit=100000000000000000000000", nil, 400),
        (.get, "/api/campaigns/00000000-0000-4000-8000-000000000000", nil, 404),
        (.post, "/api/scraping/tiktok", #"{"keywords":["yoga"],"targetResults":250}"#, 400),
        (.post, "/api/scraping/tiktok", #"{"keywords":["yoga"],"targetResults":1e30}"#, 400),
        (.post, "/api/scraping/tiktok", #"{"keywords":"yoga"}"#, 400),
        (.post, "/api/scraping/tiktok", #"{"keywords":[]}"#, 400),
        (.post, "/api/scraping/tiktok", #"{"username":"maya"}"#, 400),
        (.post, "/api/scraping/tiktok-similar", #"{"keywords":["x"]}"#, 400),
        (.post, "/api/scraping/instagram", #"{"username":"has space"}"#, 400),
        (.post, "/api/scraping/tiktok", #"{"keywords":["x"],"targetResults":100,"campaignId":"nope"}"#, 400),
        (.get, "/api/scraping/tiktok", nil, 400),
        (.get, "/api/scraping/tiktok?jobId=123", nil, 400),
        (.get, "/api/jobs/zzz", nil, 404),
        (.delete, "/api/jobs/00000000-0000-4000-8000-000000000000", nil, 404),
        (.get, "/api/creators?minFollowers=-5", nil, 400),
        (.get, "/api/creators?platform=myspace", nil, 400),
        (.get, "/api/creators?verified=maybe", nil, 400),
        (.get, "/api/creators?sort=random", nil, 400),
        (.get, "/api/creators?cursor=%%%", nil, 400),
        (.get, "/api/creators?q=" + String(repeating: "a", count: 300), nil, 400),
        (.get, "/api/export/csv?jobId=x", nil, 400),
        (.patch, "/api/onboarding/step-2", #"{"brandDescription":"too short"}"#, 400),
        (.post, "/api/onboarding/save-plan", #"{"selectedPlan":"platinum"}"#, 400),
        (.post, "/api/admin/config", #"{"category":"timeouts","key":"standard_job_timeout","value":"soon","valueType":"duration"}"#, 400),
        (.put, "/api/admin/config", #"{"configurations":{"category":"timeouts"}}"#, 400),  // not an array
        (.post, "/api/admin/config", #"{"category":"nope","key":"nothing","value":"1"}"#, 400),  // no valueType
        (.post, "/api/admin/config", #"{"category":"timeouts","key":"standard_job_timeout","value":"1","valueType":"boolean"}"#, 400),
        (.post, "/api/admin/config", #"{"category":"Bad Cat","key":"k","value":"1","valueType":"number"}"#, 400),
        (.post, "/api/admin/config", #"{"category":"c","key":"k","value":"1","valueType":"string"}"#, 400),
        (.delete, "/api/admin/config", nil, 400),
        (.get, "/api/admin/jobs?status=stuck", nil, 400),
        (.get, "/api/admin/events?limit=0", nil, 400),
        (.post, "/api/admin/jobs/00000000-0000-4000-8000-000000000000/retry", nil, 404),
        (.post, "/api/admin/users/set-plan", #"{"userId":"user_a","planKey":"gold"}"#, 404),  // unknown plan
        (.post, "/api/admin/users/set-plan", #"{"userId":"user_a"}"#, 400),
        (.put, "/api/admin/plans", #"{"planKey":"glow_up","update":{"price":5}}"#, 400),        // unknown field
        (.put, "/api/admin/plans", #"{"planKey":"glow_up","update":{"campaignsLimit":"ten"}}"#, 400),
        (.put, "/api/admin/plans", #"{"planKey":"no_such","update":{"campaignsLimit":1}}"#, 404),
        (.post, "/api/scraping/tiktok", #"{"keywords":["yoga"],"targetResults":100}"#, 400),    // no campaignId
        (.patch, "/api/onboarding/complete", #"{"completed":false}"#, 400),
        (.get, "/api/admin/users/billing-status", nil, 400),
        (.get, "/api/admin/users/billing-status?userId=nobody", nil, 404),
        (.put, "/api/admin/plans", #"{"planKey":"glow_up","campaignsLimit":-7}"#, 400),
        (.get, "/api/admin/users/nobody", nil, 404),
    ]

    @Test("every bad request is a 4xx problem that says what to fix", arguments: table.indices)
    func badInput(_ index: Int) async throws {
        let (method, path, body, expected) = Self.table[index]
        let harness = try await Harness()
        try harness.insertUser("user_a", plan: .fameFlex, admin: true)
        let token = try await harness.token("user_a")
        try await harness.test { client throws in
            let answer = try await client.call(method, path, token: token, body: body)
            #expect(answer.status == expected, "\(method) \(path) \(body ?? ""): \(answer.status) \(answer.body)")
            #expect(answer.contentType == "application/problem+json")
            #expect(answer.json["detail"]?.stringValue?.isEmpty == false && answer.json["code"] != nil)
            #expect(answer.json["error"]?.stringValue?.isEmpty == false, "the platform's frontend shows `error`")
        }
    }

    @Test("a body over 1 MiB is 413")
    func tooLarge() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_a")
        let token = try await harness.token("user_a")
        try await harness.test { client throws in
            let huge = #"{"name":""# + String(repeating: "x", count: 1_100_000) + #""}"#
            let answer = try await client.call(.post, "/api/campaigns", token: token, body: huge)
            #expect(answer.status == 413 && answer.json["code"] == "body_too_large")
            let webhook = try await client.call(.post, "/api/webhooks/stripe", body: huge)
            #expect(webhook.status == 413)
        }
    }

    @Test("search text is literal: FTS5 syntax in every search field is just text")
    func ftsSyntax() async throws {
        let harness = try await Harness(seed: true)
        let token = try await harness.token("user_admin")
        try await harness.test { client throws in
            for query in ["\"", "\"\"", "a OR b", "NEAR(a b)", "*", "glow*", "-x", "(", "AND", "'; DROP TABLE users; --", "🎉", "%", "_"] {
                let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                for path in ["/api/creators?q=\(encoded)", "/api/creators?allUsers=true&q=\(encoded)", "/api/admin/users?q=\(encoded)"] {
                    let answer = try await client.call(.get, path, token: token)
                    #expect(answer.status == 200, "\(path): \(answer.body)")
                }
            }
        }
    }
}
