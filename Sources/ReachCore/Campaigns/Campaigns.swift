import Foundation
import GRDB
import ReachStore

/// Campaigns: a user's containers for searches.
///
/// ```swift
/// let campaign = try await app.campaigns.create(userId: "user_demo", name: "Spring launch", description: nil, searchType: .keyword)
/// ```
public struct Campaigns: Sendable {
    let context: AppContext

    public init(_ context: AppContext) {
        self.context = context
    }

    /// Creates a campaign after the plan's campaign check; usage goes up by one.
    public func create(userId: String, name: String, description: String?, searchType: SearchType) async throws -> Campaign {
        let now = context.now()
        return try await context.write { db in
            try Self.create(db, userId: userId, name: name, description: description, searchType: searchType, now: now)
        }
    }

    /// The name of the campaign that searches started from the command line without one go into.
    public static let commandLineName = "From the command line"

    /// The user's campaign of `searchType` named ``commandLineName``, made when there is none (a
    /// search belongs to a campaign, as in the API, so it shows on the dashboard); whether it was made.
    public func commandLine(userId: String, searchType: SearchType) async throws -> (campaign: Campaign, created: Bool) {
        let now = context.now()
        return try await context.write { db in
            if let existing = try Campaign.fetchNamed(db, userId: userId, name: Self.commandLineName, searchType: searchType) {
                return (existing, false)
            }
            let campaign = try Self.create(
                db, userId: userId, name: Self.commandLineName, description: "Searches started by `reach search start` without --campaign",
                searchType: searchType, now: now)
            return (campaign, true)
        }
    }

    /// A page of the user's campaigns, newest first (`page` from 1), each with its latest search,
    /// and how many there are.
    public func list(userId: String, page: Int, limit: Int) async throws -> List {
        try await context.read { db in
            let (campaigns, total) = try Campaign.fetchPage(db, userId: userId, page: page, limit: limit)
            return List(campaigns: campaigns, latestJobs: try ScrapingJob.fetchLatest(db, campaignIds: campaigns.map(\.id)),
                        total: total)
        }
    }

    public struct List: Sendable {
        public var campaigns: [Campaign]
        /// The newest search of each campaign that has one, by campaign id.
        public var latestJobs: [UUID: ScrapingJob]
        public var total: Int
    }

    /// The user's campaign with its searches and their results (anyone else's is not found).
    public func detail(id: UUID, userId: String) async throws -> CampaignDetail {
        try await context.read { db in
            _ = try Self.owned(db, id: id, userId: userId)
            guard let detail = try Campaign.fetchDetail(db, id: id) else { throw ReachError.notFound("campaign \(id.lowercased)") }
            return detail
        }
    }

    /// Changes name, description (`.some(nil)` clears it) or status.
    public func update(id: UUID, userId: String, name: String?, description: String??, status: CampaignStatus?) async throws -> Campaign {
        let now = context.now()
        return try await context.write { db in
            try Self.update(db, id: id, userId: userId, name: name, description: description, status: status, now: now)
        }
    }

    /// Whether the user may create another campaign, with the numbers behind the answer.
    public func allowance(userId: String) async throws -> Allowance {
        try await context.read { db in try Self.allowance(db, userId: userId) }
    }

    /// The dashboard's campaign list: the user's latest campaigns, what the plan allows, and usage.
    public func overview(userId: String, limit: Int = 100) async throws -> Overview {
        try await context.read { db in
            Overview(
                campaigns: try Campaign.fetchPage(db, userId: userId, page: 1, limit: limit).campaigns,
                allowance: try Self.allowance(db, userId: userId), usage: try AccountStatus.usage(db, userId: userId))
        }
    }

    public struct Overview: Sendable {
        public var campaigns: [Campaign]
        public var allowance: Allowance
        public var usage: AccountStatus.Usage
    }

    /// The dashboard's campaign page: the campaign, its searches, a page of its creators.
    public func page(id: UUID, userId: String, creators query: CreatorQuery) async throws -> Page {
        try await context.read { db in
            let campaign = try Self.owned(db, id: id, userId: userId)
            let jobs = try ScrapingJob.fetchAll(db, campaignId: id)
            let profile = try Onboarding.profile(db, userId)
            let creators = try CreatorSearch.search(db, query)
            return Page(
                campaign: campaign, jobs: jobs, creators: creators,
                creatorTotal: try CreatorSearch.count(db, query, plan: creators.plan),
                canExport: try Plans.effectiveLimits(db, profile: profile).exportFormats.contains("CSV"))
        }
    }

    public struct Page: Sendable {
        public var campaign: Campaign
        public var jobs: [ScrapingJob]
        public var creators: CreatorPage
        public var creatorTotal: Int
        public var canExport: Bool
    }

    /// Creates a campaign after the plan's campaign check; usage goes up by one.
    package static func create(
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
    package static func optionalText(_ value: String?, field: String) throws -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return try Onboarding.text(value, field: field, maximum: 5_000)
    }

    /// The user's campaign, or not found (anyone else's is not found too).
    package static func owned(_ db: Database, id: UUID, userId: String) throws -> Campaign {
        guard let campaign = try Campaign.fetchOne(db, id: id), campaign.userId == userId else {
            throw ReachError.notFound("campaign \(id.lowercased)")
        }
        return campaign
    }

    /// Changes name, description or status.
    package static func update(
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

    package static func allowance(_ db: Database, userId: String) throws -> Allowance {
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
