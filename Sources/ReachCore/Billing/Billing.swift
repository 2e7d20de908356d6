import Foundation
import GRDB
import ReachStore

/// Stripe webhooks: each verified event is recorded in `events` and applied to the profile in one
/// transaction, keyed `stripe_<event id>`, so that a replay changes nothing and a 2xx means applied.
public enum Billing {
    /// What happened to a delivered event.
    public enum Outcome: String, Sendable, Codable {
        case applied
        /// Seen before: nothing changed.
        case duplicate
        /// Older than the subscription state already applied: recorded, not applied.
        case stale
        /// No profile matches the customer, subscription or metadata.userId: recorded.
        case unmatched
        /// A type Reach does not act on: recorded and acknowledged.
        case ignored
    }

    static let subscriptionTypes: Set<String> = [
        "checkout.session.completed", "customer.subscription.created", "customer.subscription.updated",
        "customer.subscription.deleted",
    ]

    /// Records and applies one Stripe event (the parsed body of a verified delivery).
    public static func apply(_ db: Database, event: JSONValue, now: Date, context: EventContext) throws -> Outcome {
        guard let id = event["id"]?.stringValue, !id.isEmpty, id.fits(255),
            let type = event["type"]?.stringValue, !type.isEmpty, type.fits(100),
            let object = event["data"]?["object"], object.objectValue != nil
        else {
            throw ReachError.invalid(field: "event", reason: "a Stripe event needs id, type and data.object")
        }
        let key = "stripe_\(id)"
        if try Event.exists(db, idempotencyKey: key) { return .duplicate }
        // Every timestamp is checked before anything changes.
        let createdSeconds = try StripeTime.seconds(event["created"], field: "created")
        let created = createdSeconds.map { Date(timeIntervalSince1970: TimeInterval($0)) } ?? now
        let times = try ObjectTimes(object)
        let order = subscriptionTypes.contains(type)
            ? SubscriptionOrder(created: createdSeconds ?? Int64(now.timeIntervalSince1970), type: type, times: times) : nil
        var profile = try findProfile(db, object: object, type: type)
        var outcome: Outcome = .applied
        if var current = profile {
            if let order, try isStale(db, order, profile: current, created: created) {
                outcome = .stale
            } else if try apply(db, type: type, object: object, times: times, to: &current, now: now, context: context,
                                eventKey: key) {
                current.lastWebhookEvent = String(type.prefix(100))
                current.lastWebhookTimestamp = max(current.lastWebhookTimestamp ?? created, created)
                current.billingSyncStatus = "synced"
                current.updatedAt = now
                try current.update(db)
                profile = current
            } else {
                outcome = .ignored
            }
        } else {
            outcome = .unmatched
        }
        let (eventType, aggregateType) = eventName(type)
        var metadata: [String: JSONValue] = [
            "stripeEventId": .string(id), "stripeType": .string(type), "outcome": .string(outcome.rawValue),
            "created": .string(WireFormat.timestamp(created)),
        ]
        if let order {
            metadata["stripeCreated"] = .int(order.created)
            metadata["order"] = .int(order.rank)
        }
        try Event.append(db, Event(
            aggregateId: profile?.userId ?? object["customer"]?.stringValue ?? id, aggregateType: aggregateType,
            eventType: eventType, eventData: event, metadata: .object(metadata),
            idempotencyKey: key, sourceSystem: "stripe_webhook", correlationId: context.correlationId,
            processingStatus: .processed, now: now))
        return outcome
    }

    /// The timestamps of an event's object, read (and checked) once, in the platform's API
    /// version (2024-06-20) and today's, which moved a subscription's period onto its items.
    struct ObjectTimes {
        var periodEnd: Date?
        var trialEnd: Date?
        var canceledAt: Date?
        var cancelAt: Date?
        var invoicePeriodEnd: Date?

        init(_ object: JSONValue) throws {
            periodEnd = try StripeTime.date(object["current_period_end"], field: "data.object.current_period_end")
                ?? StripeTime.date(object["items"]?["data"]?[0]?["current_period_end"], field: "data.object.items.data[0].current_period_end")
            trialEnd = try StripeTime.date(object["trial_end"], field: "data.object.trial_end")
            canceledAt = try StripeTime.date(object["canceled_at"], field: "data.object.canceled_at")
            cancelAt = try StripeTime.date(object["cancel_at"], field: "data.object.cancel_at")
            invoicePeriodEnd = try StripeTime.date(
                object["lines"]?["data"]?[0]?["period"]?["end"], field: "data.object.lines.data[0].period.end")
        }
    }

