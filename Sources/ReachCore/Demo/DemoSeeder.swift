import Foundation
import GRDB
import ReachStore

/// Loads the demo: the fixture users and campaigns of `fixtures/demo.json`, then, per unit of
/// scale, 1,000 generated users and 100 campaigns with a completed 100-creator search each
/// (scale 100 ≈ 100,000 users and 1 million creators).
public struct DemoSeeder: Sendable {
    public let database: ReachDatabase
    public let clock: any ReachClock
    private let generator = CreatorGenerator()

    public init(database: ReachDatabase, clock: any ReachClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    public struct Summary: Sendable, Codable {
        public var users = 0
        public var campaigns = 0
        public var searches = 0
        public var creators = 0
        public var events = 0
    }

    /// Progress of a long seed: units done out of total.
    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
    }

    /// Whether the demo users are there already.
    public func isSeeded() throws -> Bool {
        try database.reader.read { db in try UserProfile.fetchOne(db, userId: "user_demo") != nil }
    }

    public func seed(scale: Int = 1, progress: (Progress) -> Void = { _ in }) throws -> Summary {
        guard (0...1_000).contains(scale) else {
            throw ReachError.invalid(field: "scale", reason: "use a whole number from 0 to 1000")
        }
        guard try !isSeeded() else {
            throw ReachError.conflict("the file already holds the demo (user_demo exists): `reach seed --demo --scale N` on it adds "
                + "N×1,000 generated users, or give --db another file")
        }
        let fixtures = try DemoFixtures.load()
        let now = clock.nowMilliseconds()
        var summary = Summary()
        let batches = scale * 10
        progress(Progress(done: 0, total: batches + 1))
        try database.writer.write { db in
            for user in fixtures.users {
                try insertFixtureUser(db, user, now: now, summary: &summary)
            }
            for campaign in fixtures.campaigns {
                try insertCampaign(db, campaign, now: now, summary: &summary)
            }
        }
        progress(Progress(done: 1, total: batches + 1))
        // Generated data in batches of 100 users and 10 campaigns, one transaction each.
        for batch in 0..<batches {
            try database.writer.write { db in
                try insertGeneratedBatch(db, batch: batch, now: now, summary: &summary)
            }
            progress(Progress(done: batch + 2, total: batches + 1))
        }
        return summary
    }

    /// Adds `scale` × 1,000 generated users (and their campaigns and searches) to a file that holds
    /// the demo, numbered after those it has; at most 1,000,000 generated users in all.
    public func addGenerated(scale: Int, progress: (Progress) -> Void = { _ in }) throws -> Summary {
        guard (1...1_000).contains(scale) else { throw ReachError.invalid(field: "scale", reason: "use a whole number from 1 to 1000") }
        let existing = try database.reader.read { db in try UserProfile.count(db, userIdPrefix: "user_gen_") }
        let first = (existing + 99) / 100
        guard first + scale * 10 <= 10_000 else {
            throw ReachError.invalid(field: "scale", reason: "the file has \(existing) generated users: at most 1,000,000 in all")
        }
        let now = clock.nowMilliseconds()
        var summary = Summary()
        for (done, batch) in (first..<(first + scale * 10)).enumerated() {
            try database.writer.write { db in try insertGeneratedBatch(db, batch: batch, now: now, summary: &summary) }
            progress(Progress(done: done + 1, total: scale * 10))
        }
        return summary
    }

    // MARK: - Fixture users

    private func insertFixtureUser(_ db: Database, _ user: DemoFixtures.User, now: Date, summary: inout Summary) throws {
        let signedUp = now.addingTimeInterval(-Double(user.signedUpDaysAgo ?? 0) * 86_400 - 3_600)
        var profile = UserProfile(userId: user.userId, email: user.email, fullName: user.fullName, now: signedUp)
        profile.name = user.name
        profile.businessName = user.businessName
        profile.companyName = user.companyName
        profile.industry = user.industry
        profile.brandDescription = user.brandDescription
        profile.onboardingStep = user.onboardingStep
        profile.trialStatus = user.trialStatus
        profile.subscriptionStatus = user.subscriptionStatus
        profile.intendedPlan = user.intendedPlan
        profile.isAdmin = user.isAdmin ?? false
        if let days = user.trialStartedDaysAgo, user.trialStatus != .pending {
            let start = now.addingTimeInterval(-Double(days) * 86_400 - 1_800)
            profile.trialStartDate = start
            profile.trialEndDate = start.addingTimeInterval(Trials.length)
            if user.trialStatus == .converted { profile.trialConversionDate = start.addingTimeInterval(5 * 86_400) }
        }
        if user.subscriptionStatus != SubscriptionStatus.none {
            profile.stripeCustomerId = "cus_mock_\(user.userId)"
            profile.stripeSubscriptionId = "sub_mock_\(user.userId)"
            profile.billingSyncStatus = "synced"
        }
        try Plans.apply(db, plan: user.currentPlan, to: &profile)
        try profile.insert(db)
        summary.users += 1
        try appendLifecycleEvents(db, profile: profile, summary: &summary)
    }

