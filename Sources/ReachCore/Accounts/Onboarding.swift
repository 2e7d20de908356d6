import Foundation
import GRDB
import ReachStore

/// Onboarding: `pending` → `info_captured` → `intent_captured` → `completed`. Steps only move
/// forward; repeating one is harmless.
public enum Onboarding {
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
        guard let email = profile.email, !email.isEmpty else {
            throw ReachError.invalid(field: "email", reason: "the profile has no e-mail address, which the trial's e-mails need")
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
        try JobQueue.enqueue(db, try BackgroundJob(
            CompleteOnboardingJob.self, .init(userId: userId, eventId: event.id),
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
        guard trimmed.fits(maximum) else { throw ReachError.invalid(field: field, reason: "at most \(maximum) characters") }
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
