import Foundation
import GRDB
import ReachStore

/// Campaigns: a user's containers for searches.
public enum Campaigns {
    /// Creates a campaign after the plan's campaign check; usage goes up by one.
    public static func create(
        _ db: Database, userId: String, name: String, description: String?, searchType: SearchType, now: Date
    ) throws -> Campaign {
        guard let profile = try UserProfile.fetchOne(db, userId: userId) else { throw ReachError.notFound("profile of \(userId)") }
        try Usage.checkCampaigns(db, profile: profile)
        let campaign = Campaign(
            userId: userId, name: try Onboarding.text(name, field: "name"),
            description: try optionalText(description, field: "description"), searchType: searchType, now: now)
        try campaign.insert(db)
        try UserProfile.addCampaignUsage(db, userId: userId, count: 1)
        return campaign
    }

    /// Text that may be left blank: blank is no value.
    static func optionalText(_ value: String?, field: String) throws -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return try Onboarding.text(value, field: field, maximum: 5_000)
    }

    /// The user's campaign, or not found (anyone else's is not found too).
    public static func owned(_ db: Database, id: UUID, userId: String) throws -> Campaign {
        guard let campaign = try Campaign.fetchOne(db, id: id), campaign.userId == userId else {
            throw ReachError.notFound("campaign \(id.lowercased)")
        }
        return campaign
    }

    /// Changes name, description or status.
    public static func update(
        _ db: Database, id: UUID, userId: String, name: String?, description: String??, status: CampaignStatus?, now: Date
    ) throws -> Campaign {
        var campaign = try owned(db, id: id, userId: userId)
        if let name { campaign.name = try Onboarding.text(name, field: "name") }
        if let description { campaign.description = try optionalText(description, field: "description") }
        if let status { campaign.status = status }
        campaign.updatedAt = now
        try campaign.update(db)
        return campaign
    }

    /// Whether the user may create a campaign, with the numbers behind the answer.
    public struct Allowance: Codable, Sendable, Hashable {
        public var canCreate: Bool
        public var message: String
        public var currentUsage: Int
        /// -1 means unlimited.
        public var limit: Int
        public var usagePercentage: Int
        public var upgrade: Bool
        public var recommendedPlan: String?
        /// Set above 80% of the limit.
        public var warning: String?
    }

    public static func allowance(_ db: Database, userId: String) throws -> Allowance {
        guard let profile = try UserProfile.fetchOne(db, userId: userId) else { throw ReachError.notFound("profile of \(userId)") }
        let limits = try Plans.effectiveLimits(db, profile: profile)
        let current = profile.usageCampaignsCurrent ?? 0
        if limits.isUnlimitedCampaigns {
            return Allowance(canCreate: true, message: "Unlimited campaigns", currentUsage: current, limit: -1,
                             usagePercentage: 0, upgrade: false)
        }
        do {
            try Usage.checkCampaigns(db, profile: profile)
        } catch ReachError.planLimitExceeded(let details) {
            return Allowance(canCreate: false, message: details.message, currentUsage: current, limit: limits.campaigns,
                             usagePercentage: details.usagePercentage, upgrade: true, recommendedPlan: details.recommendedPlan)
        }
        let percentage = limits.campaigns > 0 ? current * 100 / limits.campaigns : 0
        return Allowance(
            canCreate: true, message: "You can create \(limits.campaigns - current) more campaigns", currentUsage: current,
            limit: limits.campaigns, usagePercentage: percentage, upgrade: false,
            warning: Usage.warning(used: current, limit: limits.campaigns, noun: "campaigns"))
    }
}
