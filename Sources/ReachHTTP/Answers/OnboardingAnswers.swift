import Foundation
import Hummingbird
import ReachCore

/// The onboarding routes' answers, in the platform's shapes with Reach's status fields beside them.
enum OnboardingAnswers {
    /// Where the user is in onboarding (`GET /api/onboarding/status`), and the plan and trial that follow.
    struct Status: ResponseEncodable {
        var userId: String
        var onboardingStep: OnboardingStep
        var fullName: String?
        var businessName: String?
        var brandDescription: String?
        var signupTimestamp: Date
        var step: OnboardingStep
        var isCompleted: Bool
        var intendedPlan: PlanKey?
        var currentPlan: PlanKey?
        var trialStatus: TrialStatus?
        var subscriptionStatus: SubscriptionStatus?

        init(_ profile: UserProfile) {
            userId = profile.userId
            onboardingStep = profile.onboardingStep
            fullName = profile.fullName
            businessName = profile.businessName
            brandDescription = profile.brandDescription
            signupTimestamp = profile.signupTimestamp
            step = profile.onboardingStep
            isCompleted = profile.onboardingStep == .completed
            intendedPlan = profile.intendedPlan
            currentPlan = profile.currentPlan
            trialStatus = profile.trialStatus
            subscriptionStatus = profile.subscriptionStatus
        }
    }

    /// Steps 1 and 2: `{success, message, data: {requestId, executionTime, nextStep}}`, and the status.
    struct Step: ResponseEncodable {
        var success = true
        var message: String
        var data: Data
        var status: Status

        struct Data: Encodable {
            var requestId: String
            /// Milliseconds the step took.
            var executionTime: Int
            var nextStep: Int
        }

        init(_ profile: UserProfile, message: String, nextStep: Int, requestId: String, elapsed: Duration) {
            self.message = message
            data = Data(requestId: requestId, executionTime: Int(elapsed.components.seconds * 1_000)
                + Int(elapsed.components.attoseconds / 1_000_000_000_000_000), nextStep: nextStep)
            status = Status(profile)
        }

        enum Keys: String, CodingKey { case success, message, data }

        func encode(to encoder: any Encoder) throws {
            try status.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(success, forKey: .success)
            try container.encode(message, forKey: .message)
            try container.encode(data, forKey: .data)
        }
    }

    /// `POST /api/onboarding/save-plan`: `{success: true}`, and the status.
    struct Saved: ResponseEncodable {
        var status: Status

        enum Keys: String, CodingKey { case success }

        func encode(to encoder: any Encoder) throws {
            try status.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(true, forKey: .success)
        }
    }

    /// `PATCH /api/onboarding/complete`.
    struct Completed: ResponseEncodable {
        var success = true
        var message = "Onboarding completed: your trial has started"
        var onboarding: Onboarding
        var trial: TrialSummary?
        var stripe: Stripe
        var emails: Emails

        struct Onboarding: Encodable {
            var step: OnboardingStep
            var completedAt: Date
        }

        struct Stripe: Encodable {
            var customerId: String?
            var subscriptionId: String?
            var checkoutSessionId: String?
            /// Offline ids (`cus_mock_…`): no Stripe was asked.
            var isMock: Bool
        }

        struct Emails: Encodable {
            var scheduled: Bool
            var results: [OnboardingCompletion.PlannedEmail]
        }

        init(_ completion: OnboardingCompletion, checkoutSessionId: String?) {
            let profile = completion.profile
            onboarding = Onboarding(step: profile.onboardingStep, completedAt: profile.updatedAt)
            trial = completion.trial
            stripe = Stripe(
                customerId: profile.stripeCustomerId, subscriptionId: profile.stripeSubscriptionId,
                checkoutSessionId: checkoutSessionId,
                isMock: profile.stripeCustomerId?.hasPrefix("cus_mock_") ?? true)
            emails = Emails(scheduled: !completion.emails.isEmpty, results: completion.emails)
        }
    }

    /// `GET /api/onboarding/complete`.
    struct CompletionState: ResponseEncodable {
        var onboarding: Onboarding
        var trial: Trial
        var stripe: Stripe

        struct Onboarding: Encodable {
            var step: OnboardingStep
            var isCompleted: Bool
        }

        struct Trial: Encodable {
            var status: TrialStatus?
            var startDate: Date?
            var endDate: Date?
            var hasTrialData: Bool
        }

        struct Stripe: Encodable {
            var customerId: String?
            var subscriptionId: String?
            var hasStripeData: Bool
        }

        init(_ profile: UserProfile) {
            onboarding = Onboarding(step: profile.onboardingStep, isCompleted: profile.onboardingStep == .completed)
            trial = Trial(status: profile.trialStatus, startDate: profile.trialStartDate, endDate: profile.trialEndDate,
                          hasTrialData: profile.trialStartDate != nil && profile.trialEndDate != nil)
            stripe = Stripe(customerId: profile.stripeCustomerId, subscriptionId: profile.stripeSubscriptionId,
                            hasStripeData: profile.stripeCustomerId != nil)
        }
    }
}
