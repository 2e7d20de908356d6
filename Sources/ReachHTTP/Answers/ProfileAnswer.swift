import Foundation
import Hummingbird
import ReachCore

/// `GET /api/profile`: the profile's own fields and `trialData` (null without a trial).
struct ProfileAnswer: ResponseEncodable {
    var view: ProfileView

    struct TrialData: Encodable {
        var trial: TrialSummary
        var stripeCustomerId: String?
        var stripeSubscriptionId: String?
        var subscriptionStatus: SubscriptionStatus?

        enum Keys: String, CodingKey { case stripeCustomerId, stripeSubscriptionId, subscriptionStatus }

        func encode(to encoder: any Encoder) throws {
            try trial.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(stripeCustomerId, forKey: .stripeCustomerId)
            try container.encode(stripeSubscriptionId, forKey: .stripeSubscriptionId)
            try container.encode(subscriptionStatus, forKey: .subscriptionStatus)
        }
    }

    enum Keys: String, CodingKey {
        case id, userId, name, companyName, industry, email, signupTimestamp, onboardingStep, fullName, businessName
        case brandDescription, emailScheduleStatus, trialData, createdAt, updatedAt
    }

    func encode(to encoder: any Encoder) throws {
        let profile = view.profile
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(profile.id, forKey: .id)
        try container.encode(profile.userId, forKey: .userId)
        try container.encode(profile.name, forKey: .name)
        try container.encode(profile.companyName, forKey: .companyName)
        try container.encode(profile.industry, forKey: .industry)
        try container.encode(profile.email, forKey: .email)
        try container.encode(profile.signupTimestamp, forKey: .signupTimestamp)
        try container.encode(profile.onboardingStep, forKey: .onboardingStep)
        try container.encode(profile.fullName, forKey: .fullName)
        try container.encode(profile.businessName, forKey: .businessName)
        try container.encode(profile.brandDescription, forKey: .brandDescription)
        try container.encode(profile.emailScheduleStatus, forKey: .emailScheduleStatus)
        try container.encode(view.trial.map {
            TrialData(trial: $0, stripeCustomerId: profile.stripeCustomerId, stripeSubscriptionId: profile.stripeSubscriptionId,
                      subscriptionStatus: profile.subscriptionStatus)
        }, forKey: .trialData)
        try container.encode(profile.createdAt, forKey: .createdAt)
        try container.encode(profile.updatedAt, forKey: .updatedAt)
    }
}
