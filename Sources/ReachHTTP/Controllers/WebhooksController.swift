import Foundation
import Hummingbird
import ReachCore
import ReachStore

/// `POST /api/webhooks/stripe` and `/api/webhooks/clerk`: verified, recorded and applied in one
/// transaction, so that a 2xx means applied and a replay changes nothing.
struct WebhooksController {
    let database: ReachDatabase
    let clock: any ReachClock
    let stripeSecret: String
    let clerkSecret: String

    struct Answer: Encodable {
        var received: Bool
        var outcome: Billing.Outcome
    }

    func addRoutes(to routes: Routes) {
        routes.post("/stripe") { request, context in
            let body = Array(try await request.body.collect(upTo: context.maxUploadSize).readableBytesView)
            let now = clock.nowMilliseconds()
            do {
                try StripeSignature(secret: stripeSecret)
                    .verify(header: request.headers[.init("Stripe-Signature")!], body: body, now: now)
            } catch let error as SignatureError {
                throw Problem(status: 400, code: "invalid_signature", title: "Invalid signature", detail: error.description)
            }
            let event = try parse(body)
            let events = context.events
            let outcome = try await database.writer.write { db in try Billing.apply(db, event: event, now: now, context: events) }
            return try json(Answer(received: true, outcome: outcome))
        }
        routes.post("/clerk") { request, context in
            let body = Array(try await request.body.collect(upTo: context.maxUploadSize).readableBytesView)
            let now = clock.nowMilliseconds()
            let svixId = request.headers[.init("svix-id")!]
            do {
                try SvixSignature(secret: clerkSecret).verify(
                    id: svixId, timestamp: request.headers[.init("svix-timestamp")!],
                    signature: request.headers[.init("svix-signature")!], body: body, now: now)
            } catch let error as SignatureError {
                throw Problem(status: 400, code: "invalid_signature", title: "Invalid signature", detail: error.description)
            }
            guard let svixId, svixId.count <= 200 else { throw Problem.badRequest("svix-id is too long") }
            let event = try parse(body)
            let events = context.events
            let outcome = try await database.writer.write { db in
                try ClerkWebhooks.apply(db, svixId: svixId, event: event, now: now, context: events)
            }
            return try json(Answer(received: true, outcome: outcome))
        }
    }

    private func parse(_ body: [UInt8]) throws -> JSONValue {
        do {
            let event = try JSONValue(parsing: body)
            try event.validateForPostgres()
            return event
        } catch {
            throw Problem.badRequest("the webhook body is not valid JSON: \(error)")
        }
    }
}

/// `/api/admin/users` and `/api/admin/plans`.
struct AdminUsersController {
    let database: ReachDatabase
    let clock: any ReachClock

    struct Promote: Decodable { var userId: String?; var email: String? }
    struct SetPlan: Decodable { var userId: String; var plan: String }
    struct UpdatePlan: Decodable {
        var planKey: String
        var displayName: String?
        var description: String?
        var monthlyPrice: Int?
        var yearlyPrice: Int?
        var campaignsLimit: Int?
        var creatorsLimit: Int?
        var features: JSONValue?
        var isActive: Bool?
    }

    struct UserDetail: Encodable {
        var profile: UserProfile
        var events: [Event]
        var campaigns: Int
        var searches: [ScrapingJob]
    }

    func addRoutes(to routes: Routes) {
        routes.get("/users") { request, _ in
            let query = QueryParameters(request.uri.query)
            let text = try query.string("q", maximum: 200) ?? ""
            let limit = try query.int("limit", default: 50, range: 1...500)!
            let users = try await database.reader.read { db in try UserSearch.search(db, query: text, limit: limit) }
            struct Answer: Encodable { var users: [UserProfile] }
            return try json(Answer(users: users))
        }
        routes.get("/users/{userId}") { _, context in
            guard let userId = context.parameters.get("userId") else { throw Problem.notFound("user not found") }
            let detail = try await database.reader.read { db -> UserDetail in
                guard let profile = try UserProfile.fetchOne(db, userId: userId) else { throw ReachError.notFound("user \(userId)") }
                return UserDetail(
                    profile: profile, events: try Event.fetchLog(db, aggregateId: userId, limit: 200),
                    campaigns: try Campaign.fetchPage(db, userId: userId, page: 1, limit: 1).total,
                    searches: try ScrapingJob.fetchPage(db, userId: userId, limit: 20))
            }
            return try json(detail)
        }
        routes.post("/users/promote") { request, context in
            let admin = try context.user().userId
            let body = try await request.decode(as: Promote.self, context: context)
            guard body.userId != nil || body.email != nil else { throw Problem.badRequest("give `userId` or `email`") }
            let now = clock.nowMilliseconds()
            let events = context.events
            let profile = try await database.writer.write { db in
                try AdminUsers.promote(db, userId: body.userId, email: body.email, admin: admin, now: now, context: events)
            }
            return try json(profile)
        }
        routes.post("/users/set-plan") { request, context in
            let admin = try context.user().userId
            let body = try await request.decode(as: SetPlan.self, context: context)
            guard let plan = PlanKey(parsing: body.plan) else { throw Problem.invalid("plan", "use one of \(PlanKey.valueList)") }
            let now = clock.nowMilliseconds()
            let events = context.events
            let profile = try await database.writer.write { db in
                try AdminUsers.setPlan(db, userId: body.userId, plan: plan, admin: admin, now: now, context: events)
            }
            return try json(profile)
        }
        routes.get("/plans") { _, _ in
            let plans = try await database.reader.read { db in try SubscriptionPlan.fetchAllOrdered(db) }
            struct Answer: Encodable { var plans: [SubscriptionPlan] }
            return try json(Answer(plans: plans))
        }
        routes.put("/plans") { request, context in
            let admin = try context.user().userId
            let body = try await request.decode(as: UpdatePlan.self, context: context)
            let change = AdminUsers.PlanChange(
                displayName: body.displayName, description: body.description, monthlyPrice: body.monthlyPrice,
                yearlyPrice: body.yearlyPrice, campaignsLimit: body.campaignsLimit, creatorsLimit: body.creatorsLimit,
                features: body.features, isActive: body.isActive)
            let now = clock.nowMilliseconds()
            let events = context.events
            let (plan, updated) = try await database.writer.write { db in
                try AdminUsers.updatePlan(db, key: body.planKey, change: change, admin: admin, now: now, context: events)
            }
            struct Answer: Encodable { var plan: SubscriptionPlan; var usersUpdated: Int }
            return try json(Answer(plan: plan, usersUpdated: updated))
        }
    }
}
