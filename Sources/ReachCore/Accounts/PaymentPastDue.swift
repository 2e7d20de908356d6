import Foundation
import GRDB
import ReachStore

/// Why a past-due subscriber's new spending waits: the plan, and when its payment failed.
///
/// What a past-due subscription may do. Stripe keeps a subscription `past_due` while it retries a
/// failed invoice; the platform's plan checks take a plan as active only while its subscription is
/// `active` or `trialing`, and its subscription route says `hasAccess: true, requiresAction: true`.
/// Reach keeps both halves truthfully: what the subscriber has stays theirs (campaigns, searches
/// and their results, CSV export of creators already found, the plan's limits shown as they are),
/// and new spending (a campaign, a search) waits for the payment, refused with this error, not with
/// an offer to upgrade to the plan they hold.
public struct PaymentPastDue: Codable, Sendable, Hashable {
    public var error = "Payment past due"
    public var message: String
    public var currentPlan: PlanKey
    public var paymentFailedAt: Date?

    /// Refuses new spending on a past-due subscription.
    static func check(_ db: Database, profile: UserProfile) throws {
        guard profile.subscriptionStatus == .pastDue, let plan = profile.currentPlan, plan != .free else { return }
        let name = try SubscriptionPlan.fetchOne(db, key: plan.rawValue)?.displayName ?? plan.rawValue
        let failed = try Event.fetchLatest(db, aggregateId: profile.userId, eventType: "payment_failed")?.timestamp
        let when = failed.map { " on \(String(WireFormat.timestamp($0).prefix(10)))" } ?? ""
        throw ReachError.paymentPastDue(PaymentPastDue(
            message: "The last payment for your \(name) failed\(when). Update your payment method: Stripe retries the payment, "
                + "and new campaigns and searches work again once it is paid. What you have stays yours meanwhile.",
            currentPlan: plan, paymentFailedAt: failed))
    }
}
