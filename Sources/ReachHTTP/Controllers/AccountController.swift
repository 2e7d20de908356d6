import Foundation
import Hummingbird
import ReachCore

/// The account's plan, usage, subscription and profile: `/api/billing/status`, `/api/usage/summary`,
/// `/api/subscription/status`, `/api/profile` and `/api/plans`.
struct AccountController {
    let app: ReachApp

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("billing/status", use: billing)
        group.get("usage/summary", use: usage)
        group.get("subscription/status", use: subscription)
        group.get("profile", use: profile)
        group.post("profile", use: saveProfile)
        group.get("plans", use: plans)
    }

    @Sendable func billing(_ request: Request, context: AppRequestContext) async throws -> AccountStatus.Billing {
        let identity = try context.user()
        return try await app.accounts.billingStatus(userId: identity.userId, email: identity.email, events: context.events)
    }

    @Sendable func usage(_ request: Request, context: AppRequestContext) async throws -> UsageSummaryAnswer {
        UsageSummaryAnswer(try await app.accounts.usage(userId: try context.user().userId))
    }

    @Sendable func subscription(_ request: Request, context: AppRequestContext) async throws -> SubscriptionState {
        let identity = try context.user()
        return try await app.accounts.subscriptionStatus(userId: identity.userId, email: identity.email, events: context.events)
    }

    @Sendable func profile(_ request: Request, context: AppRequestContext) async throws -> ProfileAnswer {
        ProfileAnswer(view: try await app.accounts.profileView(userId: try context.user().userId))
    }

    struct ProfileBody: Decodable {
        var name: String?
        var companyName: String?
        var industry: String?
    }

    @Sendable func saveProfile(_ request: Request, context: AppRequestContext) async throws -> ProfileAnswer {
        let identity = try context.user()
        let body = try await request.decode(as: ProfileBody.self, context: context)
        return ProfileAnswer(view: try await app.accounts.saveProfile(
            userId: identity.userId, email: identity.email, name: body.name, companyName: body.companyName,
            industry: body.industry, events: context.events))
    }

    struct PlansAnswer: ResponseEncodable { var plans: [SubscriptionPlan] }

    @Sendable func plans(_ request: Request, context: AppRequestContext) async throws -> PlansAnswer {
        _ = try context.user()
        return PlansAnswer(plans: try await app.accounts.plans())
    }
}
