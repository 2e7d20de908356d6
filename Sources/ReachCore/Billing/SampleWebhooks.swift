import Foundation
import ReachStore

/// Realistic Stripe and Clerk events for a user, as `reach stripe|clerk trigger` sends them.
public enum SampleWebhooks {
    public static let stripeTypes = [
        "checkout.session.completed", "customer.subscription.created", "customer.subscription.updated",
        "customer.subscription.deleted", "invoice.payment_succeeded", "invoice.payment_failed", "payment_method.attached",
    ]
    public static let clerkTypes = ["user.created", "user.updated", "user.deleted"]

    static func token(_ prefix: String) -> String {
        prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(20).lowercased()
    }

    /// A Stripe event of `type` about `userId` (whose profile, when known, supplies the ids).
    public static func stripe(
        _ type: String, userId: String, profile: UserProfile?, plan: PlanKey?, status: String?, now: Date
    ) throws -> JSONValue {
        guard stripeTypes.contains(type) else {
            throw ReachError.invalid(field: "event", reason: "use one of \(stripeTypes.joined(separator: ", "))")
        }
        let customer = profile?.stripeCustomerId ?? "cus_mock_\(userId)"
        let subscription = profile?.stripeSubscriptionId ?? "sub_mock_\(userId)"
        let chosen = plan ?? profile?.intendedPlan ?? (profile?.currentPlan == .free ? nil : profile?.currentPlan) ?? .glowUp
        let unix = Int64(now.timeIntervalSince1970)
        let trialEnd = Int64((profile?.trialEndDate ?? now.addingTimeInterval(Trials.length)).timeIntervalSince1970)
        let metadata: JSONValue = ["userId": .string(userId), "plan": .string(chosen.rawValue)]
        let object: JSONValue
        switch type {
        case "checkout.session.completed":
            object = [
                "id": .string(token("cs_test_")), "object": "checkout.session", "customer": .string(customer),
                "subscription": .string(subscription), "client_reference_id": .string(userId), "metadata": metadata,
                "mode": "subscription", "status": "complete", "payment_status": "paid",
            ]
        case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted":
            let defaultStatus = type.hasSuffix("deleted") ? "canceled"
                : type.hasSuffix("created") && profile?.trialStatus == .active ? "trialing" : "active"
            var fields: [String: JSONValue] = [
                "id": .string(subscription), "object": "subscription", "customer": .string(customer),
                "status": .string(status ?? defaultStatus), "metadata": metadata,
                "items": ["object": "list", "data": [["price": ["id": .string("price_\(chosen.rawValue)_monthly")]]]],
                "trial_start": .int(Int64((profile?.trialStartDate ?? now).timeIntervalSince1970)), "trial_end": .int(trialEnd),
                "current_period_start": .int(unix), "current_period_end": .int(unix + 30 * 86_400),
                "cancel_at": .null, "created": .int(unix),
            ]
            if type.hasSuffix("deleted") { fields["canceled_at"] = .int(unix) }
            object = .object(fields)
        case "invoice.payment_succeeded", "invoice.payment_failed":
            object = [
                "id": .string(token("in_")), "object": "invoice", "customer": .string(customer),
                "subscription": .string(subscription), "amount_paid": type.hasSuffix("succeeded") ? 9_900 : 0,
                "amount_due": 9_900, "currency": "usd",
                "lines": ["data": [["period": ["start": .int(unix), "end": .int(unix + 30 * 86_400)]]]],
            ]
        default:
            object = [
                "id": .string(token("pm_")), "object": "payment_method", "customer": .string(customer), "type": "card",
                "card": ["brand": "visa", "last4": "4242", "exp_month": 12, "exp_year": 2030],
                "billing_details": ["address": ["city": "Lisbon", "country": "PT", "postal_code": "1100-148"]],
            ]
        }
        return [
            "id": .string(token("evt_")), "object": "event", "api_version": "2024-06-20", "created": .int(unix),
            "livemode": false, "type": .string(type), "data": ["object": object],
        ]
    }

    /// A Clerk event of `type` about `userId`.
    public static func clerk(_ type: String, userId: String, email: String?, name: String?, now: Date) throws -> JSONValue {
        guard clerkTypes.contains(type) else {
            throw ReachError.invalid(field: "event", reason: "use one of \(clerkTypes.joined(separator: ", "))")
        }
        let parts = (name ?? "New User").split(separator: " ", maxSplits: 1).map(String.init)
        let address = email ?? "\(userId)@example.com"
        let data: JSONValue = type == "user.deleted"
            ? ["id": .string(userId), "object": "user", "deleted": true]
            : [
                "id": .string(userId), "object": "user", "first_name": .string(parts.first ?? ""),
                "last_name": .string(parts.count > 1 ? parts[1] : ""), "primary_email_address_id": "idn_primary",
                "email_addresses": [["id": "idn_primary", "email_address": .string(address),
                                     "verification": ["status": "verified", "strategy": "email_code"]]],
                "created_at": .int(Int64(now.timeIntervalSince1970 * 1000)),
            ]
        return ["type": .string(type), "object": "event", "data": data]
    }
}
