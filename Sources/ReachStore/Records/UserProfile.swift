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

// Field by field: profiles are read on every authenticated request; the admin search and the
// trial expiry read hundreds at a time, by position (``fetchAll(laidOut:arguments:)``).
extension UserProfile: FieldReadable {
    enum Field: Int {
        case id
        case userId
        case name
        case companyName
        case industry
        case email
        case signupTimestamp
        case onboardingStep
        case fullName
        case businessName
        case brandDescription
        case emailScheduleStatus
        case trialStartDate
        case trialEndDate
        case trialStatus
        case currentPlan
        case intendedPlan
        case stripeCustomerId
        case stripeSubscriptionId
        case subscriptionStatus
        case paymentMethodId
        case cardLast4
        case cardBrand
        case cardExpMonth
        case cardExpYear
        case billingAddressCity
        case billingAddressCountry
        case billingAddressPostalCode
        case planCampaignsLimit
        case planCreatorsLimit
        case planFeatures
        case usageCampaignsCurrent
        case usageCreatorsCurrentMonth
        case usageResetDate
        case lastWebhookEvent
        case lastWebhookTimestamp
        case billingSyncStatus
        case trialConversionDate
        case subscriptionCancelDate
        case subscriptionRenewalDate
        case isAdmin
        case createdAt
        case updatedAt
    }

    /// The columns, in `Field` order.
    static let columnNames = [
        "id", "user_id", "name", "company_name", "industry",
        "email", "signup_timestamp", "onboarding_step", "full_name", "business_name",
        "brand_description", "email_schedule_status", "trial_start_date", "trial_end_date", "trial_status",
        "current_plan", "intended_plan", "stripe_customer_id", "stripe_subscription_id", "subscription_status",
        "payment_method_id", "card_last_4", "card_brand", "card_exp_month", "card_exp_year",
        "billing_address_city", "billing_address_country", "billing_address_postal_code", "plan_campaigns_limit", "plan_creators_limit",
        "plan_features", "usage_campaigns_current", "usage_creators_current_month", "usage_reset_date", "last_webhook_event",
        "last_webhook_timestamp", "billing_sync_status", "trial_conversion_date", "subscription_cancel_date", "subscription_renewal_date",
        "is_admin", "created_at", "updated_at",
    ]

    public init(row: Row) throws {
        self.init(byName: row)
    }

    init(_ read: FieldReader) {
        id = read.uuid(Field.id.rawValue)
        userId = read.required(Field.userId.rawValue)
        name = read.value(Field.name.rawValue)
        companyName = read.value(Field.companyName.rawValue)
        industry = read.value(Field.industry.rawValue)
        email = read.value(Field.email.rawValue)
        signupTimestamp = read.date(Field.signupTimestamp.rawValue)
        onboardingStep = OnboardingStep(rawValue: read.required(Field.onboardingStep.rawValue) as String) ?? .pending
        fullName = read.value(Field.fullName.rawValue)
        businessName = read.value(Field.businessName.rawValue)
        brandDescription = read.value(Field.brandDescription.rawValue)
        emailScheduleStatus = read.value(Field.emailScheduleStatus.rawValue)
        trialStartDate = read.optionalDate(Field.trialStartDate.rawValue)
        trialEndDate = read.optionalDate(Field.trialEndDate.rawValue)
        trialStatus = (read.value(Field.trialStatus.rawValue) as String?).flatMap(TrialStatus.init(rawValue:))
        currentPlan = (read.value(Field.currentPlan.rawValue) as String?).flatMap(PlanKey.init(rawValue:))
        intendedPlan = (read.value(Field.intendedPlan.rawValue) as String?).flatMap(PlanKey.init(rawValue:))
        stripeCustomerId = read.value(Field.stripeCustomerId.rawValue)
        stripeSubscriptionId = read.value(Field.stripeSubscriptionId.rawValue)
        subscriptionStatus = (read.value(Field.subscriptionStatus.rawValue) as String?).flatMap(SubscriptionStatus.init(rawValue:))
        paymentMethodId = read.value(Field.paymentMethodId.rawValue)
        cardLast4 = read.value(Field.cardLast4.rawValue)
        cardBrand = read.value(Field.cardBrand.rawValue)
        cardExpMonth = read.value(Field.cardExpMonth.rawValue)
        cardExpYear = read.value(Field.cardExpYear.rawValue)
        billingAddressCity = read.value(Field.billingAddressCity.rawValue)
        billingAddressCountry = read.value(Field.billingAddressCountry.rawValue)
        billingAddressPostalCode = read.value(Field.billingAddressPostalCode.rawValue)
        planCampaignsLimit = read.value(Field.planCampaignsLimit.rawValue)
        planCreatorsLimit = read.value(Field.planCreatorsLimit.rawValue)
        planFeatures = read.value(Field.planFeatures.rawValue)
        usageCampaignsCurrent = read.value(Field.usageCampaignsCurrent.rawValue)
        usageCreatorsCurrentMonth = read.value(Field.usageCreatorsCurrentMonth.rawValue)
        usageResetDate = read.optionalDate(Field.usageResetDate.rawValue)
        lastWebhookEvent = read.value(Field.lastWebhookEvent.rawValue)
        lastWebhookTimestamp = read.optionalDate(Field.lastWebhookTimestamp.rawValue)
        billingSyncStatus = read.value(Field.billingSyncStatus.rawValue)
        trialConversionDate = read.optionalDate(Field.trialConversionDate.rawValue)
        subscriptionCancelDate = read.optionalDate(Field.subscriptionCancelDate.rawValue)
        subscriptionRenewalDate = read.optionalDate(Field.subscriptionRenewalDate.rawValue)
        isAdmin = read.value(Field.isAdmin.rawValue)
        createdAt = read.date(Field.createdAt.rawValue)
        updatedAt = read.date(Field.updatedAt.rawValue)
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
