import Foundation
import Hummingbird
import HummingbirdTesting
import ReachCore
import ReachStore
import Testing
@testable import ReachHTTP

/// Where the platform has a bug and Reach keeps its own, safer answer (platform-routes.md, last
/// section): one test each, showing Reach's answer.
@Suite("Platform bugs Reach keeps fixed")
struct PlatformBugTests {
    /// Two users, each with a campaign and a finished TikTok search in it.
    func twoUsers(_ harness: Harness, _ client: any TestClientProtocol) async throws -> (token: String, other: String, campaign: String, job: String) {
        try harness.insertUser("user_a", plan: .fameFlex)
        try harness.insertUser("user_b", plan: .fameFlex)
        let token = try await harness.token("user_a")
        let campaign = try await client.call(.post, "/api/campaigns", token: token, body: #"{"name":"Mine"}"#)
        let campaignId = try #require(campaign.json["id"]?.stringValue)
        let started = try await client.call(.post, "/api/scraping/tiktok-similar", token: token,
                                            body: #"{"username":"maya","campaignId":"\#(campaignId)"}"#)
        let jobId = try #require(started.json["jobId"]?.stringValue)
        return (token, try await harness.token("user_b"), campaignId, jobId)
    }

    @Test("1. someone else's campaign, job, poll or CSV is a 404 everywhere")
    func ownership() async throws {
        let harness = try await Harness()
        try await harness.test { client throws in
            let (_, other, campaign, job) = try await twoUsers(harness, client)
            for (method, path) in [(HTTPRequest.Method.get, "/api/campaigns/\(campaign)"), (.get, "/api/jobs/\(job)"),
                                   (.delete, "/api/jobs/\(job)"), (.get, "/api/scraping/tiktok-similar?jobId=\(job)"),
                                   (.get, "/api/export/csv?jobId=\(job)"), (.get, "/api/export/csv?campaignId=\(campaign)")] {
                let answer = try await client.call(method, path, token: other)
                #expect(answer.status == 404, "\(method) \(path): \(answer.status), the platform answers 401 or the data")
                #expect(answer.json["error"]?.stringValue?.hasSuffix("not found") == true)
            }
            let anonymous = try await client.call(.get, "/api/jobs/\(job)")
            #expect(anonymous.status == 401, "the platform's jobs route has no auth at all")
        }
    }

    @Test("2. POST /api/scraping/instagram checks the campaign is the caller's")
    func instagramCampaign() async throws {
        let harness = try await Harness()
        try await harness.test { client throws in
            let (_, other, campaign, _) = try await twoUsers(harness, client)
            let answer = try await client.call(.post, "/api/scraping/instagram", token: other,
                                               body: #"{"username":"maya","campaignId":"\#(campaign)"}"#)
            #expect(answer.status == 404 && answer.json["error"] == "Campaign not found")
            let absent = try await client.call(.post, "/api/scraping/instagram", token: other,
                                               body: #"{"username":"maya","campaignId":"00000000-0000-4000-8000-000000000000"}"#)
            #expect(absent.status == 404)
        }
    }

    @Test("3. bad input is a 400 with a message: a campaign without a name, an invalid configuration value")
    func badInput() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_admin", plan: .fameFlex, admin: true)
        let token = try await harness.token("user_admin")
        try await harness.test { client throws in
            let noName = try await client.call(.post, "/api/campaigns", token: token, body: #"{"description":"no name"}"#)
            #expect(noName.status == 400 && noName.json["error"]?.stringValue?.contains("name") == true)
            let value = try await client.call(.post, "/api/admin/config", token: token,
                                              body: #"{"category":"timeouts","key":"standard_job_timeout","value":"-1","valueType":"duration"}"#)
            #expect(value.status == 400 && value.json["error"]?.stringValue?.isEmpty == false)
        }
    }

    @Test("4. GET /api/status, the platform's open list of every user, is not served")
    func status() async throws {
        let harness = try await Harness()
        try await harness.test { client throws in
            #expect(try await client.call(.get, "/api/status").status == 404)
        }
    }

    @Test("5. hasActiveSubscription is a boolean, false while trialing")
    func activeSubscription() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_a", plan: .glowUp)
        try await harness.database.writer.write { db in
            guard var profile = try UserProfile.fetchOne(db, userId: "user_a") else { return }
            profile.stripeSubscriptionId = "sub_trial"
            try profile.update(db)
        }
        try await harness.test { client throws in
            let billing = try await client.call(.get, "/api/billing/status", token: try await harness.token("user_a"))
            #expect(billing.json["hasActiveSubscription"] == false, "the platform sends the subscription id here")
            #expect(billing.json["isTrialing"] == true)
        }
    }

    @Test("6a. Instagram reels default to 100 creators (the platform's 50 fails its own check)")
    func reelsDefault() async throws {
        let harness = try await Harness()
        try await harness.test { client throws in
            let (token, _, campaign, _) = try await twoUsers(harness, client)
            let started = try await client.call(.post, "/api/scraping/instagram-reels", token: token,
                                                body: ##"{"keywords":["#yoga"],"campaignId":"\##(campaign)"}"##)
            #expect(started.status == 200 && started.json["job"]?["targetResults"] == 100)
            #expect(started.json["job"]?["keywords"] == ["yoga"], "the leading # is stripped")
        }
    }

    @Test("6b. step 1 does not move a completed user back")
    func stepOneKeepsCompletion() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_a", plan: .glowUp)
        try await harness.test { client throws in
            let answer = try await client.call(.patch, "/api/onboarding/step-1", token: try await harness.token("user_a"),
                                               body: #"{"fullName":"Again","businessName":"Again Co"}"#)
            #expect(answer.status == 200 && answer.json["onboardingStep"] == "completed")
        }
    }

    @Test("6c. a TikTok similar poll answers the job's real status, with the merged results and creators")
    func tiktokSimilarStatus() async throws {
        let harness = try await Harness()
        try await harness.test { client throws in
            let (token, _, _, job) = try await twoUsers(harness, client)
            let pending = try await client.call(.get, "/api/scraping/tiktok-similar?jobId=\(job)", token: token)
            #expect(pending.json["status"] == "pending" && pending.json["creators"] == [])
            let done = try await finish(harness, polling: "/api/scraping/tiktok-similar?jobId=\(job)", client, token: token)
            #expect(done.json["status"] == "completed")
            #expect(done.json["creators"] == done.json["results"]?[0]?["creators"] && done.json["creators"] != [])
        }
    }

    @Test("6d. YouTube similar reuses only the caller's own active job of the same campaign and target")
    func youtubeSimilarReuse() async throws {
        let harness = try await Harness()
        try await harness.test { client throws in
            let (token, other, campaign, _) = try await twoUsers(harness, client)
            let body = #"{"username":"techwithtom","campaignId":"\#(campaign)"}"#
            let first = try await client.call(.post, "/api/scraping/youtube-similar", token: token, body: body)
            let again = try await client.call(.post, "/api/scraping/youtube-similar", token: token, body: body)
            #expect(first.json["jobId"] == again.json["jobId"] && first.json["status"] == "pending")
            let otherTarget = try await client.call(.post, "/api/scraping/youtube-similar", token: token,
                                                    body: #"{"username":"techwithtom","targetResults":50,"campaignId":"\#(campaign)"}"#)
            #expect(otherTarget.json["jobId"] != first.json["jobId"])
            let theirs = try await client.call(.post, "/api/scraping/youtube-similar", token: other, body: body)
            #expect(theirs.status == 404, "another user's campaign is not theirs to search in")
        }
    }
}
