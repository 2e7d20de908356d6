import Foundation
import Hummingbird
import ReachCore

/// `/api/admin/users` and `/api/admin/plans`: users, their rights and plans, and the plans themselves.
struct AdminUsersController {
    let app: ReachApp

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("users", use: search)
        group.get("users/{userId}", use: user)
        group.post("users/promote", use: promote)
        group.post("users/set-plan", use: setPlan)
        group.get("plans", use: plans)
        group.put("plans", use: updatePlan)
    }

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

    struct UsersAnswer: ResponseEncodable { var users: [UserProfile] }

    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> UsersAnswer {
        let text = try request.query.string("q", maximum: 200) ?? ""
        let limit = try request.query.int("limit", default: 50, range: 1...500)!
        return UsersAnswer(users: try await app.admin.searchUsers(text, limit: limit))
    }

    @Sendable func user(_ request: Request, context: AppRequestContext) async throws -> Admin.UserDetail {
        guard let userId = context.parameters.get("userId") else { throw Problem.notFound("user not found") }
        return try await app.admin.user(userId)
    }

    @Sendable func promote(_ request: Request, context: AppRequestContext) async throws -> UserProfile {
        let admin = try context.user().userId
        let body = try await request.decode(as: Promote.self, context: context)
        guard body.userId != nil || body.email != nil else { throw Problem.badRequest("give `userId` or `email`") }
        return try await app.admin.promote(userId: body.userId, email: body.email, admin: admin, events: context.events)
    }

    @Sendable func setPlan(_ request: Request, context: AppRequestContext) async throws -> UserProfile {
        let admin = try context.user().userId
        let body = try await request.decode(as: SetPlan.self, context: context)
        guard let plan = PlanKey(parsing: body.plan) else { throw Problem.invalid("plan", "use one of \(PlanKey.valueList)") }
        return try await app.admin.setPlan(userId: body.userId, plan: plan, admin: admin, events: context.events)
    }

    struct PlansAnswer: ResponseEncodable { var plans: [SubscriptionPlan] }

    @Sendable func plans(_ request: Request, context: AppRequestContext) async throws -> PlansAnswer {
        PlansAnswer(plans: try await app.admin.plans())
    }

    struct UpdatedPlan: ResponseEncodable {
        var plan: SubscriptionPlan
        var usersUpdated: Int
    }

    @Sendable func updatePlan(_ request: Request, context: AppRequestContext) async throws -> UpdatedPlan {
        let admin = try context.user().userId
        let body = try await request.decode(as: UpdatePlan.self, context: context)
        let change = AdminUsers.PlanChange(
            displayName: body.displayName, description: body.description, monthlyPrice: body.monthlyPrice,
            yearlyPrice: body.yearlyPrice, campaignsLimit: body.campaignsLimit, creatorsLimit: body.creatorsLimit,
            features: body.features, isActive: body.isActive)
        let (plan, updated) = try await app.admin.updatePlan(key: body.planKey, change: change, admin: admin, events: context.events)
        return UpdatedPlan(plan: plan, usersUpdated: updated)
    }
}
