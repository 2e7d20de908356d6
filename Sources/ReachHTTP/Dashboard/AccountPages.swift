import Foundation
import Hummingbird
import ReachCore

/// The dashboard's account page: onboarding, the trial, plan and usage, and the demo's checkout.
extension Dashboard {
    func addAccountPages(to group: RouterGroup<AppRequestContext>) {
        group.get("account", use: accountPage)
        group.post("account/onboarding/1", use: captureInfo)
        group.post("account/onboarding/2", use: captureIntent)
        group.post("account/onboarding/complete", use: completeOnboarding)
        group.post("account/checkout", use: checkout)
    }

    @Sendable func accountPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try session(context)
        let account = try await app.accounts.accountPage(userId: session.identity.userId)
        let (profile, billing) = (account.profile, account.billing)
        return page("account", [
            "title": "Account", "navAccount": true,
            "profile": ["fullName": profile.fullName ?? "", "businessName": profile.businessName ?? "",
                        "brandDescription": profile.brandDescription ?? ""],
            "step1Done": profile.onboardingStep >= .infoCaptured, "step2Done": profile.onboardingStep >= .intentCaptured,
            "completed": profile.onboardingStep == .completed,
            "billing": [
                "planName": billing.planName, "subscriptionStatus": billing.subscriptionStatus.rawValue,
                "trialStatus": billing.trialStatus.rawValue, "isTrialing": billing.isTrialing,
                "daysRemaining": billing.daysRemaining, "hoursRemaining": billing.hoursRemaining,
                "minutesRemaining": billing.minutesRemaining, "trialProgressPercentage": billing.trialProgressPercentage,
            ],
            "usage": usageView(billing.usage),
            "plans": account.plans.map { plan -> [String: Any] in
                ["key": plan.planKey, "displayName": plan.displayName,
                 "price": String(format: "$%.2f", Double(plan.monthlyPrice) / 100),
                 "campaigns": Display.limit(plan.campaignsLimit), "creators": Display.limit(plan.creatorsLimit),
                 "exports": "Exports: " + (plan.features?["exportFormats"]?.arrayValue?.compactMap(\.stringValue).joined(separator: ", ") ?? "none"),
                 "current": plan.planKey == billing.currentPlan.rawValue, "csrf": session.csrf,
                 "mockBilling": mockBilling]
            },
        ], session: session, request: request)
    }

    @Sendable func captureInfo(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await action(request, context: context, back: "/account") { session, fields in
            _ = try await app.accounts.captureInfo(
                userId: session.identity.userId, fullName: fields["fullName"] ?? "", businessName: fields["businessName"] ?? "",
                events: context.events)
            return redirect("/account", flash: "Step 1 saved.")
        }
    }

    @Sendable func captureIntent(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await action(request, context: context, back: "/account") { session, fields in
            _ = try await app.accounts.captureIntent(userId: session.identity.userId, brandDescription: fields["brandDescription"] ?? "")
            return redirect("/account", flash: "Step 2 saved.")
        }
    }

    @Sendable func completeOnboarding(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await action(request, context: context, back: "/account") { session, _ in
            _ = try await app.accounts.completeOnboarding(userId: session.identity.userId, events: context.events)
            return redirect("/account", flash: "Onboarding complete: your trial is running.")
        }
    }

    @Sendable func checkout(_ request: Request, context: AppRequestContext) async throws -> Response {
        // A plan change without payment: only for demos, where no Stripe can take one.
        guard mockBilling else {
            throw Problem(status: 404, code: "not_found", title: "Not found",
                          detail: "no mock checkout here: plans change through Stripe or an admin", error: "Not found")
        }
        return try await action(request, context: context, back: "/account") { session, fields in
            guard let plan = PlanKey(parsing: fields["plan"] ?? "") else {
                throw ReachError.invalid(field: "plan", reason: "choose glow_up, viral_surge or fame_flex")
            }
            try await app.accounts.mockCheckout(userId: session.identity.userId, plan: plan)
            return redirect("/account", flash: "You are on the \(Display.plan(plan)) plan (mock checkout).")
        }
    }
}
