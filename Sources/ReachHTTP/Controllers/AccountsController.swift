import Foundation
import GRDB
import Hummingbird
import ReachCore
import ReachStore

/// `/api/onboarding`, `/api/billing`, `/api/usage`, `/api/plans`: the platform's account routes.
struct AccountsController {
    let database: ReachDatabase
    let clock: any ReachClock

    struct StepOne: Decodable { var fullName: String; var businessName: String }
    struct StepTwo: Decodable { var brandDescription: String }
    struct SavePlan: Decodable {
        var selectedPlan: String?
        var plan: String?
    }

    struct OnboardingStatus: Encodable {
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

    func addOnboarding(to routes: Routes) {
        routes.patch("/step-1") { request, context in
            let userId = try context.user().userId
            let body = try await request.decode(as: StepOne.self, context: context)
            let now = clock.nowMilliseconds()
            let events = context.events
            let profile = try await database.writer.write { db in
                try Onboarding.captureInfo(db, userId: userId, fullName: body.fullName, businessName: body.businessName,
                                           now: now, context: events)
            }
            return try json(OnboardingStatus(profile))
        }
        routes.patch("/step-2") { request, context in
            let userId = try context.user().userId
            let body = try await request.decode(as: StepTwo.self, context: context)
            let now = clock.nowMilliseconds()
            let profile = try await database.writer.write { db in
                try Onboarding.captureIntent(db, userId: userId, brandDescription: body.brandDescription, now: now)
            }
            return try json(OnboardingStatus(profile))
        }
        routes.post("/save-plan") { request, context in
            let userId = try context.user().userId
            let body = try await request.decode(as: SavePlan.self, context: context)
            guard let text = body.selectedPlan ?? body.plan, let plan = PlanKey(parsing: text) else {
                throw Problem.invalid("selectedPlan", "choose glow_up, viral_surge or fame_flex")
            }
            let now = clock.nowMilliseconds()
            let profile = try await database.writer.write { db in try Onboarding.savePlan(db, userId: userId, plan: plan, now: now) }
            return try json(OnboardingStatus(profile))
        }
        routes.patch("/complete") { _, context in
            let userId = try context.user().userId
            let now = clock.nowMilliseconds()
            let events = context.events
            let profile = try await database.writer.write { db in try Onboarding.complete(db, userId: userId, now: now, context: events) }
            return try json(OnboardingStatus(profile))
        }
        routes.get("/status") { _, context in
            let userId = try context.user().userId
            let profile = try await database.reader.read { db in try Onboarding.profile(db, userId) }
            return try json(OnboardingStatus(profile))
        }
    }

    func addBilling(to routes: Routes) {
        routes.get("/status") { _, context in
            let userId = try context.user().userId
            let now = clock.now()
            return try json(try await database.reader.read { db in try AccountStatus.billing(db, userId: userId, now: now) })
        }
    }

    func addUsage(to routes: Routes) {
        routes.get("/summary") { _, context in
            let userId = try context.user().userId
            return try json(try await database.reader.read { db in try AccountStatus.usage(db, userId: userId) })
        }
    }

    func addPlans(to routes: Routes) {
        routes.get { _, _ in
            let plans = try await database.reader.read { db in try SubscriptionPlan.fetchAllOrdered(db, activeOnly: true) }
            struct Answer: Encodable { var plans: [SubscriptionPlan] }
            return try json(Answer(plans: plans))
        }
    }
}
