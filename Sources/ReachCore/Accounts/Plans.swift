import Foundation
import GRDB
import ReachStore

public enum Plans {
    /// The limits of `plan` from `subscription_plans`.
    public static func limits(_ db: Database, plan: PlanKey) throws -> PlanLimits {
        guard plan != .free, let row = try SubscriptionPlan.fetchOne(db, key: plan.rawValue) else { return .free }
        return PlanLimits(campaigns: row.campaignsLimit, creators: row.creatorsLimit, features: row.features ?? [:])
    }

    /// Puts `profile` on `plan`, copying the plan's limits and features onto it.
    public static func apply(_ db: Database, plan: PlanKey, to profile: inout UserProfile) throws {
        let limits = try limits(db, plan: plan)
        profile.currentPlan = plan
        profile.planCampaignsLimit = limits.campaigns
        profile.planCreatorsLimit = limits.creators
        profile.planFeatures = limits.features
    }

    /// The limits in force for `profile`: its plan's while the plan is paid for (subscription active
    /// or trialing), otherwise free's.
    public static func effectiveLimits(_ db: Database, profile: UserProfile) throws -> PlanLimits {
        let plan = profile.currentPlan ?? .free
        // Past due keeps its plan (``PaymentPastDue``): new spending is refused apart, with its own words.
        let paying = [.active, .trialing, .pastDue].contains(profile.subscriptionStatus)
        guard plan != .free, paying else { return .free }
        return try limits(db, plan: plan)
    }

    /// The smallest plan above `plan` whose limit would allow `needed`, for upgrade messages.
    public static func recommendedPlan(_ db: Database, above plan: PlanKey, needingCampaigns campaigns: Int? = nil,
                                       creators: Int? = nil) throws -> String? {
        let plans = try SubscriptionPlan.fetchAllOrdered(db, activeOnly: true)
        let currentOrder = plans.first { $0.planKey == plan.rawValue }?.sortOrder ?? 0
        return plans.first { candidate in
            (candidate.sortOrder ?? 0) > currentOrder
                && (campaigns.map { candidate.campaignsLimit < 0 || candidate.campaignsLimit >= $0 } ?? true)
                && (creators.map { candidate.creatorsLimit < 0 || candidate.creatorsLimit >= $0 } ?? true)
        }?.planKey ?? plans.last?.planKey
    }
}
