import Crypto
import CryptoExtras
import Foundation
import Hummingbird
import HummingbirdTesting
import JWTKit
import ReachCore
import ReachStore
import Testing
@testable import ReachHTTP

@Suite("Webhooks and accounts")
struct WebhookTests {
    func stripeCall(_ client: any TestClientProtocol, _ harness: Harness, _ event: JSONValue,
                    signature: String? = nil, at date: Date? = nil) async throws -> Answer {
        let body = event.jsonText
        let header = signature ?? StripeSignature(secret: harness.stripeSecret).header(body: Array(body.utf8), at: date ?? harness.clock.now())
        return try await client.call(.post, "/api/webhooks/stripe", body: body, headers: [.init("Stripe-Signature")!: header])
    }

    func clerkCall(_ client: any TestClientProtocol, _ harness: Harness, _ event: JSONValue, id: String) async throws -> Answer {
        let body = event.jsonText
        let timestamp = Int(harness.clock.now().timeIntervalSince1970)
        let signature = SvixSignature(secret: harness.clerkSecret).sign(id: id, timestamp: timestamp, body: Array(body.utf8))!
        return try await client.call(.post, "/api/webhooks/clerk", body: body, headers: [
            .init("svix-id")!: id, .init("svix-timestamp")!: String(timestamp), .init("svix-signature")!: "v1,\(signature)",
        ])
    }

    func profile(_ harness: Harness, _ userId: String) async throws -> UserProfile? {
        try await harness.database.reader.read { db in try UserProfile.fetchOne(db, userId: userId) }
    }

    @Test("Stripe signatures: valid, rotated, wrong secret, stale, future, malformed, body changed")
    func stripeSignatures() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_a")
        let event = try SampleWebhooks.stripe("invoice.payment_failed", userId: "user_a", profile: nil, plan: nil, status: nil,
                                              now: harness.clock.now())
        let body = Array(event.jsonText.utf8)
        let now = harness.clock.now()
        let good = StripeSignature(secret: harness.stripeSecret)
        let timestamp = Int(now.timeIntervalSince1970)
        let cases: [(String, String, Int)] = [
            ("wrong secret", StripeSignature(secret: "whsec_other").header(body: body, at: now), 400),
            ("stale", good.header(body: body, at: now.addingTimeInterval(-301)), 400),
            ("future", good.header(body: body, at: now.addingTimeInterval(301)), 400),
            ("malformed", "garbage", 400),
            ("no v1", "t=\(timestamp)", 400),
            ("body changed", good.header(body: body + [0x20], at: now), 400),
            ("rotated: second v1 matches", "t=\(timestamp),v1=\(String(repeating: "0", count: 64)),v1=\(good.sign(timestamp: timestamp, body: body))", 200),
        ]
        try await harness.test { client throws in
            for (name, header, status) in cases {
                let answer = try await stripeCall(client, harness, event, signature: header)
                #expect(answer.status == status, "\(name): \(answer.body)")
                if status == 400 { #expect(answer.json["code"] == "invalid_signature") }
            }
            let missing = try await client.call(.post, "/api/webhooks/stripe", body: event.jsonText)
            #expect(missing.status == 400)
            let replay = try await stripeCall(client, harness, event)
            #expect(replay.status == 200 && replay.json["outcome"] == "duplicate", "a replay answers 200 and changes nothing")
        }
        #expect(try await profile(harness, "user_a")?.subscriptionStatus == .pastDue)
        let count = try await harness.database.reader.read { db in try Event.filter(Event.Columns.idempotencyKey == "stripe_\(event["id"]!.stringValue!)").fetchCount(db) }
        #expect(count == 1)
    }

