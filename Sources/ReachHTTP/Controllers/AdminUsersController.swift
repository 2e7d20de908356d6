import Foundation
import Hummingbird
import ReachCore

/// `/api/admin/users`, the platform's `/api/admin/email-testing/users` search, and
/// `/api/admin/plans`: users, their rights and plans, and the plans themselves.
struct AdminUsersController {
    let app: ReachApp

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("users", use: search)
        group.get("email-testing/users", use: platformSearch)
        group.get("email-testing/users-cached", use: platformPrefixSearch)
        group.get("users/billing-status", use: billing)
        group.get("users/{userId}", use: user)
        group.post("users/promote", use: promote)
        group.post("users/set-plan", use: setPlan)
        group.get("plans", use: plans)
        group.put("plans", use: updatePlan)
    }

    /// Reach's search: any substring, newest first, `limit` (50) at most; no `q` lists the newest users.
    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> UserSearchAnswer {
        let text = try request.query.string("q", maximum: 200) ?? ""
        let limit = try request.query.int("limit", default: 50, range: 1...500)!
        return UserSearchAnswer(try await app.admin.searchUsers(text, limit: limit), query: text)
    }

    /// The platform's search: 8 at most, nothing under 2 characters.
    @Sendable func platformSearch(_ request: Request, context: AppRequestContext) async throws -> UserSearchAnswer {
        let text = (try request.query.string("q", maximum: 200) ?? "").trimmingCharacters(in: .whitespaces)
        guard text.count >= 2 else { return UserSearchAnswer([], query: text) }
        return UserSearchAnswer(try await app.admin.searchUsers(text, limit: 8), query: text)
    }

    /// The platform's cached variant: a `user_id` prefix, 5 at most.
    @Sendable func platformPrefixSearch(_ request: Request, context: AppRequestContext) async throws -> UserSearchAnswer {
        let text = (try request.query.string("q", maximum: 200) ?? "").trimmingCharacters(in: .whitespaces)
        guard text.count >= 2 else { return UserSearchAnswer([], query: text, cached: false) }
        return UserSearchAnswer(try await app.admin.usersByIdPrefix(text, limit: 5), query: text, cached: false)
    }

    struct BillingAnswer: ResponseEncodable {
        var userId: String
        var currentPlan: PlanKey
        var isActive: Bool
        var isTrialing: Bool
        var daysRemaining: Int
        var subscriptionId: String?
        var customerId: String?
        var subscriptionStatus: SubscriptionStatus
        var trialStatus: TrialStatus
    }

    @Sendable func billing(_ request: Request, context: AppRequestContext) async throws -> BillingAnswer {
        guard let userId = try request.query.string("userId", maximum: 200), !userId.isEmpty else {
            throw Problem.badRequest("`userId` is required")
        }
        let billing = try await app.admin.billing(userId: userId)
        return BillingAnswer(
            userId: userId, currentPlan: billing.currentPlan, isActive: billing.hasActiveSubscription, isTrialing: billing.isTrialing,
            daysRemaining: billing.daysRemaining, subscriptionId: billing.stripeSubscriptionId, customerId: billing.stripeCustomerId,
            subscriptionStatus: billing.subscriptionStatus, trialStatus: billing.trialStatus)
    }

    @Sendable func user(_ request: Request, context: AppRequestContext) async throws -> Admin.UserDetail {
        guard let userId = context.parameters.get("userId") else { throw Problem.notFound("user") }
        return try await app.admin.user(userId)
    }

    struct Promote: Decodable { var userId: String?; var email: String? }

    struct Done: ResponseEncodable {
        var success = true
        var message: String
        var user: UserProfile
    }

    /// Gives a user admin rights; a user id without a profile gets one, as on the platform.
    @Sendable func promote(_ request: Request, context: AppRequestContext) async throws -> Done {
        let admin = try context.user().userId
        let body = try await request.decode(as: Promote.self, context: context)
        guard body.userId?.isEmpty == false || body.email?.isEmpty == false else { throw Problem.badRequest("`userId` is required") }
        let user = try await app.admin.promote(userId: body.userId, email: body.email, admin: admin, events: context.events)
        return Done(message: "User promoted to admin", user: user)
    }

    /// The platform's `planKey`, or Reach's `plan`.
    struct SetPlan: Decodable { var userId: String?; var planKey: String?; var plan: String? }

    @Sendable func setPlan(_ request: Request, context: AppRequestContext) async throws -> Done {
        let admin = try context.user().userId
        let body = try await request.decode(as: SetPlan.self, context: context)
        guard let userId = body.userId, !userId.isEmpty, let key = body.planKey ?? body.plan, !key.isEmpty else {
            throw Problem.badRequest("give `userId` and `planKey`")
        }
        guard let plan = PlanKey(parsing: key) else { throw Problem.notFound("plan \(key)") }
        let user = try await app.admin.setPlan(userId: userId, plan: plan, admin: admin, events: context.events)
        return Done(message: "Plan set to \(plan.rawValue)", user: user)
    }

    struct PlansAnswer: ResponseEncodable { var plans: [SubscriptionPlan] }

    @Sendable func plans(_ request: Request, context: AppRequestContext) async throws -> PlansAnswer {
        PlansAnswer(plans: try await app.admin.plans())
    }

    /// `{planKey, update: {…}}` as the platform's plans page sends it (unknown fields refused), or
    /// Reach's flat `{planKey, displayName, …}`.
    struct UpdatePlan: Decodable {
        var planKey: String?
        var change: AdminUsers.PlanChange

        static let updatable: Set<String> = [
            "displayName", "description", "monthlyPrice", "yearlyPrice", "campaignsLimit", "creatorsLimit", "features", "isActive",
        ]

        enum Keys: String, CodingKey { case planKey, update }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            planKey = try container.decodeIfPresent(String.self, forKey: .planKey)
            guard container.contains(.update) else {
                change = try AdminUsers.PlanChange(from: decoder)
                return
            }
            guard case .object(let fields) = try container.decode(JSONValue.self, forKey: .update) else {
                throw Problem.badRequest("`update` must be an object")
            }
            let unknown = Set(fields.keys).subtracting(Self.updatable).sorted()
            guard unknown.isEmpty else {
                throw Problem.badRequest(
                    "`update` has unknown fields \(unknown.joined(separator: ", ")): use \(Self.updatable.sorted().joined(separator: ", "))")
            }
            change = try container.decode(AdminUsers.PlanChange.self, forKey: .update)
        }
    }

    struct UpdatedPlan: ResponseEncodable {
        var success = true
        var plan: SubscriptionPlan
        var usersUpdated: Int
    }

    @Sendable func updatePlan(_ request: Request, context: AppRequestContext) async throws -> UpdatedPlan {
        let admin = try context.user().userId
        let body = try await request.decode(as: UpdatePlan.self, context: context)
        guard let key = body.planKey, !key.isEmpty else { throw Problem.badRequest("`planKey` is required") }
        let (plan, updated) = try await app.admin.updatePlan(key: key, change: body.change, admin: admin, events: context.events)
        return UpdatedPlan(plan: plan, usersUpdated: updated)
    }
}