    /// The events such a user would have left: created, onboarding, trial.
    private func appendLifecycleEvents(_ db: Database, profile: UserProfile, summary: inout Summary) throws {
        var events: [(String, String, Date)] = [("user_created", "user", profile.createdAt)]
        if profile.onboardingStep != .pending {
            events.append(("onboarding_started", "onboarding", profile.createdAt.addingTimeInterval(60)))
        }
        if profile.onboardingStep == .completed {
            events.append(("onboarding_completed", "onboarding", profile.createdAt.addingTimeInterval(600)))
        }
        if let start = profile.trialStartDate {
            events.append(("trial_started", "trial", start))
        }
        if profile.trialStatus == .converted, let date = profile.trialConversionDate {
            events.append(("trial_converted", "trial", date))
        }
        if profile.trialStatus == .expired, let date = profile.trialEndDate {
            events.append(("trial_expired", "trial", date))
        }
        let correlation = "seed_\(profile.userId)"
        for (type, aggregate, date) in events {
            let source = type == "user_created" ? "clerk_webhook" : type.hasPrefix("trial") ? "system_automation" : "user_action"
            let event = Event(
                aggregateId: profile.userId, aggregateType: aggregate == "user" ? "user" : aggregate, eventType: type,
                eventData: ["userId": .string(profile.userId), "seeded": true],
                metadata: ["source": "reach seed --demo"],
                idempotencyKey: "\(source)_\(profile.userId)_\(type)", sourceSystem: source,
                correlationId: correlation, processingStatus: .processed, now: min(date, clock.nowMilliseconds()))
            if try Event.append(db, event).inserted { summary.events += 1 }
        }
    }

    // MARK: - Campaigns and completed searches

    private func insertCampaign(_ db: Database, _ fixture: DemoFixtures.Campaign, now: Date, summary: inout Summary) throws {
        let created = now.addingTimeInterval(-86_400 + Double(summary.campaigns) * 60)
        let campaign = Campaign(
            userId: fixture.userId, name: fixture.name, description: fixture.description,
            searchType: fixture.searchType, status: fixture.status, now: created)
        try campaign.insert(db)
        summary.campaigns += 1
        var found = 0
        for (offset, search) in fixture.searches.enumerated() {
            let request = SearchRequest(
                platform: search.platform, keywords: search.keywords, username: search.username,
                targetResults: search.target)
            found += try insertCompletedSearch(
                db, request: request, userId: fixture.userId, campaignId: campaign.id,
                startedAt: created.addingTimeInterval(Double(offset) * 300), summary: &summary)
        }
        try UserProfile.addCampaignUsage(db, userId: fixture.userId, count: 1)
        try UserProfile.addCreatorUsage(db, userId: fixture.userId, count: found)
    }

    /// A search as the scheduler leaves it once complete: its pages as results, counters at 100%.
    private func insertCompletedSearch(
        _ db: Database, request: SearchRequest, userId: String, campaignId: UUID?, startedAt: Date,
        summary: inout Summary
    ) throws -> Int {
        var job = ScrapingJob(
            userId: userId, campaignId: campaignId, platform: request.platform, keywords: request.keywords,
            targetUsername: request.username, targetResults: request.targetResults,
            timeoutAt: startedAt.addingTimeInterval(3_600), now: startedAt)
        job.status = .completed
        job.startedAt = startedAt.addingTimeInterval(1)
        try job.insert(db)
        let pageSize = CreatorGenerator.pageSize(
            platform: request.platform, searchType: request.searchType, query: request.query)
        var cursor = 0
        var runs = 0
        var pageTime = startedAt.addingTimeInterval(2)
        while cursor < request.targetResults {
            let count = min(pageSize, request.targetResults - cursor)
            let items = generator.page(
                platform: request.platform, searchType: request.searchType, query: request.query,
                cursor: cursor, count: count
            ).map { CreatorEnrichment.enrich($0, platform: request.platform) }
            try ScrapingResult(jobId: job.id, creators: items, cursor: cursor, now: pageTime).insert(db)
            cursor += count
            runs += 1
            pageTime = pageTime.addingTimeInterval(2)
        }
        job.processedRuns = runs
        job.processedResults = cursor
        job.cursor = cursor
        job.progress = 100
        job.completedAt = pageTime
        job.updatedAt = pageTime
        try job.update(db)
        summary.searches += 1
        summary.creators += cursor
        return cursor
    }

