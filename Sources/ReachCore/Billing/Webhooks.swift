import Foundation
import GRDB
import ReachStore

/// Stripe's and Clerk's webhooks: each delivery verified, recorded in `events` and applied in one
/// transaction, so that a 2xx means applied and a replay changes nothing.
public struct Webhooks: Sendable {
    let context: AppContext
    let stripeSecret: String
    let clerkSecret: String

    /// - Parameters: the endpoint secrets (``WebhookSecrets``): Stripe's, and Clerk's `whsec_<base64>`.
    public init(_ context: AppContext, stripeSecret: String, clerkSecret: String) {
        self.context = context
        self.stripeSecret = stripeSecret
        self.clerkSecret = clerkSecret
    }

    /// A Stripe delivery: its raw body and `Stripe-Signature` header.
    public func stripe(body: [UInt8], signature: String?, events: EventContext) async throws -> Billing.Outcome {
        let now = context.now()
        do {
            try StripeSignature(secret: stripeSecret).verify(header: signature, body: body, now: now)
        } catch let error as SignatureError {
            throw ReachError.invalidSignature(error.description)
        }
        let event = try Self.parse(body)
        return try await context.write { db in try Billing.apply(db, event: event, now: now, context: events) }
    }

    /// A Clerk delivery: its raw body and Svix headers.
    public func clerk(
        body: [UInt8], id: String?, timestamp: String?, signature: String?, events: EventContext
    ) async throws -> Billing.Outcome {
        let now = context.now()
        do {
            try SvixSignature(secret: clerkSecret).verify(id: id, timestamp: timestamp, signature: signature, body: body, now: now)
        } catch let error as SignatureError {
            throw ReachError.invalidSignature(error.description)
        }
        guard let id, id.fits(200) else { throw ReachError.badRequest("svix-id is too long") }
        let event = try Self.parse(body)
        return try await context.write { db in
            try ClerkWebhooks.apply(db, svixId: id, event: event, now: now, context: events)
        }
    }

    static func parse(_ body: [UInt8]) throws -> JSONValue {
        do {
            let event = try JSONValue(parsing: body)
            try event.validateForPostgres()
            return event
        } catch {
            throw ReachError.badRequest("the webhook body is not valid JSON: \(error)")
        }
    }
}
