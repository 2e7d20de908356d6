import Foundation
import ReachStore

/// Test deliveries, as `reach stripe|clerk trigger` sends them: a realistic event about a user,
/// signed with the secret a server on the same file verifies with.
public struct WebhookTriggers: Sendable {
    let context: AppContext

    public init(_ context: AppContext) {
        self.context = context
    }

    /// A delivery: the body and the headers that sign it.
    public struct Delivery: Sendable {
        public var body: [UInt8]
        public var headers: [(String, String)]
    }

    /// A signed Stripe event of `type` about `userId` (whose profile, when it exists, supplies the ids).
    public func stripe(_ type: String, userId: String, plan: PlanKey?, status: String?) async throws -> Delivery {
        let now = context.clock.now()
        // An event about nobody would be stored and ignored: say so before sending it.
        guard let profile = try await context.read({ db in try UserProfile.fetchOne(db, userId: userId) }) else {
            throw ReachError.notFound("user \(userId)")
        }
        let event = try SampleWebhooks.stripe(type, userId: userId, profile: profile, plan: plan, status: status, now: now)
        let body = Array(event.jsonText.utf8)
        let signature = StripeSignature(secret: try WebhookSecrets.stripe(context.database)).header(body: body, at: now)
        return Delivery(body: body, headers: [("Stripe-Signature", signature)])
    }

    /// A Svix-signed Clerk event of `type` about `userId`.
    public func clerk(_ type: String, userId: String, email: String?, name: String?) async throws -> Delivery {
        try Accounts.validateUserId(userId)
        if type != "user.created", try await context.read({ db in try UserProfile.fetchOne(db, userId: userId) }) == nil {
            throw ReachError.notFound("user \(userId)")
        }
        let now = context.clock.now()
        let event = try SampleWebhooks.clerk(type, userId: userId, email: email, name: name, now: now)
        let body = Array(event.jsonText.utf8)
        let id = "msg_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let timestamp = Int(now.timeIntervalSince1970)
        guard let signature = SvixSignature(secret: try WebhookSecrets.clerk(context.database)).sign(id: id, timestamp: timestamp, body: body)
        else { throw ReachError.invalid(field: "CLERK_WEBHOOK_SECRET", reason: "must be whsec_<base64>") }
        return Delivery(body: body, headers: [("svix-id", id), ("svix-timestamp", String(timestamp)), ("svix-signature", "v1,\(signature)")])
    }
}
