import Foundation
import ReachStore

/// `GET /api/subscription/status` as the platform answers it, from the profile: offline the
/// subscription is a mock one (`sub_mock_…`), which answers as a trialing or active Stripe
/// subscription would; access follows the plan rules (paid or in trial).
public struct SubscriptionState: Encodable, Sendable, Hashable {
    public var subscription: Subscription?
    /// Stripe's status, or `no_subscription`.
    public var status: String
    public var trial: Trial?
    public var access: Access
    public var payment: Payment?

    /// Stripe's subscription object, in its own field names.
    public struct Subscription: Encodable, Sendable, Hashable {
        public var id: String
        public var status: String
        public var currentPeriodEnd: Int64?
        public var cancelAtPeriodEnd: Bool
        public var canceledAt: Int64?
        public var created: Int64?
        public var trialEnd: Int64?
        public var latestInvoice: String?

        enum CodingKeys: String, CodingKey {
            case id, status, created
            case currentPeriodEnd = "current_period_end", cancelAtPeriodEnd = "cancel_at_period_end"
            case canceledAt = "canceled_at", trialEnd = "trial_end", latestInvoice = "latest_invoice"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(status, forKey: .status)
            try container.encode(currentPeriodEnd, forKey: .currentPeriodEnd)
            try container.encode(cancelAtPeriodEnd, forKey: .cancelAtPeriodEnd)
            try container.encode(canceledAt, forKey: .canceledAt)
            try container.encode(created, forKey: .created)
            try container.encode(trialEnd, forKey: .trialEnd)
            try container.encode(latestInvoice, forKey: .latestInvoice)
        }
    }

    public struct Trial: Encodable, Sendable, Hashable {
        public var isInTrial: Bool
        /// Unix seconds.
        public var trialEnd: Int64?
        public var daysRemaining: Int
    }

    public struct Access: Encodable, Sendable, Hashable {
        public var hasAccess: Bool
        public var requiresAction: Bool
        public var reason: String
    }

    public struct Payment: Encodable, Sendable, Hashable {
        public var nextPaymentDate: Date?
        public var lastPaymentStatus: String?
        public var paymentMethodLast4: String?
    }

    enum CodingKeys: String, CodingKey { case subscription, status, trial, access, payment }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(subscription, forKey: .subscription)  // null, not absent, without one
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(trial, forKey: .trial)
        try container.encode(access, forKey: .access)
        try container.encodeIfPresent(payment, forKey: .payment)
    }

    public init(_ profile: UserProfile, now: Date) {
        guard let id = profile.stripeSubscriptionId, !id.isEmpty else {
            subscription = nil
            status = "no_subscription"
            access = Access(hasAccess: false, requiresAction: false, reason: "No subscription: choose a plan to start")
            return
        }
        let stripeStatus = profile.subscriptionStatus ?? SubscriptionStatus.none
        let countdown = Trials.countdown(profile, now: now)
        let inTrial = stripeStatus == .trialing && profile.trialStatus == .active && !(countdown?.isExpired ?? true)
        func seconds(_ date: Date?) -> Int64? { date.map { Int64($0.timeIntervalSince1970.rounded(.down)) } }
        status = stripeStatus.rawValue
        subscription = Subscription(
            id: id, status: stripeStatus.rawValue, currentPeriodEnd: seconds(profile.subscriptionRenewalDate ?? profile.trialEndDate),
            cancelAtPeriodEnd: profile.subscriptionCancelDate.map { $0 > now } ?? false,
            canceledAt: profile.subscriptionCancelDate.flatMap { $0 <= now ? seconds($0) : nil },
            created: seconds(profile.trialStartDate ?? profile.createdAt), trialEnd: seconds(profile.trialEndDate),
            latestInvoice: nil)
        trial = Trial(isInTrial: inTrial, trialEnd: seconds(profile.trialEndDate), daysRemaining: inTrial ? countdown?.daysRemaining ?? 0 : 0)
        switch stripeStatus {
        case .active: access = Access(hasAccess: true, requiresAction: false, reason: "Active subscription")
        case .trialing where inTrial: access = Access(hasAccess: true, requiresAction: false, reason: "In trial")
        case .trialing: access = Access(hasAccess: false, requiresAction: true, reason: "The trial has ended: choose a plan")
        case .pastDue:
            access = Access(hasAccess: true, requiresAction: true,
                            reason: "A payment failed: update the payment method; new campaigns and searches wait for it")
        default: access = Access(hasAccess: false, requiresAction: true, reason: "Subscription \(stripeStatus.rawValue)")
        }
        payment = Payment(
            nextPaymentDate: stripeStatus == .active || inTrial ? profile.subscriptionRenewalDate ?? profile.trialEndDate : nil,
            lastPaymentStatus: stripeStatus == .pastDue ? "failed" : (stripeStatus == .active ? "succeeded" : nil),
            paymentMethodLast4: profile.cardLast4)
    }
}
