import Foundation
import GRDB
import ReachStore

/// A user's account: the profile, onboarding, the trial and its e-mails, billing and usage.
public struct Accounts: Sendable {
    let context: AppContext

    public init(_ context: AppContext) {
        self.context = context
    }

    /// The user's profile, or not found.
    public func profile(userId: String) async throws -> UserProfile {
        try await context.read { db in try Onboarding.profile(db, userId) }
    }

    /// Whether a profile exists for `userId`.
    public func exists(userId: String) async throws -> Bool {
        try await context.read { db in try UserProfile.fetchOne(db, userId: userId) != nil }
    }

    /// Creates a profile as Clerk's `user.created` does (free, a 7-day trial, step `pending`); an
    /// existing profile is returned as it is.
    @discardableResult
    public func createUser(userId: String, email: String?, fullName: String?, events: EventContext) async throws -> UserProfile {
        let now = context.now()
        return try await context.write { db in
            try Self.createUser(db, userId: userId, email: email, fullName: fullName, now: now, context: events)
        }
    }

    /// Onboarding step 1: full name and business name.
    public func captureInfo(userId: String, fullName: String, businessName: String, events: EventContext) async throws -> UserProfile {
        let now = context.now()
        return try await context.write { db in
            try Onboarding.captureInfo(db, userId: userId, fullName: fullName, businessName: businessName, now: now, context: events)
        }
    }

    /// Onboarding step 2: what the brand does, at least 50 characters.
    public func captureIntent(userId: String, brandDescription: String) async throws -> UserProfile {
        let now = context.now()
        return try await context.write { db in
            try Onboarding.captureIntent(db, userId: userId, brandDescription: brandDescription, now: now)
        }
    }

    /// The plan chosen before checkout.
    public func savePlan(userId: String, plan: PlanKey) async throws -> UserProfile {
        let now = context.now()
        return try await context.write { db in try Onboarding.savePlan(db, userId: userId, plan: plan, now: now) }
    }

    /// Completes onboarding: the chosen plan, trialing for the rest of the trial; with the trial's
    /// countdown and the e-mails it will send.
    public func completeOnboarding(userId: String, events: EventContext) async throws -> OnboardingCompletion {
        let now = context.now()
        let profile = try await context.write { db in try Onboarding.complete(db, userId: userId, now: now, context: events) }
        var emails = Emails.afterCompletion(trialStart: profile.trialStartDate ?? now).map {
            OnboardingCompletion.PlannedEmail(type: $0.email, scheduledFor: $0.date)
        }
        if let end = profile.trialEndDate { emails.append(.init(type: .trialExpiry, scheduledFor: end)) }
        return OnboardingCompletion(profile: profile, trial: TrialSummary(profile, now: now), emails: emails)
    }

    /// The user's profile with its trial countdown (`GET /api/profile`).
    public func profileView(userId: String) async throws -> ProfileView {
        let now = context.now()
        let profile = try await context.read { db in try Onboarding.profile(db, userId) }
        return ProfileView(profile: profile, trial: TrialSummary(profile, now: now))
    }

    /// Saves the profile's name, company and industry, creating the profile (free, 7-day trial)
    /// when there is none (`POST /api/profile`).
    public func saveProfile(
        userId: String, email: String?, name: String?, companyName: String?, industry: String?, events: EventContext
    ) async throws -> ProfileView {
        let now = context.now()
        let profile = try await context.write { db in
            let original = try Self.createUser(db, userId: userId, email: email, fullName: nil, now: now, context: events)
            var profile = original
            if let name { profile.name = try Campaigns.optionalText(name, field: "name") }
            if let companyName { profile.companyName = try Campaigns.optionalText(companyName, field: "companyName") }
            if let industry { profile.industry = try Campaigns.optionalText(industry, field: "industry") }
            guard profile != original else { return profile }
            profile.updatedAt = now
            try profile.updateChanges(db, from: original)
            return profile
        }
        return ProfileView(profile: profile, trial: TrialSummary(profile, now: now))
    }

    /// The background half of completion (the `complete_onboarding` job).
    public func finishOnboarding(userId: String) async throws -> JSONValue {
        let now = context.now()
        return try await context.write { db in try Onboarding.finishInBackground(db, userId: userId, now: now) }
    }

    /// `GET /api/billing/status`: plan, trial countdown, subscription, usage. A user with a valid
    /// token but no profile yet (its Clerk webhook still on the way) gets one, as on the platform.
    public func billingStatus(userId: String, email: String? = nil, events: EventContext = EventContext()) async throws
        -> AccountStatus.Billing
    {
        let now = context.now()
        try await ensureProfile(userId: userId, email: email, events: events, now: now)
        return try await context.read { db in try AccountStatus.billing(db, userId: userId, now: now) }
    }

