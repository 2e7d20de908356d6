import Foundation
import GRDB

/// A row of `user_profiles`: a Clerk user's profile, onboarding, trial, plan, billing and usage.
public struct UserProfile: ReachRecord, Identifiable, Hashable {
    public static let databaseTableName = "user_profiles"

    public var id: UUID
    /// The Clerk user id, e.g. `user_2abc`.
    public var userId: String
    public var name: String?
    public var companyName: String?
    public var industry: String?
    public var email: String?
    public var signupTimestamp: Date
    public var onboardingStep: OnboardingStep
    public var fullName: String?
    public var businessName: String?
    public var brandDescription: String?
    public var emailScheduleStatus: JSONValue?
    public var trialStartDate: Date?
    public var trialEndDate: Date?
    public var trialStatus: TrialStatus?
    public var currentPlan: PlanKey?
    public var intendedPlan: PlanKey?
    public var stripeCustomerId: String?
    public var stripeSubscriptionId: String?
    public var subscriptionStatus: SubscriptionStatus?
    public var paymentMethodId: String?
    public var cardLast4: String?
    public var cardBrand: String?
    public var cardExpMonth: Int?
    public var cardExpYear: Int?
    public var billingAddressCity: String?
    public var billingAddressCountry: String?
    public var billingAddressPostalCode: String?
    public var planCampaignsLimit: Int?
    public var planCreatorsLimit: Int?
    public var planFeatures: JSONValue?
    public var usageCampaignsCurrent: Int?
    public var usageCreatorsCurrentMonth: Int?
    public var usageResetDate: Date?
    public var lastWebhookEvent: String?
    public var lastWebhookTimestamp: Date?
    public var billingSyncStatus: String?
    public var trialConversionDate: Date?
    public var subscriptionCancelDate: Date?
    public var subscriptionRenewalDate: Date?
    public var isAdmin: Bool?
    public var createdAt: Date
    public var updatedAt: Date

    /// A new profile with the schema's defaults.
    public init(id: UUID = UUID(), userId: String, email: String? = nil, fullName: String? = nil, now: Date) {
        self.id = id
        self.userId = userId
        self.email = email
        self.fullName = fullName
        self.signupTimestamp = now
        self.onboardingStep = .pending
        self.emailScheduleStatus = .object([:])
        self.trialStatus = .pending
        self.currentPlan = .free
        self.subscriptionStatus = SubscriptionStatus.none
        self.usageCampaignsCurrent = 0
        self.usageCreatorsCurrentMonth = 0
        self.usageResetDate = now
        self.billingSyncStatus = "pending"
        self.isAdmin = false
        self.createdAt = now
        self.updatedAt = now
    }

    public enum Columns {
        public static let id = Column("id")
        public static let userId = Column("user_id")
        public static let email = Column("email")
        public static let fullName = Column("full_name")
        public static let trialStatus = Column("trial_status")
        public static let trialEndDate = Column("trial_end_date")
        public static let currentPlan = Column("current_plan")
        public static let stripeCustomerId = Column("stripe_customer_id")
        public static let stripeSubscriptionId = Column("stripe_subscription_id")
        public static let isAdmin = Column("is_admin")
        public static let createdAt = Column("created_at")
        public static let usageResetDate = Column("usage_reset_date")
    }
}
