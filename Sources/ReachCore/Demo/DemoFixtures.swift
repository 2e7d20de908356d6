import Foundation
import GRDB
import ReachStore

/// `fixtures/demo.json`.
struct DemoFixtures: Decodable {
    struct User: Decodable {
        var userId: String
        var email: String?
        var fullName: String?
        var name: String?
        var businessName: String?
        var companyName: String?
        var industry: String?
        var brandDescription: String?
        var onboardingStep: OnboardingStep
        var trialStatus: TrialStatus
        var subscriptionStatus: SubscriptionStatus
        var currentPlan: PlanKey
        var intendedPlan: PlanKey?
        var trialStartedDaysAgo: Int?
        var signedUpDaysAgo: Int?
        var isAdmin: Bool?
    }

    struct Search: Decodable {
        var platform: Platform
        var keywords: [String]?
        var username: String?
        var target: Int
    }

    struct Campaign: Decodable {
        var userId: String
        var name: String
        var description: String?
        var searchType: SearchType
        var status: CampaignStatus
        var searches: [Search]
    }

    var users: [User]
    var campaigns: [Campaign]

    static func load() throws -> DemoFixtures {
        try JSONDecoder().decode(DemoFixtures.self, from: Data(PackageResources.demo_json))
    }
}