    /// `GET /api/subscription/status`, answered from the file: offline there is no Stripe to ask.
    public func subscriptionStatus(userId: String, email: String? = nil, events: EventContext = EventContext()) async throws
        -> SubscriptionState
    {
        let now = context.now()
        try await ensureProfile(userId: userId, email: email, events: events, now: now)
        return try await context.read { db in SubscriptionState(try Onboarding.profile(db, userId), now: now) }
    }

    /// Creates the profile when it is missing; a read when it is not.
    private func ensureProfile(userId: String, email: String?, events: EventContext, now: Date) async throws {
        guard try await !exists(userId: userId) else { return }
        try await context.write { db in
            _ = try Self.createUser(db, userId: userId, email: email, fullName: nil, now: now, context: events)
        }
    }

    /// `GET /api/usage/summary`: campaigns and creators used against the plan's limits.
    public func usage(userId: String) async throws -> AccountStatus.Usage {
        try await context.read { db in try AccountStatus.usage(db, userId: userId) }
    }

    /// The plans a user can choose, in their order.
    public func plans() async throws -> [SubscriptionPlan] {
        try await context.read { db in try SubscriptionPlan.fetchAllOrdered(db, activeOnly: true) }
    }

    /// The dashboard's account page: profile, billing and the plans to choose from, in one read.
    public func accountPage(userId: String) async throws -> AccountPage {
        let now = context.now()
        return try await context.read { db in
            AccountPage(
                profile: try Onboarding.profile(db, userId), billing: try AccountStatus.billing(db, userId: userId, now: now),
                plans: try SubscriptionPlan.fetchAllOrdered(db, activeOnly: true))
        }
    }

    public struct AccountPage: Sendable {
        public var profile: UserProfile
        public var billing: AccountStatus.Billing
        public var plans: [SubscriptionPlan]
    }

    /// Puts the user on `plan` as Stripe's checkout would, without payment: demos only (the
    /// routes offer it only where no Stripe is configured).
    public func mockCheckout(userId: String, plan: PlanKey) async throws {
        guard plan != .free else { throw ReachError.invalid(field: "plan", reason: "choose glow_up, viral_surge or fame_flex") }
        let now = context.now()
        try await context.write { db in
            let profile = try Onboarding.profile(db, userId)
            let event = try SampleWebhooks.stripe("checkout.session.completed", userId: profile.userId, profile: profile,
                                                  plan: plan, status: nil, now: now)
            _ = try Billing.apply(db, event: event, now: now, context: EventContext(source: "user_action"))
        }
    }

    /// Expires up to `limit` due trials in one transaction; returns how many.
    public func expireTrials(limit: Int) async throws -> Int {
        let now = context.now()
        return try await context.write { db in try Trials.expireDue(db, now: now, limit: limit).count }
    }

    /// Resets up to `limit` users' monthly usage in one transaction; returns how many.
    public func resetUsage(limit: Int) async throws -> Int {
        let now = context.now()
        return try await context.write { db in try Usage.resetDue(db, now: now, limit: limit) }
    }

    /// The trial e-mail to send now, or nil when it was sent or cancelled meanwhile.
    public func emailToSend(userId: String, email: TrialEmail) async throws -> EmailMessage? {
        let profile = try await context.read { db in try UserProfile.fetchOne(db, userId: userId) }
        guard let profile, Emails.status(profile, email) == .scheduled else { return nil }
        guard let address = profile.email, !address.isEmpty else {
            throw ReachError.conflict("user \(userId) has no e-mail address")
        }
        let name = profile.fullName ?? profile.name ?? "there"
        return EmailMessage(to: address, subject: email.subject, body: email.body(name: name), kind: email.rawValue, date: context.now())
    }

    /// Records that an e-mail was sent (with its message id) or failed for good.
    public func recordEmail(userId: String, email: TrialEmail, sent messageId: String?) async throws {
        let now = context.now()
        try await context.write { db in
            if let messageId {
                try Emails.markSent(db, userId: userId, email, messageId: messageId, now: now)
            } else {
                try Emails.markFailed(db, userId: userId, email, now: now)
            }
        }
    }