    /// Where a subscription event stands among the others: by `created` second, and within a
    /// second by the object's own state, since Stripe sends several events in one second: a
    /// `deleted` wins, then the later `current_period_end`; a checkout comes before both.
    struct SubscriptionOrder: Comparable {
        var created: Int64
        var rank: Int64

        init(created: Int64, type: String, times: ObjectTimes) {
            self.created = created
            switch type {
            case "customer.subscription.deleted": rank = Int64.max
            case "checkout.session.completed": rank = 0
            default: rank = times.periodEnd.map { Int64($0.timeIntervalSince1970) } ?? 0
            }
        }

        init(created: Int64, rank: Int64) {
            self.created = created
            self.rank = rank
        }

        static func < (lhs: Self, rhs: Self) -> Bool { (lhs.created, lhs.rank) < (rhs.created, rhs.rank) }
    }

    /// Whether a subscription event comes before the one already applied to the profile: it is
    /// recorded, not applied. Equal places apply in arrival order.
    static func isStale(_ db: Database, _ order: SubscriptionOrder, profile: UserProfile, created: Date) throws -> Bool {
        if let last = try Event.lastStripeOrder(db, aggregateId: profile.userId) {
            return order < SubscriptionOrder(created: last.created, rank: last.order)
        }
        // Events recorded before orders were kept: their time is the profile's last webhook.
        return profile.lastWebhookTimestamp.map { created < $0 } ?? false
    }

    /// The platform's event names for Stripe types.
    static func eventName(_ type: String) -> (String, String) {
        switch type {
        case "customer.subscription.created": return ("subscription_created", "subscription")
        case "customer.subscription.updated": return ("subscription_updated", "subscription")
        case "customer.subscription.deleted": return ("subscription_deleted", "subscription")
        case "invoice.payment_succeeded": return ("payment_succeeded", "payment")
        case "invoice.payment_failed": return ("payment_failed", "payment")
        default: return ("billing_webhook_received", "subscription")
        }
    }

    /// The subscription an object names: its own id for a subscription, else its `subscription`
    /// (today's API moved an invoice's to `parent.subscription_details.subscription`).
    static func subscriptionId(_ object: JSONValue, type: String) -> String? {
        if type.hasPrefix("customer.subscription") { return object["id"]?.stringValue }
        return object["subscription"]?.stringValue ?? object["parent"]?["subscription_details"]?["subscription"]?.stringValue
    }

    /// The profile an event is about: by customer id, subscription id, or `metadata.userId`.
    static func findProfile(_ db: Database, object: JSONValue, type: String) throws -> UserProfile? {
        let customer = object["customer"]?.stringValue
        let subscription = subscriptionId(object, type: type)
        if let customer, let profile = try UserProfile.fetchOne(db, stripeCustomerId: customer) {
            return profile
        }
        if let subscription,
            let profile = try UserProfile.fetchOne(db, stripeSubscriptionId: subscription)
        {
            return profile
        }
        if let userId = object["metadata"]?["userId"]?.stringValue ?? object["client_reference_id"]?.stringValue {
            return try UserProfile.fetchOne(db, userId: userId)
        }
        return nil
    }

    /// Applies an event's effect on the profile; false for types Reach does not act on.
    static func apply(
        _ db: Database, type: String, object: JSONValue, times: ObjectTimes, to profile: inout UserProfile, now: Date,
        context: EventContext, eventKey: String
    ) throws -> Bool {
        switch type {
        case "checkout.session.completed":
            profile.stripeCustomerId = object["customer"]?.stringValue ?? profile.stripeCustomerId
            profile.stripeSubscriptionId = object["subscription"]?.stringValue ?? profile.stripeSubscriptionId
            let plan = object["metadata"]?["plan"]?.stringValue.flatMap(PlanKey.init(parsing:)) ?? profile.intendedPlan ?? .glowUp
            profile.subscriptionStatus = .trialing
            if profile.trialStatus != .active || profile.trialStartDate == nil { Trials.start(&profile, now: now) }
            try Plans.apply(db, plan: plan, to: &profile)
        case "customer.subscription.created", "customer.subscription.updated":
            try applySubscription(db, object: object, times: times, to: &profile, now: now, context: context, eventKey: eventKey)
        case "customer.subscription.deleted":
            profile.subscriptionStatus = .canceled
            profile.subscriptionCancelDate = times.canceledAt ?? now
            // platform-facts.md: expired, or cancelled when the trial was still running (a converted trial ended long ago).
            switch profile.trialStatus {
            case .active:
                profile.trialStatus = (profile.trialEndDate.map { $0 <= now } ?? false) ? .expired : .cancelled
                try followUp(db, profile, "trial_cancelled", context: context, eventKey: eventKey, now: now)
            case .converted: profile.trialStatus = .expired
            default: break
            }
            try Plans.apply(db, plan: .free, to: &profile)
        case "invoice.payment_succeeded":
            if profile.subscriptionStatus == .pastDue { profile.subscriptionStatus = .active }
            if let end = times.invoicePeriodEnd { profile.subscriptionRenewalDate = end }
        case "invoice.payment_failed":
            profile.subscriptionStatus = .pastDue
        case "payment_method.attached":
            profile.paymentMethodId = object["id"]?.stringValue ?? profile.paymentMethodId
            let card = object["card"]
            profile.cardBrand = card?["brand"]?.stringValue.map { String($0.prefix(20)) } ?? profile.cardBrand
            profile.cardLast4 = card?["last4"]?.stringValue.map { String($0.prefix(4)) } ?? profile.cardLast4
            profile.cardExpMonth = try card?["exp_month"].map { try cardField($0, "exp_month", 1...12) } ?? profile.cardExpMonth
            profile.cardExpYear = try card?["exp_year"].map { try cardField($0, "exp_year", 0...9_999) } ?? profile.cardExpYear
            let address = object["billing_details"]?["address"]
            profile.billingAddressCity = address?["city"]?.stringValue ?? profile.billingAddressCity
            profile.billingAddressCountry = address?["country"]?.stringValue.map { String($0.prefix(2)) } ?? profile.billingAddressCountry
            profile.billingAddressPostalCode = address?["postal_code"]?.stringValue.map { String($0.prefix(20)) }
                ?? profile.billingAddressPostalCode
        default:
            return false
        }
        return true
    }

