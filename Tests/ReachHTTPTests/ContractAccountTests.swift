import Foundation
import Hummingbird
import HummingbirdTesting
import ReachCore
import ReachStore
import Testing
@testable import ReachHTTP

/// Onboarding, the billing and usage widgets, the subscription hook and the profile page, as the
/// platform's frontend reads them.
@Suite("Contract: accounts")
struct ContractAccountTests {
    @Test("onboarding as the modal walks it: status 404 for a new user, steps 1 and 2, save-plan, complete")
    func onboarding() async throws {
        let harness = try await Harness()
        let token = try await harness.token("user_new")
        try await harness.test { client throws in
            let unknown = try await client.call(.get, "/api/onboarding/status", token: token)
            #expect(unknown.status == 404, "the frontend takes any non-ok as a new user")
            _ = try await harness.app.accounts.createUser(userId: "user_new", email: "new@example.com", fullName: nil,
                                                          events: EventContext())
            let fresh = try await client.call(.get, "/api/onboarding/status", token: token)
            expectFields(fresh.json, ["userId": .string, "onboardingStep": .string, "signupTimestamp": .string], "GET status")
            #expect(fresh.json["onboardingStep"] == "pending")

            let one = try await client.call(.patch, "/api/onboarding/step-1", token: token,
                                            body: #"{"fullName":"Nia New","businessName":"New Co"}"#)
            #expect(one.status == 200)
            expectFields(one.json, ["success": .boolean, "message": .string, "data.requestId": .string,
                                    "data.executionTime": .integer, "data.nextStep": .integer], "PATCH step-1")
            let blank = try await client.call(.patch, "/api/onboarding/step-1", token: token, body: #"{"fullName":" ","businessName":"x"}"#)
            #expect(blank.status == 400 && blank.json["error"]?.stringValue?.isEmpty == false)
            let short = try await client.call(.patch, "/api/onboarding/step-2", token: token, body: #"{"brandDescription":"short"}"#)
            #expect(short.status == 400 && short.json["error"]?.stringValue?.contains("50") == true)
            let two = try await client.call(.patch, "/api/onboarding/step-2", token: token, body: #"{"brandDescription":"New Co makes recycled running shoes for city runners who care about the planet."}"#)
            #expect(two.status == 200 && two.json["success"] == true)
            let missing = try await client.call(.post, "/api/onboarding/save-plan", token: token, body: #"{}"#)
            #expect(missing.status == 400 && missing.json["error"] != nil)
            let saved = try await client.call(.post, "/api/onboarding/save-plan", token: token, body: #"{"selectedPlan":"viral_surge"}"#)
            #expect(saved.status == 200 && saved.json["success"] == true)

            let complete = try await client.call(.patch, "/api/onboarding/complete", token: token, body: #"{"completed":true}"#)
            #expect(complete.status == 200)
            expectFields(complete.json, [
                "success": .boolean, "message": .string, "onboarding.step": .string, "onboarding.completedAt": .string,
                "trial": .object, "trial.status": .string, "trial.startDate": .string, "trial.endDate": .string,
                "trial.daysRemaining": .integer, "trial.hoursRemaining": .integer, "trial.minutesRemaining": .integer,
                "trial.progressPercentage": .integer, "trial.timeUntilExpiry": .string, "stripe": .object,
                "stripe.customerId": .string, "stripe.subscriptionId": .string, "stripe.isMock": .boolean,
                "emails.scheduled": .boolean, "emails.results": .array,
            ], "PATCH complete")
            #expect(complete.json["trial"]?["daysRemaining"] == 7 && complete.json["emails"]?["scheduled"] == true)
            let state = try await client.call(.get, "/api/onboarding/complete", token: token)
            expectFields(state.json, ["onboarding.step": .string, "onboarding.isCompleted": .boolean, "trial.status": .string,
                                      "trial.hasTrialData": .boolean, "stripe.hasStripeData": .boolean], "GET complete")
            #expect(state.json["onboarding"]?["isCompleted"] == true)
            let status = try await client.call(.get, "/api/onboarding/status", token: token)
            expectFields(status.json, ["onboardingStep": .string, "fullName": .string, "businessName": .string,
                                       "brandDescription": .string], "GET status")
            #expect(status.json["onboardingStep"] == "completed")
        }
    }

    @Test("completing without an e-mail address is a 400, as on the platform")
    func completeWithoutEmail() async throws {
        let harness = try await Harness()
        try await harness.database.writer.write { db in
            var profile = UserProfile(userId: "user_quiet", email: nil, fullName: "Q", now: start)
            profile.onboardingStep = .intentCaptured
            try profile.insert(db)
        }
        let token = try await harness.token("user_quiet")
        try await harness.test { client throws in
            let answer = try await client.call(.patch, "/api/onboarding/complete", token: token, body: #"{"completed":true}"#)
            #expect(answer.status == 400 && answer.json["error"]?.stringValue?.contains("e-mail") == true)
        }
    }

    static let billingReads: [String: Kind] = [
        "currentPlan": .string, "subscriptionStatus": .string, "isTrialing": .boolean, "hasActiveSubscription": .boolean,
        "billingAmount": .integer, "billingCycle": .string, "daysRemaining": .integer, "hoursRemaining": .integer,
        "minutesRemaining": .integer, "trialProgressPercentage": .integer, "trialTimeRemaining": .string, "trialStatus": .string,
        "trialStartDate": .string, "trialEndDate": .string, "usageInfo.creatorsUsed": .integer, "usageInfo.creatorsLimit": .integer,
        "usageInfo.campaignsUsed": .integer, "usageInfo.campaignsLimit": .integer, "usageInfo.progressPercentage": .integer,
        "canManageSubscription": .boolean,
    ]

    @Test("the billing widgets: a trialing user is trialing, not active; a paying one is active with its card and next bill")
    func billing() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_trial", plan: .glowUp)
        try harness.insertUser("user_paid", plan: .viralSurge)
        try await harness.database.writer.write { db in
            guard var paid = try UserProfile.fetchOne(db, userId: "user_paid") else { return }
            paid.subscriptionStatus = .active
            paid.stripeSubscriptionId = "sub_123"
            paid.trialStatus = .converted
            paid.subscriptionRenewalDate = start.addingTimeInterval(30 * 86_400)
            paid.cardBrand = "visa"
            paid.cardLast4 = "4242"
            paid.cardExpMonth = 12
            paid.cardExpYear = 2030
            try paid.update(db)
        }
        try await harness.test { client throws in
            let trial = try await client.call(.get, "/api/billing/status", token: try await harness.token("user_trial"))
            expectFields(trial.json, Self.billingReads.merging(["trialEndsAt": .string]) { $1 }, "a trialing user's billing")
            #expect(trial.json["isTrialing"] == true && trial.json["hasActiveSubscription"] == false)
            #expect(trial.json["nextBillingDate"] == nil && trial.json["paymentMethod"] == nil)
            #expect(trial.json["trialEndsAt"]?.stringValue?.count == 10 && trial.json["billingAmount"] == 99)
            #expect(trial.json["usageInfo"]?["campaignsLimit"] == 3 && trial.json["usageInfo"]?["creatorsLimit"] == 1_000)

            let paid = try await client.call(.get, "/api/billing/status", token: try await harness.token("user_paid"))
            var paidReads = Self.billingReads
            for key in ["trialStartDate", "trialEndDate"] { paidReads[key] = .string }
            expectFields(paid.json, paidReads.merging(["nextBillingDate": .string, "paymentMethod.brand": .string,
                                                       "paymentMethod.last4": .string, "paymentMethod.expiryMonth": .integer,
                                                       "paymentMethod.expiryYear": .integer]) { $1 }, "a paying user's billing")
            #expect(paid.json["hasActiveSubscription"] == true && paid.json["isTrialing"] == false)
            #expect(paid.json["trialEndsAt"] == nil && paid.json["billingAmount"] == 249)

            let usage = try await client.call(.get, "/api/usage/summary", token: try await harness.token("user_trial"))
            expectFields(usage.json, ["currentPlan": .string, "campaigns.used": .integer, "campaigns.remaining": .integer,
                                      "campaigns.limit": .integer, "creators.used": .integer, "creators.remaining": .integer,
                                      "creators.limit": .integer], "GET /api/usage/summary")

            // A valid token whose profile the webhook has not made yet: created, free, in trial.
            let newcomer = try await client.call(.get, "/api/billing/status", token: try await harness.token("user_unseen"))
            #expect(newcomer.status == 200 && newcomer.json["currentPlan"] == "free" && newcomer.json["trialStatus"] == "active")
        }
    }

    @Test("an unlimited plan's usage summary says null, as the platform does")
    func unlimitedUsage() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_flex", plan: .fameFlex)
        try await harness.test { client throws in
            let usage = try await client.call(.get, "/api/usage/summary", token: try await harness.token("user_flex"))
            #expect(usage.json["campaigns"]?["limit"] == .null && usage.json["campaigns"]?["remaining"] == .null)
        }
    }

    @Test("the subscription hook: none, trialing on a mock subscription, and a past-due one")
    func subscription() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_free", plan: .free)
        try harness.insertUser("user_trial", plan: .glowUp)
        try await harness.database.writer.write { db in
            for userId in ["user_free", "user_trial"] {
                guard var profile = try UserProfile.fetchOne(db, userId: userId) else { continue }
                profile.stripeSubscriptionId = userId == "user_trial" ? "sub_mock_trial" : nil
                profile.cardLast4 = "4242"
                try profile.update(db)
            }
        }
        try await harness.test { client throws in
            let none = try await client.call(.get, "/api/subscription/status", token: try await harness.token("user_free"))
            #expect(none.json["subscription"] == .null && none.json["status"] == "no_subscription")
            #expect(none.json["access"]?["hasAccess"] == false)
            let trial = try await client.call(.get, "/api/subscription/status", token: try await harness.token("user_trial"))
            expectFields(trial.json, ["status": .string, "subscription": .object, "trial.daysRemaining": .integer,
                                      "trial.trialEnd": .integer, "access.hasAccess": .boolean, "access.requiresAction": .boolean,
                                      "payment.nextPaymentDate": .string, "payment.paymentMethodLast4": .string],
                         "GET /api/subscription/status")
            #expect(trial.json["status"] == "trialing" && trial.json["access"]?["hasAccess"] == true)
            #expect(trial.json["subscription"]?["id"] == "sub_mock_trial" && trial.json["trial"]?["daysRemaining"] == 7)
        }
    }

    @Test("the profile page: name, company, industry, trialData; POST saves; a missing profile is a 404")
    func profile() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_a", plan: .glowUp)
        let token = try await harness.token("user_a")
        try await harness.test { client throws in
            let saved = try await client.call(.post, "/api/profile", token: token,
                                              body: #"{"name":"Ada","companyName":"Engines Ltd","industry":"Manufacturing"}"#)
            #expect(saved.status == 200)
            let profile = try await client.call(.get, "/api/profile", token: token)
            expectFields(profile.json, ["name": .string, "companyName": .string, "industry": .string, "trialData": .object,
                                        "trialData.status": .string, "trialData.daysRemaining": .integer,
                                        "trialData.progressPercentage": .integer, "trialData.endDate": .string,
                                        "trialData.startDate": .string, "trialData.isExpired": .boolean], "GET /api/profile")
            #expect(profile.json["companyName"] == "Engines Ltd" && profile.json["trialData"]?["isExpired"] == false)
            let nobody = try await client.call(.get, "/api/profile", token: try await harness.token("user_nobody"))
            #expect(nobody.status == 404 && nobody.json["error"] == "Profile not found")
            let created = try await client.call(.post, "/api/profile", token: try await harness.token("user_nobody"),
                                                body: #"{"name":"Nobody"}"#)
            #expect(created.status == 200 && created.json["name"] == "Nobody" && created.json["trialData"]?["status"] == "active")
        }
    }
}
