import Foundation
import Hummingbird
import HummingbirdTesting
import ReachCore
import ReachStore
import Testing
@testable import ReachHTTP

/// A subscriber whose payment failed (Stripe's `past_due`, while it retries) keeps what they have
/// and is told the truth: new spending waits for the payment, with words of its own.
@Suite("A past-due subscription")
struct PastDueTests {
    func stripe(_ client: any TestClientProtocol, _ harness: Harness, _ type: String) async throws -> Answer {
        let profile = try await harness.database.reader.read { db in try UserProfile.fetchOne(db, userId: "user_demo") }
        let body = try SampleWebhooks.stripe(type, userId: "user_demo", profile: profile, plan: nil, status: nil, now: harness.clock.now()).jsonText
        let header = StripeSignature(secret: harness.stripeSecret).header(body: Array(body.utf8), at: harness.clock.now())
        return try await client.call(.post, "/api/webhooks/stripe", body: body, headers: [.init("Stripe-Signature")!: header])
    }

    @Test("after invoice.payment_failed: exports work, new campaigns and searches get 403 payment_past_due, billing says so")
    func pastDue() async throws {
        // Given the demo user on Viral Surge with campaigns and creators, whose payment then failed
        let harness = try await Harness(seed: true)
        let token = try await harness.token("user_demo")
        try await harness.test { client in
            #expect(try await stripe(client, harness, "invoice.payment_failed").status == 200)
            let campaigns = try await client.call(.get, "/api/campaigns?limit=50", token: token).json["campaigns"]?.arrayValue ?? []
            let withResults = try #require(campaigns.first { ($0["scrapingJobs"]?.arrayValue ?? []).contains { $0["status"] == "completed" } })
            let campaignId = try #require(withResults["id"]?.stringValue)

            // Then what they have stays theirs
            let csv = try await client.call(.get, "/api/export/csv?campaignId=\(campaignId)", token: token)
            #expect(csv.status == 200, "\(csv.body.prefix(300))")
            // and new spending is refused with words of its own, not an offer to upgrade to the plan they hold
            let campaign = try await client.call(.post, "/api/campaigns", token: token, body: #"{"name":"New"}"#)
            #expect(campaign.status == 403 && campaign.json["code"] == "payment_past_due", "\(campaign.body)")
            #expect(campaign.json["error"] == "Payment past due" && campaign.json["upgrade"] == false)
            #expect(campaign.json["currentPlan"] == "viral_surge" && campaign.json["paymentFailedAt"] != nil)
            #expect(campaign.json["message"]?.stringValue?.contains("Viral Surge") == true, "\(campaign.body)")
            let search = try await client.call(.post, "/api/scraping/tiktok", token: token,
                                               body: #"{"keywords":["yoga"],"targetResults":100,"campaignId":"\#(campaignId)"}"#)
            #expect(search.status == 403 && search.json["code"] == "payment_past_due", "\(search.body)")

            // and the billing and usage answers show the plan's real limits, and the failed payment
            let billing = try await client.call(.get, "/api/billing/status", token: token).json
            #expect(billing["subscriptionStatus"] == "past_due" && billing["paymentPastDue"] == true && billing["paymentFailedAt"] != nil)
            #expect(billing["usageInfo"]?["campaignsLimit"] == 10 && billing["usageInfo"]?["creatorsLimit"] == 10_000, "\(billing)")
            let usage = try await client.call(.get, "/api/usage/summary", token: token).json
            #expect(usage["paymentPastDue"] == true && usage["campaigns"]?["limit"] == 10, "\(usage)")
            let page = try await client.call(.get, "/account", headers: [.cookie: "reach_session=\(token)"])
            #expect(page.body.contains("The last payment for your Viral Surge plan failed on"), "the dashboard names the failed payment")
            #expect(page.body.contains("Campaigns: 3 of 10") || page.body.contains("of 10"), "the plan's real limits")

            // When the payment goes through, new spending works again
            #expect(try await stripe(client, harness, "invoice.payment_succeeded").status == 200)
            #expect(try await client.call(.post, "/api/campaigns", token: token, body: #"{"name":"Paid"}"#).status == 200)
        }
    }
}
