import Foundation
import Hummingbird
import ReachCore

/// `/api/billing/status`, `/api/usage/summary` and `/api/plans`: the account's plan and usage.
struct AccountController {
    let app: ReachApp

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("billing/status", use: billing)
        group.get("usage/summary", use: usage)
        group.get("plans", use: plans)
    }

    @Sendable func billing(_ request: Request, context: AppRequestContext) async throws -> AccountStatus.Billing {
        try await app.accounts.billingStatus(userId: try context.user().userId)
    }

    @Sendable func usage(_ request: Request, context: AppRequestContext) async throws -> AccountStatus.Usage {
        try await app.accounts.usage(userId: try context.user().userId)
    }

    struct PlansAnswer: ResponseEncodable { var plans: [SubscriptionPlan] }

    @Sendable func plans(_ request: Request, context: AppRequestContext) async throws -> PlansAnswer {
        _ = try context.user()
        return PlansAnswer(plans: try await app.accounts.plans())
    }
}
