import Foundation
import GRDB
import ReachStore

/// Who asked for a change, carried onto the events it writes.
public struct EventContext: Sendable, Hashable {
    /// Ties together the events of one request or webhook.
    public var correlationId: String
    /// The event that caused this change, if any.
    public var causationId: String?
    public var source: String

    public init(correlationId: String = UUID().uuidString.lowercased(), causationId: String? = nil, source: String = "user_action") {
        self.correlationId = correlationId
        self.causationId = causationId
        self.source = source
    }
}

/// Users: creation (Clerk `user.created`), updates, deletion.
public enum Accounts {
    /// Creates a profile on plan `free` with a 7-day active trial, step `pending`; returns the
    /// existing profile when there is one.
    @discardableResult
    public static func createUser(
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
    public static func deleteUser(_ db: Database, userId: String, now: Date) throws -> Bool {
        guard let profile = try UserProfile.fetchOne(db, userId: userId) else { return false }
        try UserData.deleteOwnedRows(db, userId: userId, now: now)
        try profile.delete(db)
        return true
    }

    public static func validateUserId(_ userId: String) throws {
        guard !userId.isEmpty, userId.count <= 200, !userId.contains(where: { $0.isWhitespace || $0 == "\u{0}" }) else {
            throw ReachError.invalid(field: "userId", reason: "a user id such as user_2abc: 1 to 200 characters, no spaces")
        }
    }
}

/// Onboarding: `pending` → `info_captured` → `intent_captured` → `completed`. Steps only move
/// forward; repeating one is harmless.
public enum Onboarding {
    public static let completeJobType = "complete_onboarding"
    public static let minimumBrandDescription = 50

    public static func profile(_ db: Database, _ userId: String) throws -> UserProfile {
        guard let profile = try UserProfile.fetchOne(db, userId: userId) else {
            throw ReachError.notFound("profile of \(userId)")
        }
        return profile
    }

    /// Step 1: full name and business name.
    public static func captureInfo(
        _ db: Database, userId: String, fullName: String, businessName: String, now: Date, context: EventContext
    ) throws -> UserProfile {
        let fullName = try text(fullName, field: "fullName")
        let businessName = try text(businessName, field: "businessName")
        var profile = try profile(db, userId)
        guard profile.onboardingStep != .completed else { return profile }
        profile.fullName = fullName
        profile.businessName = businessName
        profile.onboardingStep = max(profile.onboardingStep, .infoCaptured)
        profile.updatedAt = now
        try profile.update(db)
        try Event.append(db, Event(
            aggregateId: userId, aggregateType: "onboarding", eventType: "onboarding_started",
            eventData: ["step": "info_captured", "fullName": .string(fullName), "businessName": .string(businessName)],
            idempotencyKey: "user_action_\(userId)_onboarding_started", sourceSystem: "user_action",
            correlationId: context.correlationId, now: now))
        return profile
    }

    /// Step 2: what the brand does, at least 50 characters.
    public static func captureIntent(
        _ db: Database, userId: String, brandDescription: String, now: Date
    ) throws -> UserProfile {
        let description = try text(brandDescription, field: "brandDescription", maximum: 5_000)
        guard description.count >= minimumBrandDescription else {
            throw ReachError.invalid(
                field: "brandDescription",
                reason: "describe the brand in at least \(minimumBrandDescription) characters (\(description.count) given)")
        }
        var profile = try profile(db, userId)
        guard profile.onboardingStep != .completed else { return profile }
        guard profile.onboardingStep >= .infoCaptured else {
            throw ReachError.conflict("complete step 1 (full name and business name) first")
        }
        profile.brandDescription = description
        profile.onboardingStep = max(profile.onboardingStep, .intentCaptured)
        profile.updatedAt = now
        try profile.update(db)
        return profile
    }

    /// The plan chosen before checkout.
    public static func savePlan(_ db: Database, userId: String, plan: PlanKey, now: Date) throws -> UserProfile {
        guard plan != .free, let row = try SubscriptionPlan.fetchOne(db, key: plan.rawValue), row.isActive else {
            throw ReachError.invalid(field: "selectedPlan", reason: "choose glow_up, viral_surge or fame_flex")
        }
        var profile = try profile(db, userId)
        profile.intendedPlan = plan
        profile.updatedAt = now
        try profile.update(db)
        return profile
    }

