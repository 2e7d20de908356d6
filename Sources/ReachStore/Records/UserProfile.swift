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

// Field by field: profiles are read on every authenticated request.
extension UserProfile {
    public init(row: Row) throws {
        id = row.uuid("id")
        userId = row["user_id"]
        name = row["name"]
        companyName = row["company_name"]
        industry = row["industry"]
        email = row["email"]
        signupTimestamp = row.date("signup_timestamp")
        onboardingStep = OnboardingStep(rawValue: row["onboarding_step"]) ?? .pending
        fullName = row["full_name"]
        businessName = row["business_name"]
        brandDescription = row["brand_description"]
        emailScheduleStatus = row["email_schedule_status"]
        trialStartDate = row.optionalDate("trial_start_date")
        trialEndDate = row.optionalDate("trial_end_date")
        trialStatus = (row["trial_status"] as String?).flatMap(TrialStatus.init(rawValue:))
        currentPlan = (row["current_plan"] as String?).flatMap(PlanKey.init(rawValue:))
        intendedPlan = (row["intended_plan"] as String?).flatMap(PlanKey.init(rawValue:))
        stripeCustomerId = row["stripe_customer_id"]
        stripeSubscriptionId = row["stripe_subscription_id"]
        subscriptionStatus = (row["subscription_status"] as String?).flatMap(SubscriptionStatus.init(rawValue:))
        paymentMethodId = row["payment_method_id"]
        cardLast4 = row["card_last_4"]
        cardBrand = row["card_brand"]
        cardExpMonth = row["card_exp_month"]
        cardExpYear = row["card_exp_year"]
        billingAddressCity = row["billing_address_city"]
        billingAddressCountry = row["billing_address_country"]
        billingAddressPostalCode = row["billing_address_postal_code"]
        planCampaignsLimit = row["plan_campaigns_limit"]
        planCreatorsLimit = row["plan_creators_limit"]
        planFeatures = row["plan_features"]
        usageCampaignsCurrent = row["usage_campaigns_current"]
        usageCreatorsCurrentMonth = row["usage_creators_current_month"]
        usageResetDate = row.optionalDate("usage_reset_date")
        lastWebhookEvent = row["last_webhook_event"]
        lastWebhookTimestamp = row.optionalDate("last_webhook_timestamp")
        billingSyncStatus = row["billing_sync_status"]
        trialConversionDate = row.optionalDate("trial_conversion_date")
        subscriptionCancelDate = row.optionalDate("subscription_cancel_date")
        subscriptionRenewalDate = row.optionalDate("subscription_renewal_date")
        isAdmin = row["is_admin"]
        createdAt = row.date("created_at")
        updatedAt = row.date("updated_at")
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id.lowercased
        container["user_id"] = userId
        container["name"] = name
        container["company_name"] = companyName
        container["industry"] = industry
        container["email"] = email
        container["signup_timestamp"] = signupTimestamp.databaseText
        container["onboarding_step"] = onboardingStep.rawValue
        container["full_name"] = fullName
        container["business_name"] = businessName
        container["brand_description"] = brandDescription
        container["email_schedule_status"] = emailScheduleStatus
        container["trial_start_date"] = trialStartDate?.databaseText
        container["trial_end_date"] = trialEndDate?.databaseText
        container["trial_status"] = trialStatus?.rawValue
        container["current_plan"] = currentPlan?.rawValue
        container["intended_plan"] = intendedPlan?.rawValue
        container["stripe_customer_id"] = stripeCustomerId
        container["stripe_subscription_id"] = stripeSubscriptionId
        container["subscription_status"] = subscriptionStatus?.rawValue
        container["payment_method_id"] = paymentMethodId
        container["card_last_4"] = cardLast4
        container["card_brand"] = cardBrand
        container["card_exp_month"] = cardExpMonth
        container["card_exp_year"] = cardExpYear
        container["billing_address_city"] = billingAddressCity
        container["billing_address_country"] = billingAddressCountry
        container["billing_address_postal_code"] = billingAddressPostalCode
        container["plan_campaigns_limit"] = planCampaignsLimit
        container["plan_creators_limit"] = planCreatorsLimit
        container["plan_features"] = planFeatures
        container["usage_campaigns_current"] = usageCampaignsCurrent
        container["usage_creators_current_month"] = usageCreatorsCurrentMonth
        container["usage_reset_date"] = usageResetDate?.databaseText
        container["last_webhook_event"] = lastWebhookEvent
        container["last_webhook_timestamp"] = lastWebhookTimestamp?.databaseText
        container["billing_sync_status"] = billingSyncStatus
        container["trial_conversion_date"] = trialConversionDate?.databaseText
        container["subscription_cancel_date"] = subscriptionCancelDate?.databaseText
        container["subscription_renewal_date"] = subscriptionRenewalDate?.databaseText
        container["is_admin"] = isAdmin
        container["created_at"] = createdAt.databaseText
        container["updated_at"] = updatedAt.databaseText
    }
}
