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

    /// The card on file, as the platform's billing widget reads it.
    public struct PaymentMethod: Codable, Sendable, Hashable {
        public var brand: String?
        public var last4: String?
        public var expiryMonth: Int?
        public var expiryYear: Int?
    }

    /// The platform's flat usage block of the billing status (`usageInfo`); -1 limits are unlimited.
    public struct UsageInfo: Codable, Sendable, Hashable {
        public var campaignsUsed: Int
        public var creatorsUsed: Int
        /// Of the creator limit, 0 to 100.
        public var progressPercentage: Int
        public var campaignsLimit: Int
        public var creatorsLimit: Int
    }

    /// `GET /api/billing/status`: the platform's fields, then Reach's own (`userId` to `usage`).
    public struct Billing: Codable, Sendable, Hashable {
        public var currentPlan: PlanKey
        public var isTrialing: Bool
        /// A paid, active subscription: `false` while trialing.
        public var hasActiveSubscription: Bool
        public var trialStatus: TrialStatus
        public var daysRemaining: Int
        public var hoursRemaining: Int
        public var minutesRemaining: Int
        public var subscriptionStatus: SubscriptionStatus
        public var usageInfo: UsageInfo
        public var stripeCustomerId: String?
        public var stripeSubscriptionId: String?
        /// Only while active.
        public var nextBillingDate: Date?
        /// In dollars, the plan's monthly price.
        public var billingAmount: Int
        public var billingCycle: String
        /// Only with a card on file.
        public var paymentMethod: PaymentMethod?
        /// `YYYY-MM-DD`, only while trialing.
        public var trialEndsAt: String?
        public var canManageSubscription: Bool
        public var trialProgressPercentage: Int
        public var trialTimeRemaining: String
        public var trialStartDate: Date?
        public var trialEndDate: Date?
        public var lastWebhookEvent: String?
        public var lastWebhookTimestamp: Date?
        public var billingSyncStatus: String?
        public var userId: String
        public var intendedPlan: PlanKey?
        public var planName: String
        public var trialConversionDate: Date?
        public var subscriptionRenewalDate: Date?
        public var subscriptionCancelDate: Date?
        public var features: JSONValue
        /// Reach's meters of the same usage, with percentages and warnings.
        public var usage: Usage
        /// The subscription's last payment failed and Stripe retries it (``PaymentPastDue``): new
        /// campaigns and searches wait for it; what the user has stays theirs.
        public var paymentPastDue: Bool
        /// When that payment failed.
        public var paymentFailedAt: Date?
    }

    public struct Usage: Codable, Sendable, Hashable {
        public var plan: PlanKey
        public var campaigns: Meter
        public var creators: Meter
        public var resetDate: Date?
        /// The limits are the plan's, but new spending waits for a failed payment (``PaymentPastDue``).
        public var paymentPastDue: Bool
        /// When that payment failed.
        public var paymentFailedAt: Date?
    }

    public static func usage(_ db: Database, userId: String) throws -> Usage {
        let profile = try Onboarding.profile(db, userId)
        let limits = try Plans.effectiveLimits(db, profile: profile)
        let pastDue = profile.subscriptionStatus == .pastDue
        func meter(_ used: Int, _ limit: Int, _ noun: String) -> Meter {
            Meter(used: used, limit: limit, percentage: limit > 0 ? min(100, used * 100 / limit) : (limit < 0 ? 0 : 100),
                  warning: ReachCore.Usage.warning(used: used, limit: limit, noun: noun))
        }
        return Usage(
            plan: profile.currentPlan ?? .free,
            campaigns: meter(profile.usageCampaignsCurrent ?? 0, limits.campaigns, "campaigns"),
            creators: meter(profile.usageCreatorsCurrentMonth ?? 0, limits.creators, "creators this month"),
            resetDate: profile.usageResetDate, paymentPastDue: pastDue,
            paymentFailedAt: pastDue ? try Event.fetchLatest(db, aggregateId: userId, eventType: "payment_failed")?.timestamp : nil)
    }

    public static func billing(_ db: Database, userId: String, now: Date) throws -> Billing {
        let profile = try Onboarding.profile(db, userId)
        let plan = profile.currentPlan ?? .free
        let planRow = try SubscriptionPlan.fetchOne(db, key: plan.rawValue)
        let countdown = Trials.countdown(profile, now: now)
        // The platform's rules: active means paid for (an id and `active`); trialing is an active
        // trial without one. Reach adds that a trial past its end is over before the sweep says so.
        let paid = profile.subscriptionStatus == .active && profile.stripeSubscriptionId?.isEmpty == false
        let trialing = profile.trialStatus == .active && !paid && !(countdown?.isExpired ?? true)
        let remaining = countdown.map { "\($0.daysRemaining)d \($0.hoursRemaining)h \($0.minutesRemaining)m" } ?? "no trial"
        let card = profile.cardLast4 == nil && profile.cardBrand == nil ? nil
            : PaymentMethod(brand: profile.cardBrand, last4: profile.cardLast4, expiryMonth: profile.cardExpMonth,
                            expiryYear: profile.cardExpYear)
        let usage = try usage(db, userId: userId)
        return Billing(
            currentPlan: plan, isTrialing: trialing, hasActiveSubscription: paid, trialStatus: profile.trialStatus ?? .pending,
            daysRemaining: trialing ? countdown?.daysRemaining ?? 0 : 0,
            hoursRemaining: trialing ? countdown?.hoursRemaining ?? 0 : 0,
            minutesRemaining: trialing ? countdown?.minutesRemaining ?? 0 : 0,
            subscriptionStatus: profile.subscriptionStatus ?? .none,
            usageInfo: UsageInfo(
                campaignsUsed: usage.campaigns.used, creatorsUsed: usage.creators.used,
                progressPercentage: usage.creators.percentage, campaignsLimit: usage.campaigns.limit,
                creatorsLimit: usage.creators.limit),
            stripeCustomerId: profile.stripeCustomerId, stripeSubscriptionId: profile.stripeSubscriptionId,
            nextBillingDate: paid ? profile.subscriptionRenewalDate : nil,
            billingAmount: (planRow?.monthlyPrice ?? 0) / 100, billingCycle: "monthly", paymentMethod: card,
            trialEndsAt: trialing ? profile.trialEndDate.map { String(WireFormat.timestamp($0).prefix(10)) } : nil,
            canManageSubscription: profile.stripeCustomerId != nil,
            trialProgressPercentage: countdown?.progressPercentage ?? 0,
            trialTimeRemaining: trialing ? remaining : (profile.trialStatus == .active ? "expired" : "no active trial"),
            trialStartDate: profile.trialStartDate, trialEndDate: profile.trialEndDate,
            lastWebhookEvent: profile.lastWebhookEvent, lastWebhookTimestamp: profile.lastWebhookTimestamp,
            billingSyncStatus: profile.billingSyncStatus, userId: userId, intendedPlan: profile.intendedPlan,
            planName: planRow?.displayName ?? "Free", trialConversionDate: profile.trialConversionDate,
            subscriptionRenewalDate: profile.subscriptionRenewalDate, subscriptionCancelDate: profile.subscriptionCancelDate,
            features: try Plans.effectiveLimits(db, profile: profile).features, usage: usage,
            paymentPastDue: usage.paymentPastDue, paymentFailedAt: usage.paymentFailedAt)
    }
}
