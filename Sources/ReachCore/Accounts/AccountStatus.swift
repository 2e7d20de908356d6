import Foundation
import GRDB
import ReachStore

/// The answers of `GET /api/billing/status` and `GET /api/usage/summary`.
public enum AccountStatus {
    public struct Meter: Codable, Sendable, Hashable {
        public var used: Int
        /// -1 means unlimited.
        public var limit: Int
        public var percentage: Int
        public var warning: String?
    }

    public struct PaymentMethod: Codable, Sendable, Hashable {
        public var brand: String?
        public var last4: String?
        public var expMonth: Int?
        public var expYear: Int?
    }

    public struct Billing: Codable, Sendable, Hashable {
        public var userId: String
        public var currentPlan: PlanKey
        public var intendedPlan: PlanKey?
        public var planName: String
        public var subscriptionStatus: SubscriptionStatus
        public var trialStatus: TrialStatus
        public var isTrialing: Bool
        public var hasActiveSubscription: Bool
        public var trialStartDate: Date?
        public var trialEndDate: Date?
        public var trialConversionDate: Date?
        public var daysRemaining: Int
        public var hoursRemaining: Int
        public var minutesRemaining: Int
        public var trialProgressPercentage: Int
        public var trialTimeRemaining: String
        public var stripeCustomerId: String?
        public var stripeSubscriptionId: String?
        public var canManageSubscription: Bool
        public var paymentMethod: PaymentMethod?
        public var subscriptionRenewalDate: Date?
        public var subscriptionCancelDate: Date?
        public var billingSyncStatus: String?
        public var lastWebhookEvent: String?
        public var lastWebhookTimestamp: Date?
        public var usageInfo: Usage
        public var features: JSONValue
    }

    public struct Usage: Codable, Sendable, Hashable {
        public var plan: PlanKey
        public var campaigns: Meter
        public var creators: Meter
        public var resetDate: Date?
    }

    public static func usage(_ db: Database, userId: String) throws -> Usage {
        let profile = try Onboarding.profile(db, userId)
        let limits = try Plans.effectiveLimits(db, profile: profile)
        func meter(_ used: Int, _ limit: Int, _ noun: String) -> Meter {
            Meter(used: used, limit: limit, percentage: limit > 0 ? min(100, used * 100 / limit) : (limit < 0 ? 0 : 100),
                  warning: ReachCore.Usage.warning(used: used, limit: limit, noun: noun))
        }
        return Usage(
            plan: profile.currentPlan ?? .free,
            campaigns: meter(profile.usageCampaignsCurrent ?? 0, limits.campaigns, "campaigns"),
            creators: meter(profile.usageCreatorsCurrentMonth ?? 0, limits.creators, "creators this month"),
            resetDate: profile.usageResetDate)
    }

    public static func billing(_ db: Database, userId: String, now: Date) throws -> Billing {
        let profile = try Onboarding.profile(db, userId)
        let plan = profile.currentPlan ?? .free
        let name = try SubscriptionPlan.fetchOne(db, key: plan.rawValue)?.displayName ?? "Free"
        let countdown = Trials.countdown(profile, now: now)
        let trialing = profile.trialStatus == .active && !(countdown?.isExpired ?? true)
        let remaining = countdown.map { "\($0.daysRemaining)d \($0.hoursRemaining)h \($0.minutesRemaining)m" } ?? "no trial"
        let card = profile.cardLast4 == nil && profile.cardBrand == nil ? nil
            : PaymentMethod(brand: profile.cardBrand, last4: profile.cardLast4, expMonth: profile.cardExpMonth,
                            expYear: profile.cardExpYear)
        return Billing(
            userId: userId, currentPlan: plan, intendedPlan: profile.intendedPlan, planName: name,
            subscriptionStatus: profile.subscriptionStatus ?? .none, trialStatus: profile.trialStatus ?? .pending,
            isTrialing: trialing,
            hasActiveSubscription: profile.subscriptionStatus == .active || profile.subscriptionStatus == .trialing,
            trialStartDate: profile.trialStartDate, trialEndDate: profile.trialEndDate,
            trialConversionDate: profile.trialConversionDate,
            daysRemaining: trialing ? countdown?.daysRemaining ?? 0 : 0,
            hoursRemaining: trialing ? countdown?.hoursRemaining ?? 0 : 0,
            minutesRemaining: trialing ? countdown?.minutesRemaining ?? 0 : 0,
            trialProgressPercentage: countdown?.progressPercentage ?? 0,
            trialTimeRemaining: trialing ? remaining : (profile.trialStatus == .active ? "expired" : "no active trial"),
            stripeCustomerId: profile.stripeCustomerId, stripeSubscriptionId: profile.stripeSubscriptionId,
            canManageSubscription: profile.stripeCustomerId != nil, paymentMethod: card,
            subscriptionRenewalDate: profile.subscriptionRenewalDate, subscriptionCancelDate: profile.subscriptionCancelDate,
            billingSyncStatus: profile.billingSyncStatus, lastWebhookEvent: profile.lastWebhookEvent,
            lastWebhookTimestamp: profile.lastWebhookTimestamp, usageInfo: try usage(db, userId: userId),
            features: try Plans.effectiveLimits(db, profile: profile).features)
    }
}
