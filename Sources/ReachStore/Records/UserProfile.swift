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
    /// Left by the platform's migrations: its code no longer reads them, older rows still hold values.
    public var clerkCustomerId: String?
    public var clerkSubscriptionId: String?

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

    public enum Columns: String, RecordColumns {
        case id
        case userId = "user_id"
        case name
        case companyName = "company_name"
        case industry
        case email
        case signupTimestamp = "signup_timestamp"
        case onboardingStep = "onboarding_step"
        case fullName = "full_name"
        case businessName = "business_name"
        case brandDescription = "brand_description"
        case emailScheduleStatus = "email_schedule_status"
        case trialStartDate = "trial_start_date"
        case trialEndDate = "trial_end_date"
        case trialStatus = "trial_status"
        case currentPlan = "current_plan"
        case intendedPlan = "intended_plan"
        case stripeCustomerId = "stripe_customer_id"
        case stripeSubscriptionId = "stripe_subscription_id"
        case subscriptionStatus = "subscription_status"
        case paymentMethodId = "payment_method_id"
        case cardLast4 = "card_last_4"
        case cardBrand = "card_brand"
        case cardExpMonth = "card_exp_month"
        case cardExpYear = "card_exp_year"
        case billingAddressCity = "billing_address_city"
        case billingAddressCountry = "billing_address_country"
        case billingAddressPostalCode = "billing_address_postal_code"
        case planCampaignsLimit = "plan_campaigns_limit"
        case planCreatorsLimit = "plan_creators_limit"
        case planFeatures = "plan_features"
        case usageCampaignsCurrent = "usage_campaigns_current"
        case usageCreatorsCurrentMonth = "usage_creators_current_month"
        case usageResetDate = "usage_reset_date"
        case lastWebhookEvent = "last_webhook_event"
        case lastWebhookTimestamp = "last_webhook_timestamp"
        case billingSyncStatus = "billing_sync_status"
        case trialConversionDate = "trial_conversion_date"
        case subscriptionCancelDate = "subscription_cancel_date"
        case subscriptionRenewalDate = "subscription_renewal_date"
        case isAdmin = "is_admin"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case clerkCustomerId = "clerk_customer_id"
        case clerkSubscriptionId = "clerk_subscription_id"
    }
}

