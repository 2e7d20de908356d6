import Foundation
import Testing
import ReachCore

@Suite("Accounts service")
struct AccountsTests {
    @Test("a new user is free with a 7-day active trial; creating again returns the same profile")
    func createUser() async throws {
        let clock = ManualClock()
        let app = try await makeApp(clock: clock)
        let profile = try await newUser(app)
        #expect(profile.currentPlan == .free)
        #expect(profile.trialStatus == .active)
        #expect(profile.onboardingStep == .pending)
        #expect(profile.trialEndDate == clock.now().addingTimeInterval(7 * 86_400))
        clock.advance(by: 5)
        let again = try await app.accounts.createUser(userId: "user_a", email: "other@example.com", fullName: nil,
                                                       events: EventContext())
        #expect(again == profile)
        guard case .invalid(let field, _) = await reachError({
            try await app.accounts.createUser(userId: "user with spaces", email: nil, fullName: nil, events: EventContext())
        }) else { Issue.record("a user id with spaces"); return }
        #expect(field == "userId")
    }

    @Test("onboarding moves forward step by step: intent before info, and a short description, are refused")
    func onboarding() async throws {
        let app = try await makeApp()
        try await newUser(app)
        let description = String(repeating: "We make engines. ", count: 4)
        guard case .conflict = await reachError({
            try await app.accounts.captureIntent(userId: "user_a", brandDescription: description)
        }) else { Issue.record("intent before info"); return }
        _ = try await app.accounts.captureInfo(userId: "user_a", fullName: "Ada", businessName: "Engines", events: EventContext())
        guard case .invalid(let field, _) = await reachError({
            try await app.accounts.captureIntent(userId: "user_a", brandDescription: "too short")
        }) else { Issue.record("a 9-character description"); return }
        #expect(field == "brandDescription")
        #expect(try await app.accounts.profile(userId: "user_a").onboardingStep == .infoCaptured)
        _ = try await app.accounts.captureIntent(userId: "user_a", brandDescription: description)
        _ = try await app.accounts.savePlan(userId: "user_a", plan: .viralSurge)
        let done = try await app.accounts.completeOnboarding(userId: "user_a", events: EventContext()).profile
        #expect(done.onboardingStep == .completed)
        #expect(done.currentPlan == .viralSurge)
        #expect(done.subscriptionStatus == .trialing)
        #expect(try await app.accounts.usage(userId: "user_a").campaigns.limit == 10)
    }

    @Test("a trial past its end expires to free, once; billing status counts down until then")
    func trialExpiry() async throws {
        let clock = ManualClock()
        let app = try await makeApp(clock: clock)
        try await onboardedUser(app)
        clock.advance(by: 6 * 86_400)
        let status = try await app.accounts.billingStatus(userId: "user_a")
        #expect(status.isTrialing)
        #expect(status.daysRemaining == 1)
        #expect(try await app.accounts.expireTrials(limit: 100) == 0)
        clock.advance(by: 86_400 + 1)
        #expect(try await app.accounts.expireTrials(limit: 100) == 1)
        #expect(try await app.accounts.expireTrials(limit: 100) == 0)
        let expired = try await app.accounts.profile(userId: "user_a")
        #expect(expired.trialStatus == .expired)
        #expect(expired.currentPlan == .free)
        guard case .planLimitExceeded = await reachError({
            try await app.campaigns.create(userId: "user_a", name: "After", description: nil, searchType: .keyword)
        }) else { Issue.record("a campaign after the trial expired"); return }
    }

    @Test("step 1 schedules the welcome e-mail through its event; it is composed once, and needs an address")
    func emails() async throws {
        let app = try await makeApp()
        try await newUser(app, "user_a")
        try await newUser(app, "user_quiet", email: "")
        for userId in ["user_a", "user_quiet"] {
            _ = try await app.accounts.captureInfo(userId: userId, fullName: "Ada", businessName: "Engines", events: EventContext())
        }
        #expect(try await app.accounts.emailToSend(userId: "user_a", email: .welcome) == nil, "not scheduled before the event")
        while true {  // one event per user per batch: each user's events in order
            let batch = try await app.events.processPending(limit: 100)
            #expect(batch.failures.isEmpty)
            if batch.count == 0 { break }
        }
        let welcome = try #require(try await app.accounts.emailToSend(userId: "user_a", email: .welcome))
        #expect(welcome.to == "user_a@example.com")
        #expect(welcome.body.contains("Ada"))
        try await app.accounts.recordEmail(userId: "user_a", email: .welcome, sent: "msg_1")
        #expect(try await app.accounts.emailToSend(userId: "user_a", email: .welcome) == nil, "sent once")
        guard case .conflict = await reachError({ try await app.accounts.emailToSend(userId: "user_quiet", email: .welcome) })
        else { Issue.record("an e-mail without an address"); return }
        #expect(try await app.accounts.emailToSend(userId: "user_nobody", email: .welcome) == nil)
    }

    @Test("mock checkout puts the user on a paid plan; free is refused; an unknown user is not found")
    func mockCheckout() async throws {
        let app = try await makeApp()
        try await newUser(app)
        try await app.accounts.mockCheckout(userId: "user_a", plan: .fameFlex)
        let billing = try await app.accounts.billingStatus(userId: "user_a")
        #expect(billing.currentPlan == .fameFlex)
        #expect(billing.isTrialing && !billing.hasActiveSubscription, "a paid plan in its trial is not active yet")
        #expect(billing.usageInfo.campaignsLimit == -1 && billing.billingAmount == 499)
        guard case .invalid = await reachError({ try await app.accounts.mockCheckout(userId: "user_a", plan: .free) }) else {
            Issue.record("checkout to free"); return
        }
        guard case .notFound = await reachError({ try await app.accounts.mockCheckout(userId: "user_b", plan: .glowUp) }) else {
            Issue.record("checkout without a profile"); return
        }
    }
}
