import Foundation
import Hummingbird
import ReachCore

/// The admin user search: the platform's snake_case row for each user (its admin pages read
/// `user_id`, `full_name`, …), beside the profile's own fields.
struct UserSearchAnswer: ResponseEncodable {
    var users: [Row]
    var query: String
    var count: Int
    var searchMethod = "database"
    /// The platform's `users-cached` variant says whether its cache answered: never, here.
    var cached: Bool?

    init(_ matches: [UserMatch], query: String, cached: Bool? = nil) {
        users = matches.map(Row.init)
        self.query = query
        count = matches.count
        self.cached = cached
    }

    struct Row: Encodable {
        var match: UserMatch

        enum Keys: String, CodingKey {
            case userId = "user_id", fullName = "full_name", businessName = "business_name"
            case trialStartDate = "trial_start_date", trialEndDate = "trial_end_date", trialStatus = "trial_status"
            case onboardingStep = "onboarding_step", stripeCustomerId = "stripe_customer_id"
            case computedTrialStatus = "computed_trial_status", timeRemaining = "time_remaining"
        }

        func encode(to encoder: any Encoder) throws {
            let profile = match.profile
            try profile.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(profile.userId, forKey: .userId)
            try container.encode(profile.fullName, forKey: .fullName)
            try container.encode(profile.businessName, forKey: .businessName)
            try container.encode(profile.trialStartDate, forKey: .trialStartDate)
            try container.encode(profile.trialEndDate, forKey: .trialEndDate)
            try container.encode(profile.trialStatus, forKey: .trialStatus)
            try container.encode(profile.onboardingStep, forKey: .onboardingStep)
            try container.encode(profile.stripeCustomerId, forKey: .stripeCustomerId)
            try container.encode(match.computedTrialStatus, forKey: .computedTrialStatus)
            try container.encode(match.timeRemaining, forKey: .timeRemaining)
        }
    }
}