    @Test("Svix signatures for Clerk: valid, wrong, stale, missing headers")
    func clerkSignatures() async throws {
        let harness = try await Harness()
        let event = try SampleWebhooks.clerk("user.created", userId: "user_new", email: "n@example.com", name: "N", now: start)
        try await harness.test { client throws in
            let body = event.jsonText
            let now = Int(harness.clock.now().timeIntervalSince1970)
            let wrong = try await client.call(.post, "/api/webhooks/clerk", body: body, headers: [
                .init("svix-id")!: "msg_1", .init("svix-timestamp")!: String(now), .init("svix-signature")!: "v1,AAAA"])
            #expect(wrong.status == 400)
            let signature = SvixSignature(secret: harness.clerkSecret).sign(id: "msg_1", timestamp: now - 400, body: Array(body.utf8))!
            let stale = try await client.call(.post, "/api/webhooks/clerk", body: body, headers: [
                .init("svix-id")!: "msg_1", .init("svix-timestamp")!: String(now - 400), .init("svix-signature")!: "v1,\(signature)"])
            #expect(stale.status == 400)
            let missing = try await client.call(.post, "/api/webhooks/clerk", body: body)
            #expect(missing.status == 400)
            let good = try await clerkCall(client, harness, event, id: "msg_1")
            #expect(good.status == 200 && good.json["outcome"] == "applied")
            let replay = try await clerkCall(client, harness, event, id: "msg_1")
            #expect(replay.status == 200 && replay.json["outcome"] == "duplicate")
        }
        let created = try await profile(harness, "user_new")
        #expect(created?.currentPlan == .free && created?.trialStatus == .active && created?.onboardingStep == .pending)
        #expect(created?.trialEndDate == start.addingTimeInterval(7 * 86_400))
    }

