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
        guard let id = event["id"]?.stringValue, !id.isEmpty, id.count <= 255,
            let type = event["type"]?.stringValue, !type.isEmpty, type.count <= 100,
            let object = event["data"]?["object"], object.objectValue != nil
        else {
            throw ReachError.invalid(field: "event", reason: "a Stripe event needs id, type and data.object")
        }
        let key = "stripe_\(id)"
        if try Event.filter(Event.Columns.idempotencyKey == key).fetchOne(db) != nil { return .duplicate }
        let created = event["created"]?.intValue.map { Date(timeIntervalSince1970: TimeInterval($0)) } ?? now
        var profile = try findProfile(db, object: object, type: type)
        var outcome: Outcome = .applied
        if var current = profile {
            if subscriptionTypes.contains(type), let last = current.lastWebhookTimestamp, created < last {
                outcome = .stale
            } else if try apply(db, type: type, object: object, to: &current, at: created, now: now, context: context,
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
        try Event.append(db, Event(
            aggregateId: profile?.userId ?? object["customer"]?.stringValue ?? id, aggregateType: aggregateType,
            eventType: eventType, eventData: event,
            metadata: ["stripeEventId": .string(id), "stripeType": .string(type), "outcome": .string(outcome.rawValue),
                       "created": .string(WireFormat.timestamp(created))],
            idempotencyKey: key, sourceSystem: "stripe_webhook", correlationId: context.correlationId,
            processingStatus: .processed, now: now))
        return outcome
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

    /// The profile an event is about: by customer id, subscription id, or `metadata.userId`.
    static func findProfile(_ db: Database, object: JSONValue, type: String) throws -> UserProfile? {
        let customer = object["customer"]?.stringValue
        let subscription = type.hasPrefix("customer.subscription") ? object["id"]?.stringValue : object["subscription"]?.stringValue
        if let customer, let profile = try UserProfile.filter(UserProfile.Columns.stripeCustomerId == customer).fetchOne(db) {
            return profile
        }
        if let subscription,
            let profile = try UserProfile.filter(UserProfile.Columns.stripeSubscriptionId == subscription).fetchOne(db)
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
        _ db: Database, type: String, object: JSONValue, to profile: inout UserProfile, at created: Date, now: Date,
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
            try applySubscription(db, object: object, to: &profile, now: now, context: context, eventKey: eventKey)
        case "customer.subscription.deleted":
            profile.subscriptionStatus = .canceled
            profile.subscriptionCancelDate = object["canceled_at"]?.intValue.map { Date(timeIntervalSince1970: TimeInterval($0)) } ?? now
            if profile.trialStatus == .active {
                profile.trialStatus = (profile.trialEndDate.map { $0 <= now } ?? false) ? .expired : .cancelled
                try followUp(db, profile, "trial_cancelled", context: context, eventKey: eventKey, now: now)
            }
            try Plans.apply(db, plan: .free, to: &profile)
        case "invoice.payment_succeeded":
            if profile.subscriptionStatus == .pastDue { profile.subscriptionStatus = .active }
            if let end = object["lines"]?["data"]?[0]?["period"]?["end"]?.intValue {
                profile.subscriptionRenewalDate = Date(timeIntervalSince1970: TimeInterval(end))
            }
        case "invoice.payment_failed":
            profile.subscriptionStatus = .pastDue
        case "payment_method.attached":
            profile.paymentMethodId = object["id"]?.stringValue ?? profile.paymentMethodId
            let card = object["card"]
            profile.cardBrand = card?["brand"]?.stringValue.map { String($0.prefix(20)) } ?? profile.cardBrand
            profile.cardLast4 = card?["last4"]?.stringValue.map { String($0.prefix(4)) } ?? profile.cardLast4
            profile.cardExpMonth = card?["exp_month"]?.intValue.map { Int(clamping: $0) } ?? profile.cardExpMonth
            profile.cardExpYear = card?["exp_year"]?.intValue.map { Int(clamping: $0) } ?? profile.cardExpYear
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

    /// `customer.subscription.created|updated`: plan (metadata.plan, else the price), status,
    /// trial conversion, renewal and cancel dates, limits and features from the plan row.
    static func applySubscription(
        _ db: Database, object: JSONValue, to profile: inout UserProfile, now: Date, context: EventContext, eventKey: String
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
        if profile.subscriptionStatus == .trialing, let end = object["trial_end"]?.intValue {
            profile.trialEndDate = Date(timeIntervalSince1970: TimeInterval(end))
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
        if let end = object["current_period_end"]?.intValue {
            profile.subscriptionRenewalDate = Date(timeIntervalSince1970: TimeInterval(end))
        }
        if let cancel = (object["cancel_at"] ?? object["canceled_at"])?.intValue {
            profile.subscriptionCancelDate = Date(timeIntervalSince1970: TimeInterval(cancel))
        }
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

/// Clerk webhooks (Svix): user.created, user.updated, user.deleted.
public enum ClerkWebhooks {
    public static func apply(_ db: Database, svixId: String, event: JSONValue, now: Date, context: EventContext) throws -> Billing.Outcome {
        guard let type = event["type"]?.stringValue, let data = event["data"], let userId = data["id"]?.stringValue else {
            throw ReachError.invalid(field: "event", reason: "a Clerk event needs type and data.id")
        }
        try Accounts.validateUserId(userId)
        let key = "clerk_\(svixId)"
        if try Event.filter(Event.Columns.idempotencyKey == key).fetchOne(db) != nil { return .duplicate }
        let email = primaryEmail(data)
        let name = [data["first_name"]?.stringValue, data["last_name"]?.stringValue].compactMap { $0 }
            .filter { !$0.isEmpty }.joined(separator: " ")
        let context = EventContext(correlationId: context.correlationId, causationId: key, source: "clerk_webhook")
        func record(_ eventType: String, outcome: Billing.Outcome) throws {
            try Event.append(db, Event(
                aggregateId: userId, aggregateType: "user", eventType: eventType, eventData: event,
                metadata: ["svixId": .string(svixId), "clerkType": .string(type), "outcome": .string(outcome.rawValue)],
                idempotencyKey: key, sourceSystem: "clerk_webhook", correlationId: context.correlationId,
                processingStatus: .processed, now: now))
        }
        switch type {
        case "user.created":
            let existed = try UserProfile.fetchOne(db, userId: userId) != nil
            let recorded = Event(
                aggregateId: userId, aggregateType: "user", eventType: "user_created", eventData: event,
                metadata: ["svixId": .string(svixId), "clerkType": .string(type)], idempotencyKey: key,
                sourceSystem: "clerk_webhook", correlationId: context.correlationId, processingStatus: .processed, now: now)
            if existed {
                try record("user_created", outcome: .duplicate)
                return .duplicate
            }
            try Accounts.createUser(db, userId: userId, email: email, fullName: name.isEmpty ? nil : name, now: now,
                                    context: context, recordedEvent: recorded)
            return .applied
        case "user.updated":
            guard var profile = try UserProfile.fetchOne(db, userId: userId) else {
                try record("user_updated", outcome: .unmatched)
                return .unmatched
            }
            if let email { profile.email = email }
            if !name.isEmpty { profile.fullName = name }
            profile.updatedAt = now
            try profile.update(db)
            try record("user_updated", outcome: .applied)
            return .applied
        case "user.deleted":
            let deleted = try Accounts.deleteUser(db, userId: userId, now: now)
            try record("user_deleted", outcome: deleted ? .applied : .unmatched)
            return deleted ? .applied : .unmatched
        default:
            try record("billing_webhook_received", outcome: .ignored)
            return .ignored
        }
    }

    static func primaryEmail(_ data: JSONValue) -> String? {
        let addresses = data["email_addresses"]?.arrayValue ?? []
        let primary = data["primary_email_address_id"]?.stringValue
        let chosen = addresses.first { $0["id"]?.stringValue == primary } ?? addresses.first
        return chosen?["email_address"]?.stringValue.map { String($0.prefix(320)) }
    }
}
