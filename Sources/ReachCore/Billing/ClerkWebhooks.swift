import Foundation
import GRDB
import ReachStore

/// Clerk webhooks (Svix): user.created, user.updated, user.deleted.
public enum ClerkWebhooks {
    public static func apply(_ db: Database, svixId: String, event: JSONValue, now: Date, context: EventContext) throws -> Billing.Outcome {
        guard let type = event["type"]?.stringValue, let data = event["data"], let userId = data["id"]?.stringValue else {
            throw ReachError.invalid(field: "event", reason: "a Clerk event needs type and data.id")
        }
        try Accounts.validateUserId(userId)
        let key = "clerk_\(svixId)"
        if try Event.exists(db, idempotencyKey: key) { return .duplicate }
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

    /// The user's primary address, and only when Clerk says it is verified: an address in
    /// `REACH_ADMIN_EMAILS` makes its owner an admin, so no other address may stand in for it.
    static func primaryEmail(_ data: JSONValue) -> String? {
        guard let primary = data["primary_email_address_id"]?.stringValue,
            let chosen = data["email_addresses"]?.arrayValue?.first(where: { $0["id"]?.stringValue == primary }),
            chosen["verification"]?["status"]?.stringValue == "verified"
        else { return nil }
        return chosen["email_address"]?.stringValue.map { String($0.prefix(320)) }
    }
}
