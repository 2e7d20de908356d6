import Foundation
import GRDB
import ReachStore

/// Plan limits against usage: the platform's checks and their 403 body.
public enum Usage {
    /// Refuses a new campaign over the plan's campaign limit.
    public static func checkCampaigns(_ db: Database, profile: UserProfile) throws {
        try PaymentPastDue.check(db, profile: profile)
        let limits = try Plans.effectiveLimits(db, profile: profile)
        let current = profile.usageCampaignsCurrent ?? 0
        guard !limits.isUnlimitedCampaigns, current + 1 > limits.campaigns else { return }
        var details = PlanLimitExceeded(
            message: limits.campaigns == 0
                ? "Your plan does not include campaigns. Choose a plan to start."
                : "You have used \(current) of \(limits.campaigns) campaigns on your plan. Upgrade to create more.",
            currentUsage: current, limit: limits.campaigns,
            recommendedPlan: try Plans.recommendedPlan(db, above: profile.currentPlan ?? .free, needingCampaigns: current + 1))
        details.warningThreshold = warningPercentage
        throw ReachError.planLimitExceeded(details)
    }

    /// Refuses a search whose target would take creator usage past the plan's limit, counting
    /// what the user's searches still running may add (**fix**: the platform counted completed
    /// searches only, so thirty searches started at once could spend thirty months of creators).
    public static func checkCreators(_ db: Database, profile: UserProfile, adding target: Int) throws {
        try PaymentPastDue.check(db, profile: profile)
        let limits = try Plans.effectiveLimits(db, profile: profile)
        guard !limits.isUnlimitedCreators else { return }
        let used = profile.usageCreatorsCurrentMonth ?? 0
        let held = try UserProfile.creatorsHeldByRunningSearches(db, userId: profile.userId)
        let current = used + held
        guard current + target > limits.creators else { return }
        let counted = held > 0 ? "\(used) used, \(held) held by searches still running" : "\(used) used"
        throw ReachError.planLimitExceeded(PlanLimitExceeded(
            message: limits.creators == 0
                ? "Your plan does not include creator searches. Choose a plan to start."
                : "This search of \(target) creators would take you past \(limits.creators) creators this month "
                    + "(\(counted)). Upgrade for more.",
            currentUsage: current, limit: limits.creators,
            recommendedPlan: try Plans.recommendedPlan(db, above: profile.currentPlan ?? .free, creators: current + target)))
    }
}

extension Usage {
    /// Resets monthly creator usage for users whose month since their reset date has passed, and
    /// moves the reset date on by whole months (the platform only reset it on a paid invoice:
    /// **fix**). `usage_reset_date` is when the current period began. Resets at most `limit`
    /// (fewer means none is left) and returns how many.
    public static func resetDue(_ db: Database, now: Date, limit: Int = 500) throws -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let monthAgo = calendar.date(byAdding: .month, value: -1, to: now) else { return 0 }
        var count = 0
        for original in try UserProfile.fetchUsageResetDue(db, periodStartedBy: monthAgo, limit: limit).records {
            var profile = original
            var start = profile.usageResetDate ?? now
            while let next = calendar.date(byAdding: .month, value: 1, to: start), next <= now { start = next }
            profile.usageCreatorsCurrentMonth = 0
            profile.usageResetDate = start
            profile.updatedAt = now
            try profile.updateChanges(db, from: original)  // only the changed columns' indexes are written
            count += 1
        }
        return count
    }
}

extension Usage {
    /// The percentage of a limit above which the platform warns.
    public static let warningPercentage = 80

    /// The platform's warning above 80% of a limit.
    public static func warning(used: Int, limit: Int, noun: String) -> String? {
        guard limit > 0, used * 100 > limit * warningPercentage else { return nil }
        return "You have used \(used) of \(limit) \(noun) (\(used * 100 / limit)%). Consider upgrading."
    }
}