    /// Completes onboarding: the user goes onto the chosen plan, trialing for the rest of the
    /// trial, with mock Stripe ids offline; the e-mails follow from the `onboarding_completed` event.
    public static func complete(_ db: Database, userId: String, now: Date, context: EventContext) throws -> UserProfile {
        var profile = try profile(db, userId)
        if profile.onboardingStep == .completed { return profile }
        guard profile.onboardingStep >= .intentCaptured else {
            throw ReachError.conflict("complete steps 1 and 2 first (now at \(profile.onboardingStep.rawValue))")
        }
        let plan = profile.intendedPlan ?? .glowUp
        if profile.trialStatus != .active || profile.trialStartDate == nil { Trials.start(&profile, now: now) }
        if profile.stripeCustomerId == nil { profile.stripeCustomerId = "cus_mock_\(Self.token())" }
        if profile.stripeSubscriptionId == nil { profile.stripeSubscriptionId = "sub_mock_\(Self.token())" }
        profile.onboardingStep = .completed
        profile.subscriptionStatus = .trialing
        profile.intendedPlan = plan
        try Plans.apply(db, plan: plan, to: &profile)
        profile.updatedAt = now
        try profile.update(db)
        let event = try Event.append(db, Event(
            aggregateId: userId, aggregateType: "onboarding", eventType: "onboarding_completed",
            eventData: ["plan": .string(plan.rawValue), "stripeCustomerId": .string(profile.stripeCustomerId ?? "")],
            idempotencyKey: "user_action_\(userId)_onboarding_completed", sourceSystem: "user_action",
            correlationId: context.correlationId, now: now)).event
        try JobQueue.enqueue(db, BackgroundJob(
            jobType: completeJobType, payload: ["userId": .string(userId), "eventId": .string(event.id.lowercased)],
            priority: 20, scheduledFor: now, dedupeKey: "complete_onboarding:\(userId)", now: now))
        return profile
    }

    /// The background half of completion: billing marked in sync once the profile is complete.
    public static func finishInBackground(_ db: Database, userId: String, now: Date) throws -> JSONValue {
        guard var profile = try UserProfile.fetchOne(db, userId: userId) else { return ["skipped": "no profile"] }
        guard profile.onboardingStep == .completed else { return ["skipped": "not completed"] }
        profile.billingSyncStatus = "synced"
        profile.updatedAt = now
        try profile.update(db)
        return ["userId": .string(userId), "plan": .string(profile.currentPlan?.rawValue ?? "free")]
    }

    static func text(_ value: String, field: String, maximum: Int = 200) throws -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ReachError.invalid(field: field, reason: "is required") }
        guard trimmed.count <= maximum else { throw ReachError.invalid(field: field, reason: "at most \(maximum) characters") }
        guard !trimmed.contains("\u{0}") else { throw ReachError.invalid(field: field, reason: "must not contain NUL") }
        return trimmed
    }

    static func token() -> String {
        String(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(14))
    }
}

extension OnboardingStep: Comparable {
    public static func < (lhs: OnboardingStep, rhs: OnboardingStep) -> Bool { lhs.order < rhs.order }
}

/// Admin actions, each recorded as an `admin_action` event naming the admin.
public enum AdminActions {
    public static func record(
        _ db: Database, admin: String, action: String, target: String, details: [String: JSONValue], context: EventContext,
        now: Date
    ) throws {
        var data = details
        data["admin"] = .string(admin)
        data["action"] = .string(action)
        data["target"] = .string(target)
        try Event.append(db, Event(
            aggregateId: target, aggregateType: "user", eventType: "admin_action", eventData: .object(data),
            metadata: ["admin": .string(admin)], idempotencyKey: "admin_action_\(admin)_\(action)_\(UUID().uuidString.lowercased())",
            sourceSystem: "admin_action", correlationId: context.correlationId, causationId: context.causationId,
            processingStatus: .processed, now: now))
    }
}
