import Foundation
import Hummingbird
import ReachCore

/// `/api/onboarding`: the platform's onboarding steps.
struct OnboardingController {
    let app: ReachApp

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.patch("step-1", use: stepOne)
        group.patch("step-2", use: stepTwo)
        group.post("save-plan", use: savePlan)
        group.patch("complete", use: complete)
        group.get("status", use: status)
    }

    struct StepOne: Decodable { var fullName: String; var businessName: String }
    struct StepTwo: Decodable { var brandDescription: String }
    struct SavePlan: Decodable {
        var selectedPlan: String?
        var plan: String?
    }

    /// Where the user is in onboarding, and the plan and trial that follow from it.
    struct Status: ResponseEncodable {
        var userId: String
        var step: OnboardingStep
        var onboardingStep: OnboardingStep
        var isCompleted: Bool
        var fullName: String?
        var businessName: String?
        var brandDescription: String?
        var intendedPlan: PlanKey?
        var currentPlan: PlanKey?
        var trialStatus: TrialStatus?
        var subscriptionStatus: SubscriptionStatus?

        init(_ profile: UserProfile) {
            userId = profile.userId
            step = profile.onboardingStep
            onboardingStep = profile.onboardingStep
            isCompleted = profile.onboardingStep == .completed
            fullName = profile.fullName
            businessName = profile.businessName
            brandDescription = profile.brandDescription
            intendedPlan = profile.intendedPlan
            currentPlan = profile.currentPlan
            trialStatus = profile.trialStatus
            subscriptionStatus = profile.subscriptionStatus
        }
    }

    @Sendable func stepOne(_ request: Request, context: AppRequestContext) async throws -> Status {
        let body = try await request.decode(as: StepOne.self, context: context)
        return Status(try await app.accounts.captureInfo(
            userId: try context.user().userId, fullName: body.fullName, businessName: body.businessName, events: context.events))
    }

    @Sendable func stepTwo(_ request: Request, context: AppRequestContext) async throws -> Status {
        let body = try await request.decode(as: StepTwo.self, context: context)
        return Status(try await app.accounts.captureIntent(userId: try context.user().userId, brandDescription: body.brandDescription))
    }

    @Sendable func savePlan(_ request: Request, context: AppRequestContext) async throws -> Status {
        let body = try await request.decode(as: SavePlan.self, context: context)
        guard let text = body.selectedPlan ?? body.plan, let plan = PlanKey(parsing: text) else {
            throw Problem.invalid("selectedPlan", "choose glow_up, viral_surge or fame_flex")
        }
        return Status(try await app.accounts.savePlan(userId: try context.user().userId, plan: plan))
    }

    @Sendable func complete(_ request: Request, context: AppRequestContext) async throws -> Status {
        Status(try await app.accounts.completeOnboarding(userId: try context.user().userId, events: context.events))
    }

    @Sendable func status(_ request: Request, context: AppRequestContext) async throws -> Status {
        Status(try await app.accounts.profile(userId: try context.user().userId))
    }
}
