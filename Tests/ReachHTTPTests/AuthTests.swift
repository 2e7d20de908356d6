import Foundation
import Hummingbird
import HummingbirdTesting
import ReachCore
import ReachStore
import Testing
@testable import ReachHTTP

@Suite("Authentication and tenant isolation")
struct AuthTests {
    /// Every secured route, with ids that belong to user_a.
    static func securedRoutes(campaign: String, job: String) -> [(HTTPRequest.Method, String, String?)] {
        [
            (.get, "/api/campaigns", nil), (.post, "/api/campaigns", #"{"name":"x"}"#), (.get, "/api/campaigns/can-create", nil),
            (.get, "/api/campaigns/\(campaign)", nil), (.patch, "/api/campaigns/\(campaign)", #"{"name":"y"}"#),
            (.post, "/api/campaigns/\(campaign)/archive", nil), (.get, "/api/jobs/\(job)", nil),
            (.delete, "/api/jobs/\(job)", nil), (.get, "/api/jobs/\(job)/events", nil), (.get, "/api/creators", nil),
            (.get, "/api/export/csv?jobId=\(job)", nil), (.get, "/api/scraping/tiktok?jobId=\(job)", nil),
            (.post, "/api/scraping/tiktok", #"{"keywords":["a"],"targetResults":100}"#),
            (.get, "/api/onboarding/status", nil), (.get, "/api/billing/status", nil), (.get, "/api/usage/summary", nil),
            (.get, "/api/plans", nil), (.get, "/api/admin/config", nil), (.get, "/api/admin/users?q=a", nil),
            (.get, "/api/admin/events", nil), (.get, "/api/admin/jobs", nil),
        ]
    }

    @Test("no token, a bad token, an expired token: 401 on every secured route")
    func unauthorized() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_a")
        let expired = try await harness.token("user_a")
        harness.clock.advance(by: 7_200)
        try await harness.test { client throws in
            for (method, path, body) in Self.securedRoutes(campaign: UUID().lowercased, job: UUID().lowercased) {
                for token in [nil, "not-a-jwt", expired, expired.dropLast(3) + "abc"] as [String?] {
                    let answer = try await client.call(method, path, token: token, body: body)
                    #expect(answer.status == 401, "\(method) \(path) with \(token == nil ? "no token" : "a bad token")")
                    #expect(answer.contentType == "application/problem+json")
                }
            }
            let wrongScheme = try await client.call(.get, "/api/campaigns", headers: [.authorization: "Basic dXNlcjpwYXNz"])
            #expect(wrongScheme.status == 401)
        }
    }

    @Test("another user's campaigns, jobs, results and exports are 404")
    func isolation() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_a")
        try harness.insertUser("user_b")
        let (campaign, job) = try await harness.database.writer.write { db in
            let campaign = try Campaigns.create(db, userId: "user_a", name: "A's", description: nil, searchType: .keyword, now: start)
            let request = try Searches.validate(platform: .tiktok, keywords: ["yoga"], username: nil, targetResults: 100)
            return (campaign, try Searches.start(db, userId: "user_a", request: request, campaignId: campaign.id, now: start))
        }
        let other = try await harness.token("user_b")
        let owner = try await harness.token("user_a")
        try await harness.test { client throws in
            let perResource: [(HTTPRequest.Method, String, String?)] = [
                (.get, "/api/campaigns/\(campaign.id.lowercased)", nil), (.patch, "/api/campaigns/\(campaign.id.lowercased)", #"{"name":"mine"}"#),
                (.post, "/api/campaigns/\(campaign.id.lowercased)/archive", nil), (.get, "/api/jobs/\(job.id.lowercased)", nil),
                (.delete, "/api/jobs/\(job.id.lowercased)", nil), (.get, "/api/jobs/\(job.id.lowercased)/events", nil),
                (.get, "/api/scraping/tiktok?jobId=\(job.id.lowercased)", nil), (.get, "/api/export/csv?jobId=\(job.id.lowercased)", nil),
                (.get, "/api/export/csv?campaignId=\(campaign.id.lowercased)", nil),
                (.post, "/api/scraping/tiktok", #"{"keywords":["a"],"targetResults":100,"campaignId":"\#(campaign.id.lowercased)"}"#),
            ]
            for (method, path, body) in perResource {
                let answer = try await client.call(method, path, token: other, body: body)
                #expect(answer.status == 404, "\(method) \(path) as another user: \(answer.status) \(answer.body)")
            }
            let mine = try await client.call(.get, "/api/campaigns/\(campaign.id.lowercased)", token: owner)
            #expect(mine.status == 200)
            let theirList = try await client.call(.get, "/api/campaigns", token: other)
            #expect(theirList.json["campaigns"]?.arrayValue?.isEmpty == true)
            let untouched = try await harness.database.reader.read { db in try Campaign.fetchOne(db, id: campaign.id)! }
            #expect(untouched.name == "A's" && untouched.status == .active)
        }
    }

    @Test("admin routes need is_admin or an address in REACH_ADMIN_EMAILS")
    func adminOnly() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_plain")
        try harness.insertUser("user_flag", admin: true)
        try harness.insertUser("user_mail", email: "Boss@Reach.test")
        let adminRoutes: [(HTTPRequest.Method, String, String?)] = [
            (.get, "/api/admin/config", nil), (.post, "/api/admin/config/init", nil), (.get, "/api/admin/events", nil),
            (.get, "/api/admin/jobs", nil), (.get, "/api/admin/users?q=user", nil), (.get, "/api/admin/plans", nil),
            (.put, "/api/admin/config", #"{"configurations":[{"category":"api_limits","key":"max_api_calls_tiktok","value":"40"}]}"#),
            (.post, "/api/admin/users/set-plan", #"{"userId":"user_plain","planKey":"fame_flex"}"#),
        ]
        try await harness.test { client throws in
            for (method, path, body) in adminRoutes {
                let plain = try await client.call(method, path, token: try await harness.token("user_plain"), body: body)
                #expect(plain.status == 403, "\(method) \(path) for a non-admin")
                for admin in ["user_flag", "user_mail"] {
                    let answer = try await client.call(method, path, token: try await harness.token(admin), body: body)
                    #expect(answer.status == 200, "\(method) \(path) for \(admin): \(answer.body)")
                }
            }
        }
        let actions = try await harness.database.reader.read { db in try Event.fetchLog(db, eventType: "admin_action", limit: 50) }
        #expect(actions.count >= 4)
        #expect(actions.allSatisfy { $0.eventData["admin"]?.stringValue?.hasPrefix("user_") == true })
    }
}