// Field by field: profiles are read on every authenticated request; the admin search and the
// trial expiry read hundreds at a time, by position (``fetchAll(laidOut:arguments:)``).
extension UserProfile {
    public init(_ row: RecordRow<Columns>) throws {
        id = try row.uuid(.id)
        userId = try row.required(.userId)
        name = try row.optional(.name)
        companyName = try row.optional(.companyName)
        industry = try row.optional(.industry)
        email = try row.optional(.email)
        signupTimestamp = try row.date(.signupTimestamp)
        onboardingStep = try row.enumeration(.onboardingStep)
        fullName = try row.optional(.fullName)
        businessName = try row.optional(.businessName)
        brandDescription = try row.optional(.brandDescription)
        emailScheduleStatus = try row.optionalJSON(.emailScheduleStatus)
        trialStartDate = try row.optionalDate(.trialStartDate)
        trialEndDate = try row.optionalDate(.trialEndDate)
        trialStatus = try row.optionalEnumeration(.trialStatus)
        currentPlan = try row.optionalEnumeration(.currentPlan)
        intendedPlan = try row.optionalEnumeration(.intendedPlan)
        stripeCustomerId = try row.optional(.stripeCustomerId)
        stripeSubscriptionId = try row.optional(.stripeSubscriptionId)
        subscriptionStatus = try row.optionalEnumeration(.subscriptionStatus)
        paymentMethodId = try row.optional(.paymentMethodId)
        cardLast4 = try row.optional(.cardLast4)
        cardBrand = try row.optional(.cardBrand)
        cardExpMonth = try row.optional(.cardExpMonth)
        cardExpYear = try row.optional(.cardExpYear)
        billingAddressCity = try row.optional(.billingAddressCity)
        billingAddressCountry = try row.optional(.billingAddressCountry)
        billingAddressPostalCode = try row.optional(.billingAddressPostalCode)
        planCampaignsLimit = try row.optional(.planCampaignsLimit)
        planCreatorsLimit = try row.optional(.planCreatorsLimit)
        planFeatures = try row.optionalJSON(.planFeatures)
        usageCampaignsCurrent = try row.optional(.usageCampaignsCurrent)
        usageCreatorsCurrentMonth = try row.optional(.usageCreatorsCurrentMonth)
        usageResetDate = try row.optionalDate(.usageResetDate)
        lastWebhookEvent = try row.optional(.lastWebhookEvent)
        lastWebhookTimestamp = try row.optionalDate(.lastWebhookTimestamp)
        billingSyncStatus = try row.optional(.billingSyncStatus)
        trialConversionDate = try row.optionalDate(.trialConversionDate)
        subscriptionCancelDate = try row.optionalDate(.subscriptionCancelDate)
        subscriptionRenewalDate = try row.optionalDate(.subscriptionRenewalDate)
        isAdmin = try row.optional(.isAdmin)
        createdAt = try row.date(.createdAt)
        updatedAt = try row.date(.updatedAt)
        clerkCustomerId = try row.optional(.clerkCustomerId)
        clerkSubscriptionId = try row.optional(.clerkSubscriptionId)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id.lowercased
        container[Columns.userId] = userId
        container[Columns.name] = name
        container[Columns.companyName] = companyName
        container[Columns.industry] = industry
        container[Columns.email] = email
        container[Columns.signupTimestamp] = signupTimestamp.databaseText
        container[Columns.onboardingStep] = onboardingStep.rawValue
        container[Columns.fullName] = fullName
        container[Columns.businessName] = businessName
        container[Columns.brandDescription] = brandDescription
        container[Columns.emailScheduleStatus] = emailScheduleStatus
        container[Columns.trialStartDate] = trialStartDate?.databaseText
        container[Columns.trialEndDate] = trialEndDate?.databaseText
        container[Columns.trialStatus] = trialStatus?.rawValue
        container[Columns.currentPlan] = currentPlan?.rawValue
        container[Columns.intendedPlan] = intendedPlan?.rawValue
        container[Columns.stripeCustomerId] = stripeCustomerId
        container[Columns.stripeSubscriptionId] = stripeSubscriptionId
        container[Columns.subscriptionStatus] = subscriptionStatus?.rawValue
        container[Columns.paymentMethodId] = paymentMethodId
        container[Columns.cardLast4] = cardLast4
        container[Columns.cardBrand] = cardBrand
        container[Columns.cardExpMonth] = cardExpMonth
        container[Columns.cardExpYear] = cardExpYear
        container[Columns.billingAddressCity] = billingAddressCity
        container[Columns.billingAddressCountry] = billingAddressCountry
        container[Columns.billingAddressPostalCode] = billingAddressPostalCode
        container[Columns.planCampaignsLimit] = planCampaignsLimit
        container[Columns.planCreatorsLimit] = planCreatorsLimit
        container[Columns.planFeatures] = planFeatures
        container[Columns.usageCampaignsCurrent] = usageCampaignsCurrent
        container[Columns.usageCreatorsCurrentMonth] = usageCreatorsCurrentMonth
        container[Columns.usageResetDate] = usageResetDate?.databaseText
        container[Columns.lastWebhookEvent] = lastWebhookEvent
        container[Columns.lastWebhookTimestamp] = lastWebhookTimestamp?.databaseText
        container[Columns.billingSyncStatus] = billingSyncStatus
        container[Columns.trialConversionDate] = trialConversionDate?.databaseText
        container[Columns.subscriptionCancelDate] = subscriptionCancelDate?.databaseText
        container[Columns.subscriptionRenewalDate] = subscriptionRenewalDate?.databaseText
        container[Columns.isAdmin] = isAdmin
        container[Columns.createdAt] = createdAt.databaseText
        container[Columns.updatedAt] = updatedAt.databaseText
        container[Columns.clerkCustomerId] = clerkCustomerId
        container[Columns.clerkSubscriptionId] = clerkSubscriptionId
    }
}