    /// A user as Clerk's `user.created` makes one (free, a 7-day trial, step `pending`), and with
    /// `plan` onboarded onto it (trialing) through the platform's own steps, in one transaction:
    /// the test kit's `POST /_reach/users`.
    public func createTestUser(userId: String, email: String?, fullName: String?, plan: PlanKey?, events: EventContext) async throws
        -> UserProfile
    {
        let now = context.now()
        return try await context.write { db in
            let created = try Self.createUser(db, userId: userId, email: email, fullName: fullName, now: now, context: events)
            guard let plan else { return created }
            _ = try Onboarding.captureInfo(db, userId: userId, fullName: fullName ?? "Test User", businessName: "Test Business",
                                           now: now, context: events)
            _ = try Onboarding.captureIntent(
                db, userId: userId, brandDescription: "A test business that sells test products to test customers, for tests.",
                now: now)
            _ = try Onboarding.savePlan(db, userId: userId, plan: plan, now: now)
            return try Onboarding.complete(db, userId: userId, now: now, context: events)
        }
    }

    /// The trial e-mails of every user (or those to one address, or of one type), due first.
    public func emailLog(to address: String? = nil, type: TrialEmail? = nil) async throws -> [EmailLogEntry] {
        try await context.read { db in
            try UserProfile.fetchAllWithEmailSchedule(db).flatMap { profile -> [EmailLogEntry] in
                guard address == nil || profile.email?.lowercased() == address?.lowercased() else { return [] }
                return TrialEmail.allCases.compactMap { email -> EmailLogEntry? in
                    guard type == nil || type == email, let entry = profile.emailScheduleStatus?[email.rawValue] else { return nil }
                    let status = entry["status"]?.stringValue ?? "scheduled"
                    let changed = entry["timestamp"]?.stringValue.flatMap(WireFormat.parseTimestamp)
                    return EmailLogEntry(
                        type: email, userId: profile.userId, to: profile.email, subject: email.subject, status: status,
                        dueAt: entry["dueAt"]?.stringValue.flatMap(WireFormat.parseTimestamp),
                        sentAt: status == EmailStatus.sent.rawValue ? changed : nil, messageId: entry["messageId"]?.stringValue)
                }
            }.sorted { ($0.dueAt ?? .distantFuture, $0.userId, $0.type.rawValue) < ($1.dueAt ?? .distantFuture, $1.userId, $1.type.rawValue) }
        }
    }

    /// Creates a profile on plan `free` with a 7-day active trial, step `pending`; returns the
    /// existing profile when there is one.
    @discardableResult
    package static func createUser(
        _ db: Database, userId: String, email: String?, fullName: String?, now: Date, context: EventContext,
        recordedEvent: Event? = nil
    ) throws -> UserProfile {
        try validateUserId(userId)
        if let existing = try UserProfile.fetchOne(db, userId: userId) { return existing }
        var profile = UserProfile(userId: userId, email: email, fullName: fullName, now: now)
        Trials.start(&profile, now: now)
        try Plans.apply(db, plan: .free, to: &profile)
        try profile.insert(db)
        let created = try recordedEvent.map { try Event.append(db, $0).event } ?? Event.append(db, Event(
            aggregateId: userId, aggregateType: "user", eventType: "user_created",
            eventData: ["userId": .string(userId), "email": email.map(JSONValue.string) ?? .null],
            idempotencyKey: "\(context.source)_\(userId)_user_created", sourceSystem: context.source,
            correlationId: context.correlationId, causationId: context.causationId, processingStatus: .processed,
            now: now)).event
        try Event.append(db, Event(
            aggregateId: userId, aggregateType: "trial", eventType: "trial_started",
            eventData: ["userId": .string(userId), "trialEndDate": .string(WireFormat.timestamp(profile.trialEndDate ?? now))],
            idempotencyKey: "system_automation_\(userId)_trial_started", sourceSystem: "system_automation",
            correlationId: context.correlationId, causationId: created.id.lowercased, now: now))
        return profile
    }

    /// Deletes a user's profile and everything they own — campaigns, searches and their results
    /// (the creator index follows), legacy searches, pending e-mails — in the caller's transaction.
    package static func deleteUser(_ db: Database, userId: String, now: Date) throws -> Bool {
        guard let profile = try UserProfile.fetchOne(db, userId: userId) else { return false }
        try UserData.deleteOwnedRows(db, userId: userId, now: now)
        try profile.delete(db)
        return true
    }

    public static func validateUserId(_ userId: String) throws {
        guard !userId.isEmpty, userId.fits(200), !userId.contains(where: { $0.isWhitespace || $0 == "\u{0}" }) else {
            throw ReachError.invalid(field: "userId", reason: "a user id such as user_2abc: 1 to 200 characters, no spaces")
        }
    }
}
