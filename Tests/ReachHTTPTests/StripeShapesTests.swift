import Foundation
import Hummingbird
import HummingbirdTesting
import ReachCore
import ReachStore
import Testing
@testable import ReachHTTP

/// Stripe's own example objects (stripe/openapi's fixtures3.json, in Fixtures/), signed as webhooks,
/// in the platform's API version (2024-06-20) and in today's, which moved a subscription's period
/// onto its items and an invoice's subscription under `parent.subscription_details`.
@Suite("Stripe's objects, then and now")
struct StripeShapesTests {
    static func fixture(_ name: String) throws -> JSONValue {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name).json")
        return try JSONValue(parsing: Array(try Data(contentsOf: url)))
    }

    func send(_ client: any TestClientProtocol, _ harness: Harness, type: String, object: JSONValue) async throws -> Answer {
        let event: JSONValue = ["id": .string("evt_\(UUID().uuidString.prefix(12))"), "object": "event", "type": .string(type),
                                "created": .int(Int64(harness.clock.now().timeIntervalSince1970)), "data": ["object": object]]
        let body = event.jsonText
        let header = StripeSignature(secret: harness.stripeSecret).header(body: Array(body.utf8), at: harness.clock.now())
        return try await client.call(.post, "/api/webhooks/stripe", body: body, headers: [.init("Stripe-Signature")!: header])
    }

    /// Stripe's subscription, about our user, renewing in 30 days; in today's shape with `today`.
    func subscription(today: Bool, end: Int64) throws -> JSONValue {
        var object = try Self.fixture("stripe-subscription").objectValue ?? [:]
        object["customer"] = "cus_mock_user_stripe"
        object["metadata"] = ["plan": "viral_surge"]
        if today {
            object["current_period_end"] = nil
            object["current_period_start"] = nil
            var items = object["items"]?.objectValue ?? [:]
            var data = items["data"]?.arrayValue ?? []
            var first = data.first?.objectValue ?? [:]
            first["current_period_start"] = .int(end - 30 * 86_400)
            first["current_period_end"] = .int(end)
            data[0] = .object(first)
            items["data"] = .array(data)
            object["items"] = .object(items)
        } else {
            object["current_period_end"] = .int(end)
        }
        return .object(object)
    }

    @Test("customer.subscription.created sets the renewal date from either shape", arguments: [false, true])
    func subscriptionCreated(_ today: Bool) async throws {
        let harness = try await Harness()
        try harness.insertUser("user_stripe", plan: .glowUp)
        let end = Int64(harness.clock.now().timeIntervalSince1970) + 30 * 86_400
        try await harness.test { client in
            let answer = try await send(client, harness, type: "customer.subscription.created", object: try subscription(today: today, end: end))
            #expect(answer.status == 200, "\(answer.body)")
        }
        let profile = try await harness.app.accounts.profile(userId: "user_stripe")
        #expect(profile.subscriptionRenewalDate == Date(timeIntervalSince1970: TimeInterval(end)), "today's shape: \(today)")
        #expect(profile.currentPlan == .viralSurge && profile.subscriptionStatus == .active)
    }

    @Test("invoice.payment_failed finds the subscriber by the invoice's subscription, in either shape", arguments: [false, true])
    func invoiceSubscription(_ today: Bool) async throws {
        let harness = try await Harness()
        try harness.insertUser("user_stripe", plan: .glowUp)
        try await harness.database.writer.write { db in
            try db.execute(sql: "UPDATE user_profiles SET stripe_subscription_id = 'sub_fixture', subscription_status = 'active' WHERE user_id = 'user_stripe'")
        }
        var invoice = try Self.fixture("stripe-invoice").objectValue ?? [:]
        invoice["customer"] = "cus_someone_else"  // only the subscription finds the user
        if today {
            invoice["subscription"] = .null
            invoice["parent"] = ["type": "subscription_details", "subscription_details": ["metadata": [:], "subscription": "sub_fixture"]]
        } else {
            invoice["subscription"] = "sub_fixture"
        }
        let object = JSONValue.object(invoice)
        try await harness.test { client in
            let answer = try await send(client, harness, type: "invoice.payment_failed", object: object)
            #expect(answer.status == 200, "\(answer.body)")
        }
        let profile = try await harness.app.accounts.profile(userId: "user_stripe")
        #expect(profile.subscriptionStatus == .pastDue, "today's shape: \(today)")
    }
}
