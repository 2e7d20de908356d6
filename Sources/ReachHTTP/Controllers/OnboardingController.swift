import Foundation
import Hummingbird
import ReachCore

/// `/api/onboarding`: the platform's onboarding steps, in its answer shapes.
struct OnboardingController {
    let app: ReachApp

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.patch("step-1", use: stepOne)
        group.patch("step-2", use: stepTwo)
        group.post("save-plan", use: savePlan)
        group.patch("complete", use: complete)
        group.get("complete", use: completion)
        group.get("status", use: status)
    }

    struct StepOne: Decodable { var fullName: String; var businessName: String }
    struct StepTwo: Decodable { var brandDescription: String }
    struct SavePlan: Decodable {
        var selectedPlan: String?
        var plan: String?
    }
    struct Complete: Decodable {
        var completed: Bool?
        var sessionId: String?
    }

    @Sendable func stepOne(_ request: Request, context: AppRequestContext) async throws -> OnboardingAnswers.Step {
        let body = try await request.decode(as: StepOne.self, context: context)
        let started = ContinuousClock.now
        let profile = try await app.accounts.captureInfo(
            userId: try context.user().userId, fullName: body.fullName, businessName: body.businessName, events: context.events)
        return OnboardingAnswers.Step(profile, message: "Step 1 saved", nextStep: 2, requestId: context.requestId,
                                      elapsed: ContinuousClock.now - started)
    }

    @Sendable func stepTwo(_ request: Request, context: AppRequestContext) async throws -> OnboardingAnswers.Step {
        let body = try await request.decode(as: StepTwo.self, context: context)
        let started = ContinuousClock.now
        let profile = try await app.accounts.captureIntent(userId: try context.user().userId, brandDescription: body.brandDescription)
        return OnboardingAnswers.Step(profile, message: "Step 2 saved", nextStep: 3, requestId: context.requestId,
                                      elapsed: ContinuousClock.now - started)
    }

    @Sendable func savePlan(_ request: Request, context: AppRequestContext) async throws -> OnboardingAnswers.Saved {
        let body = try await request.decode(as: SavePlan.self, context: context)
        guard let text = body.selectedPlan ?? body.plan else { throw Problem.badRequest("`selectedPlan` is required") }
        guard let plan = PlanKey(parsing: text) else {
            throw Problem.invalid("selectedPlan", "choose glow_up, viral_surge or fame_flex")
        }
        return OnboardingAnswers.Saved(status: .init(try await app.accounts.savePlan(userId: try context.user().userId, plan: plan)))
    }

    @Sendable func complete(_ request: Request, context: AppRequestContext) async throws -> OnboardingAnswers.Completed {
        // The platform's page sends {completed: true}; a bodiless PATCH completes too.
        let body = try await request.decodeIfPresent(as: Complete.self, context: context) ?? Complete()
        guard body.completed != false else { throw Problem.invalid("completed", "send true to complete onboarding") }
        let completion = try await app.accounts.completeOnboarding(userId: try context.user().userId, events: context.events)
        return OnboardingAnswers.Completed(completion, checkoutSessionId: body.sessionId)
    }

    @Sendable func completion(_ request: Request, context: AppRequestContext) async throws -> OnboardingAnswers.CompletionState {
        OnboardingAnswers.CompletionState(try await app.accounts.profile(userId: try context.user().userId))
    }

    @Sendable func status(_ request: Request, context: AppRequestContext) async throws -> OnboardingAnswers.Status {
        OnboardingAnswers.Status(try await app.accounts.profile(userId: try context.user().userId))
    }
}