    /// A card's month or year, refused outside `range` rather than converted.
    static func cardField(_ value: JSONValue, _ name: String, _ range: ClosedRange<Int64>) throws -> Int {
        guard let number = value.intValue, range.contains(number) else {
            throw ReachError.invalid(field: "data.object.card.\(name)", reason: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return Int(number)
    }

    /// `customer.subscription.created|updated`: plan (metadata.plan, else the price), status,
    /// trial conversion, renewal and cancel dates, limits and features from the plan row.
    static func applySubscription(
        _ db: Database, object: JSONValue, times: ObjectTimes, to profile: inout UserProfile, now: Date, context: EventContext,
        eventKey: String
    ) throws {
        profile.stripeSubscriptionId = object["id"]?.stringValue ?? profile.stripeSubscriptionId
        profile.stripeCustomerId = object["customer"]?.stringValue ?? profile.stripeCustomerId
        var plan = object["metadata"]?["plan"]?.stringValue.flatMap(PlanKey.init(parsing:))
        if plan == nil, let price = object["items"]?["data"]?[0]?["price"]?["id"]?.stringValue,
            let row = try SubscriptionPlan.fetchOne(db, stripePriceId: price)
        {
            plan = PlanKey(rawValue: row.planKey)
        }
        let previous = profile.subscriptionStatus
        switch object["status"]?.stringValue ?? "" {
        case "trialing": profile.subscriptionStatus = .trialing
        case "active": profile.subscriptionStatus = .active
        case "past_due", "unpaid": profile.subscriptionStatus = .pastDue
        case "canceled", "incomplete_expired": profile.subscriptionStatus = .canceled
        default: break
        }
        if profile.subscriptionStatus == .trialing, let end = times.trialEnd {
            profile.trialEndDate = end
            if profile.trialStatus != .active {
                profile.trialStatus = .active
                profile.trialStartDate = profile.trialStartDate ?? now
            }
        }
        if previous == .trialing && profile.subscriptionStatus == .active && profile.trialStatus == .active {
            profile.trialStatus = .converted
            profile.trialConversionDate = now
            try followUp(db, profile, "trial_converted", context: context, eventKey: eventKey, now: now)
        }
        if let end = times.periodEnd { profile.subscriptionRenewalDate = end }
        if let cancel = times.cancelAt ?? times.canceledAt { profile.subscriptionCancelDate = cancel }
        try Plans.apply(db, plan: plan ?? profile.currentPlan ?? .free, to: &profile)
    }

    /// A domain event that the processor follows up (e-mails to cancel), caused by the webhook.
    static func followUp(_ db: Database, _ profile: UserProfile, _ type: String, context: EventContext, eventKey: String, now: Date) throws {
        try Event.append(db, Event(
            aggregateId: profile.userId, aggregateType: "trial", eventType: type,
            eventData: ["userId": .string(profile.userId), "cause": .string(eventKey)],
            idempotencyKey: "stripe_webhook_\(profile.userId)_\(type)_\(eventKey)", sourceSystem: "stripe_webhook",
            correlationId: context.correlationId, causationId: eventKey, now: now))
    }
}

