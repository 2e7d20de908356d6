import Foundation
import Hummingbird
import ReachCore

/// `POST /api/webhooks/stripe` and `/api/webhooks/clerk`: verified, recorded and applied in one
/// transaction, so that a 2xx means applied and a replay changes nothing.
struct WebhooksController {
    let app: ReachApp

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("stripe", use: stripe)
        group.post("clerk", use: clerk)
    }

    struct Answer: ResponseEncodable {
        var received: Bool
        var outcome: Billing.Outcome
    }

    @Sendable func stripe(_ request: Request, context: AppRequestContext) async throws -> Answer {
        let body = Array(try await request.body.collect(upTo: context.maxUploadSize).readableBytesView)
        let outcome = try await app.webhooks.stripe(
            body: body, signature: request.headers[.init("Stripe-Signature")!], events: context.events)
        return Answer(received: true, outcome: outcome)
    }

    @Sendable func clerk(_ request: Request, context: AppRequestContext) async throws -> Answer {
        let body = Array(try await request.body.collect(upTo: context.maxUploadSize).readableBytesView)
        let outcome = try await app.webhooks.clerk(
            body: body, id: request.headers[.init("svix-id")!], timestamp: request.headers[.init("svix-timestamp")!],
            signature: request.headers[.init("svix-signature")!], events: context.events)
        return Answer(received: true, outcome: outcome)
    }
}