    @Test("an older subscription event does not overwrite newer state; unknown types are recorded and acknowledged")
    func outOfOrder() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_a", plan: .glowUp)
        let base = harness.clock.now()
        let newer = rewrite(try SampleWebhooks.stripe("customer.subscription.updated", userId: "user_a", profile: nil,
                                                      plan: .fameFlex, status: "active", now: base),
                            created: Int(base.timeIntervalSince1970))
        let older = rewrite(try SampleWebhooks.stripe("customer.subscription.updated", userId: "user_a", profile: nil,
                                                      plan: .viralSurge, status: "past_due", now: base.addingTimeInterval(-60)),
                            created: Int(base.timeIntervalSince1970) - 60)
        try await harness.test { client throws in
            #expect(try await stripeCall(client, harness, newer).json["outcome"] == "applied")
            #expect(try await stripeCall(client, harness, older).json["outcome"] == "stale")
            let unknown: JSONValue = ["id": "evt_unknown_1", "type": "customer.tax_id.created", "created": .int(Int64(base.timeIntervalSince1970)),
                                      "data": ["object": ["customer": "cus_mock_user_a"]]]
            let answer = try await stripeCall(client, harness, unknown)
            #expect(answer.status == 200)
        }
        let final = try await profile(harness, "user_a")
        #expect(final?.currentPlan == .fameFlex && final?.subscriptionStatus == .active)
        let recorded = try await harness.database.reader.read { db in try Event.fetchLog(db, aggregateId: "user_a", limit: 10) }
        #expect(recorded.contains { $0.metadata?["outcome"] == "stale" })
    }

    func rewrite(_ event: JSONValue, created: Int) -> JSONValue {
        guard case .object(var fields) = event else { return event }
        fields["created"] = .int(Int64(created))
        return .object(fields)
    }

    @Test("the whole journey: created, onboarding, trial, subscription, converted, past due, deleted")
    func journey() async throws {
        let harness = try await Harness()
        let correlation = "journey-1"
        try await harness.test { client throws in
            let headers: HTTPFields = [.init("X-Correlation-Id")!: correlation]
            // Clerk: user.created
            let created = try SampleWebhooks.clerk("user.created", userId: "user_j", email: "j@example.com", name: "Jo Journey", now: start)
            #expect(try await clerkCall(client, harness, created, id: "msg_created").status == 200)
            var state = try await profile(harness, "user_j")
            #expect(state?.currentPlan == .free && state?.trialStatus == .active && state?.onboardingStep == .pending)
            let token = try await harness.token("user_j")
            // Onboarding
            #expect(try await client.call(.patch, "/api/onboarding/step-1", token: token,
                                          body: #"{"fullName":"Jo Journey","businessName":"Journey Co"}"#, headers: headers).status == 200)
            #expect(try await client.call(.patch, "/api/onboarding/complete", token: token, headers: headers).status == 400,
                    "steps only move forward")
            #expect(try await client.call(.patch, "/api/onboarding/step-2", token: token,
                                          body: #"{"brandDescription":"Journey Co sells travel gear for long walks, designed to last for decades."}"#,
                                          headers: headers).status == 200)
            #expect(try await client.call(.post, "/api/onboarding/save-plan", token: token, body: #"{"selectedPlan":"viral_surge"}"#,
                                          headers: headers).status == 200)
            let completed = try await client.call(.patch, "/api/onboarding/complete", token: token, headers: headers)
            #expect(completed.json["success"] == true && completed.json["onboarding"]?["step"] == "completed")
            #expect(completed.json["trial"]?["status"] == "active" && completed.json["emails"]?["scheduled"] == true)
            #expect(completed.json["stripe"]?["isMock"] == true)
            #expect(try await client.call(.patch, "/api/onboarding/complete", token: token, headers: headers).status == 200,
                    "repeating a step is harmless")
            state = try await profile(harness, "user_j")
            #expect(state?.subscriptionStatus == .trialing && state?.stripeCustomerId?.hasPrefix("cus_mock_") == true)
            #expect(state?.planCampaignsLimit == 10 && state?.planCreatorsLimit == 10_000)
            // Stripe: subscription created (trialing), then converted (active)
            harness.clock.advance(by: 60)
            let subscribed = try SampleWebhooks.stripe("customer.subscription.created", userId: "user_j", profile: state, plan: nil,
                                                       status: nil, now: harness.clock.now())
            #expect(try await stripeCall(client, harness, subscribed).json["outcome"] == "applied")
            state = try await profile(harness, "user_j")
            #expect(state?.subscriptionStatus == .trialing && state?.currentPlan == .viralSurge)
            let billing = try await client.call(.get, "/api/billing/status", token: token)
            #expect(billing.json["isTrialing"] == true && billing.json["daysRemaining"] == 6)
            #expect(billing.json["trialProgressPercentage"]?.intValue ?? -1 >= 0)
            harness.clock.advance(by: 60)
            let converted = try SampleWebhooks.stripe("customer.subscription.updated", userId: "user_j", profile: state, plan: nil,
                                                      status: "active", now: harness.clock.now())
            #expect(try await stripeCall(client, harness, converted).status == 200)
            state = try await profile(harness, "user_j")
            #expect(state?.trialStatus == .converted && state?.subscriptionStatus == .active && state?.trialConversionDate != nil)
            // Payment failed: past due
            harness.clock.advance(by: 60)
            let failed = try SampleWebhooks.stripe("invoice.payment_failed", userId: "user_j", profile: state, plan: nil, status: nil,
                                                   now: harness.clock.now())
            #expect(try await stripeCall(client, harness, failed).status == 200)
            state = try await profile(harness, "user_j")
            #expect(state?.subscriptionStatus == .pastDue && state?.lastWebhookEvent == "invoice.payment_failed")
            // Deleted: back to free
            harness.clock.advance(by: 60)
            let deleted = try SampleWebhooks.stripe("customer.subscription.deleted", userId: "user_j", profile: state, plan: nil,
                                                    status: nil, now: harness.clock.now())
            #expect(try await stripeCall(client, harness, deleted).status == 200)
            state = try await profile(harness, "user_j")
            #expect(state?.currentPlan == .free && state?.subscriptionStatus == .canceled && state?.planCampaignsLimit == 0)
            #expect(state?.trialStatus == .expired, "a converted trial is expired once its subscription is deleted")
        }
        let log = try await harness.database.reader.read { db in
            try Event.filter(Event.Columns.aggregateId == "user_j").order(Event.Columns.timestamp, Column("rowid")).fetchAll(db)
        }
        #expect(log.map(\.eventType) == [
            "user_created", "trial_started", "onboarding_started", "onboarding_completed", "subscription_created",
            "trial_converted", "subscription_updated", "payment_failed", "subscription_deleted",
        ])
        #expect(log.filter { $0.eventType.hasPrefix("onboarding") }.allSatisfy { $0.correlationId == correlation })
        let converted = log.first { $0.eventType == "trial_converted" }
        #expect(converted?.causationId?.hasPrefix("stripe_evt_") == true)
        #expect(log.first { $0.eventType == "trial_started" }?.causationId == log.first?.id.lowercased)
    }

    @Test("user.deleted removes the profile and everything the user owns, in one transaction")
    func clerkDelete() async throws {
        let harness = try await Harness(seed: true)
        try await harness.test { client throws in
            let deleted = try SampleWebhooks.clerk("user.deleted", userId: "user_demo", email: nil, name: nil, now: start)
            let answer = try await clerkCall(client, harness, deleted, id: "msg_delete")
            #expect(answer.json["outcome"] == "applied", "\(answer.body)")
        }
        try await harness.database.reader.read { db throws in
            #expect(try UserProfile.fetchOne(db, userId: "user_demo") == nil)
            #expect(try Campaign.filter(Campaign.Columns.userId == "user_demo").fetchCount(db) == 0)
            #expect(try ScrapingJob.filter(ScrapingJob.Columns.userId == "user_demo").fetchCount(db) == 0)
            #expect(try CreatorSearch.count(db, CreatorQuery(userId: "user_demo")) == 0)
            #expect(try Event.fetchLog(db, aggregateId: "user_demo", eventType: "user_deleted", limit: 5).count == 1)
        }
    }

    @Test("Clerk session tokens (RS256) are verified against the JWKS, issuer and expiry checked")
    func clerkTokens() async throws {
        let key = try Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
        let (modulus, exponent) = try key.publicKey.getKeyPrimitives()
        func base64url(_ data: Data) -> String {
            data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
        }
        let jwks = #"{"keys":[{"kty":"RSA","kid":"clerk-test","use":"sig","alg":"RS256","n":"\#(base64url(modulus))","e":"\#(base64url(exponent))"}]}"#
        let harness = try await Harness(clerkJWKS: jwks)
        try harness.insertUser("user_clerk")
        // Given tokens signed by another JWT library (jwt-kit), as Clerk's would be
        let signer = JWTKeyCollection()
        await signer.add(rsa: key, digestAlgorithm: .sha256, kid: "clerk-test")
        func token(issuer: String, expires: Date) async throws -> String {
            try await signer.sign(ForeignClaims(sub: .init(value: "user_clerk"), exp: .init(value: expires), iss: .init(value: issuer)),
                                  kid: "clerk-test")
        }
        let valid = try await token(issuer: "https://clerk.reach.test", expires: start.addingTimeInterval(600))
        let wrongIssuer = try await token(issuer: "https://evil.example", expires: start.addingTimeInterval(600))
        let expired = try await token(issuer: "https://clerk.reach.test", expires: start.addingTimeInterval(-1))
        let parts = valid.split(separator: ".").map(String.init)
        let tampered = parts[0] + "." + parts[1] + "." + String(parts[2].reversed())
        // The same claims under alg HS256, signed with the public modulus as an HMAC key: the old key-confusion attack
        let confusedHeader = Base64URL.encode(Data(#"{"alg":"HS256","kid":"clerk-test","typ":"JWT"}"#.utf8))
        let confused = confusedHeader + "." + parts[1] + "." + Base64URL.encode(Data(HMAC<SHA256>.authenticationCode(
            for: Data((confusedHeader + "." + parts[1]).utf8), using: SymmetricKey(data: modulus))))
        let unsigned = Base64URL.encode(Data(#"{"alg":"none","kid":"clerk-test"}"#.utf8)) + "." + parts[1] + "."
        try await harness.test { client throws in
            // Then only the valid one passes
            #expect(try await client.call(.get, "/api/onboarding/status", token: valid).status == 200)
            for (name, refused) in [("wrong issuer", wrongIssuer), ("expired", expired), ("tampered", tampered), ("HS256 with the modulus", confused),
                                    ("alg none", unsigned)] {
                #expect(try await client.call(.get, "/api/onboarding/status", token: refused).status == 401, "\(name)")
            }
        }
    }

    @Test("a local token an earlier Reach signed (with jwt-kit) still verifies; one signed with another key does not")
    func earlierLocalTokens() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_old")
        // Given a token as earlier Reach issued it: HS256, kid reach-local, the file's key, times with fractions
        let signer = JWTKeyCollection()
        await signer.add(hmac: HMACKey(from: try TokenVerifier.localSigningKey(harness.database)), digestAlgorithm: .sha256,
                         kid: JWKIdentifier(string: "reach-local"))
        let claims = ForeignClaims(sub: .init(value: "user_old"), exp: .init(value: start.addingTimeInterval(3_600.25)),
                                   iss: .init(value: "reach-local"), iat: .init(value: start), jti: .init(value: "0b7e6a52-8e1b-4c8e-9a57-1f0a3c9d2e11"))
        let old = try await signer.sign(claims, kid: JWKIdentifier(string: "reach-local"))
        let stranger = JWTKeyCollection()
        await stranger.add(hmac: HMACKey(from: "another file's key, 32 bytes long"), digestAlgorithm: .sha256, kid: JWKIdentifier(string: "reach-local"))
        let forged = try await stranger.sign(claims, kid: JWKIdentifier(string: "reach-local"))
        try await harness.test { client throws in
            #expect(try await client.call(.get, "/api/onboarding/status", token: old).status == 200)
            #expect(try await client.call(.get, "/api/onboarding/status", token: forged).status == 401)
        }
        // And Reach's own tokens read back in jwt-kit as the same claims
        let issued = try await harness.token("user_old")
        let read = try await signer.verify(issued, as: ForeignClaims.self)
        #expect(read.sub.value == "user_old" && read.iss.value == "reach-local" && read.jti != nil)
    }

    @Test("admin plan edits push new limits to the users on that plan")
    func planEdits() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_admin", plan: .fameFlex, admin: true)
        try harness.insertUser("user_g1", plan: .glowUp)
        try harness.insertUser("user_g2", plan: .glowUp)
        try await harness.test { client throws in
            let answer = try await client.call(.put, "/api/admin/plans", token: try await harness.token("user_admin"),
                                               body: #"{"planKey":"glow_up","campaignsLimit":5,"creatorsLimit":2000}"#)
            #expect(answer.status == 200 && answer.json["usersUpdated"] == 2)
            let usage = try await client.call(.get, "/api/usage/summary", token: try await harness.token("user_g1"))
            #expect(usage.json["campaigns"]?["limit"] == 5 && usage.json["creators"]?["limit"] == 2_000)
            let timeline = try await client.call(.get, "/api/admin/users/user_g1", token: try await harness.token("user_admin"))
            #expect(timeline.status == 200 && timeline.json["profile"]?["planCampaignsLimit"] == 5)
        }
    }
}

import GRDB

/// Token claims as another JWT library writes them.
struct ForeignClaims: JWTPayload {
    var sub: SubjectClaim
    var exp: ExpirationClaim
    var iss: IssuerClaim
    var iat: IssuedAtClaim?
    var jti: IDClaim?

    init(sub: SubjectClaim, exp: ExpirationClaim, iss: IssuerClaim, iat: IssuedAtClaim? = nil, jti: IDClaim? = nil) {
        (self.sub, self.exp, self.iss, self.iat, self.jti) = (sub, exp, iss, iat, jti)
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