    // MARK: - Generated users

    private static let states: [(OnboardingStep, TrialStatus, SubscriptionStatus, PlanKey)] = [
        (.pending, .active, .none, .free),
        (.infoCaptured, .active, .none, .free),
        (.intentCaptured, .active, .none, .free),
        (.completed, .active, .trialing, .glowUp),
        (.completed, .active, .trialing, .viralSurge),
        (.completed, .expired, .canceled, .free),
        (.completed, .cancelled, .canceled, .free),
        (.completed, .converted, .active, .glowUp),
        (.completed, .converted, .active, .viralSurge),
        (.completed, .converted, .active, .fameFlex),
        (.completed, .converted, .pastDue, .glowUp),
    ]

    private func insertGeneratedBatch(_ db: Database, batch: Int, now: Date, summary: inout Summary) throws {
        let corpus = generator.corpus
        var searchers: [String] = []
        for index in (batch * 100)..<(batch * 100 + 100) {
            var random = SeededRandom("user|\(index)")
            let first = random.pick(corpus.firstNames)
            let last = random.pick(corpus.lastNames)
            let userId = "user_gen_\(index)"
            // Distinct sign-up times over the past year, newest for the highest index.
            let signedUp = now.addingTimeInterval(-Double(3_600 + (1_000_000 - index) * 31))
            let (step, trial, subscription, plan) = random.pick(Self.states)
            var profile = UserProfile(
                userId: userId,
                email: "\(CreatorGenerator.ascii(first).lowercased()).\(CreatorGenerator.ascii(last).lowercased())\(index)@"
                    + random.pick(corpus.emailDomains),
                fullName: step == .pending ? nil : "\(first) \(last)", now: signedUp)
            profile.name = first
            profile.onboardingStep = step
            if step != .pending {
                let niche = random.pick(corpus.niches)
                profile.businessName = "\(last) \(niche.keyword.capitalized) Co."
                profile.companyName = profile.businessName
                profile.industry = niche.keyword.capitalized
            }
            profile.trialStatus = trial
            profile.subscriptionStatus = subscription
            let trialStart = signedUp.addingTimeInterval(600)
            profile.trialStartDate = trialStart
            profile.trialEndDate = trialStart.addingTimeInterval(Trials.length)
            if subscription != SubscriptionStatus.none {
                profile.stripeCustomerId = "cus_mock_\(userId)"
                profile.stripeSubscriptionId = "sub_mock_\(userId)"
            }
            if plan != .free { profile.intendedPlan = plan }
            try Plans.apply(db, plan: plan, to: &profile)
            try profile.insert(db)
            summary.users += 1
            if subscription == .active || subscription == .trialing { searchers.append(userId) }
        }
        // Ten campaigns per batch, each with one completed 100-creator search.
        for offset in 0..<10 where !searchers.isEmpty {
            var random = SeededRandom("campaign|\(batch)|\(offset)")
            let userId = searchers[offset % searchers.count]
            let niche = random.pick(corpus.niches)
            let platform = random.pick(Platform.allCases)
            let similar = random.chance(0.2)
            let created = now.addingTimeInterval(-Double(batch * 10 + offset) * 600 - 7_200)
            let campaign = Campaign(
                userId: userId, name: "\(niche.keyword.capitalized) \(random.pick(["Launch", "Push", "Collab", "Season"]))",
                description: "Generated demo campaign", searchType: similar ? .similar : .keyword,
                status: random.pick([.active, .completed, .draft]), now: created)
            try campaign.insert(db)
            summary.campaigns += 1
            let request = SearchRequest(
                platform: platform, keywords: similar ? nil : [niche.keyword],
                username: similar ? random.pick(niche.words) + "_official" : nil, targetResults: 100)
            let found = try insertCompletedSearch(
                db, request: request, userId: userId, campaignId: campaign.id, startedAt: created, summary: &summary)
            try UserProfile.addCampaignUsage(db, userId: userId, count: 1)
            try UserProfile.addCreatorUsage(db, userId: userId, count: found)
        }
    }
}
