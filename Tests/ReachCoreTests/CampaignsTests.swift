import Foundation
import Testing
import ReachCore

@Suite("Campaigns service")
struct CampaignsTests {
    @Test("a campaign is created on a paid plan, counted in usage, and listed newest first")
    func create() async throws {
        let clock = ManualClock()
        let app = try await makeApp(clock: clock)
        try await onboardedUser(app)
        let first = try await app.campaigns.create(userId: "user_a", name: " Spring ", description: "  ", searchType: .keyword)
        clock.advance(by: 1)
        let second = try await app.campaigns.create(userId: "user_a", name: "Summer", description: "Beach", searchType: .similar)
        #expect(first.name == "Spring")
        #expect(first.description == nil, "blank is no value")
        #expect(first.status == .draft)
        #expect(first.createdAt == clock.now().addingTimeInterval(-1))
        let list = try await app.campaigns.list(userId: "user_a", page: 1, limit: 10)
        #expect(list.total == 2)
        #expect(list.campaigns.map(\.id) == [second.id, first.id])
        #expect(list.latestJobs.isEmpty)
        #expect(try await app.accounts.profile(userId: "user_a").usageCampaignsCurrent == 2)
    }

    @Test("the free plan allows no campaign; a plan's limit is refused with the plan to upgrade to")
    func limits() async throws {
        let app = try await makeApp()
        try await newUser(app, "user_free")
        guard case .planLimitExceeded(let free) = await reachError({
            try await app.campaigns.create(userId: "user_free", name: "A", description: nil, searchType: .keyword)
        }) else { Issue.record("free plan created a campaign"); return }
        #expect(free.limit == 0)
        #expect(try await app.campaigns.list(userId: "user_free", page: 1, limit: 10).total == 0)

        try await onboardedUser(app, "user_glow", plan: .glowUp)
        for index in 1...3 {
            _ = try await app.campaigns.create(userId: "user_glow", name: "C\(index)", description: nil, searchType: .keyword)
        }
        let allowance = try await app.campaigns.allowance(userId: "user_glow")
        #expect(!allowance.canCreate)
        #expect(allowance.limit == 3)
        guard case .planLimitExceeded(let details) = await reachError({
            try await app.campaigns.create(userId: "user_glow", name: "C4", description: nil, searchType: .keyword)
        }) else { Issue.record("a fourth campaign on glow_up"); return }
        #expect(details.currentUsage == 3)
        #expect(details.recommendedPlan == "viral_surge")
        #expect(try await app.accounts.profile(userId: "user_glow").usageCampaignsCurrent == 3, "unchanged by the refusal")
    }

    @Test("a blank or over-long name is refused and nothing is written")
    func invalidName() async throws {
        let app = try await makeApp()
        try await onboardedUser(app)
        for name in ["", "   ", String(repeating: "x", count: 300)] {
            guard case .invalid(let field, _) = await reachError({
                try await app.campaigns.create(userId: "user_a", name: name, description: nil, searchType: .keyword)
            }) else { Issue.record("name \(name.prefix(10)) accepted"); continue }
            #expect(field == "name")
        }
        #expect(try await app.campaigns.list(userId: "user_a", page: 1, limit: 10).total == 0)
        #expect(try await app.accounts.profile(userId: "user_a").usageCampaignsCurrent == 0)
    }

    @Test("another user's campaign is not found, to read or to change")
    func ownership() async throws {
        let app = try await makeApp()
        try await onboardedUser(app, "user_a")
        try await onboardedUser(app, "user_b")
        let campaign = try await app.campaigns.create(userId: "user_a", name: "Mine", description: nil, searchType: .keyword)
        guard case .notFound = await reachError({ try await app.campaigns.detail(id: campaign.id, userId: "user_b") }) else {
            Issue.record("user_b read user_a's campaign"); return
        }
        guard case .notFound = await reachError({
            try await app.campaigns.update(id: campaign.id, userId: "user_b", name: "Theirs", description: nil, status: nil)
        }) else { Issue.record("user_b renamed user_a's campaign"); return }
        #expect(try await app.campaigns.detail(id: campaign.id, userId: "user_a").campaign.name == "Mine")
    }

    @Test("an update changes what it names, clears a description with .some(nil), and moves updated_at")
    func update() async throws {
        let clock = ManualClock()
        let app = try await makeApp(clock: clock)
        try await onboardedUser(app)
        let campaign = try await app.campaigns.create(userId: "user_a", name: "A", description: "About A", searchType: .keyword)
        clock.advance(by: 60)
        let renamed = try await app.campaigns.update(id: campaign.id, userId: "user_a", name: "B", description: nil, status: .active)
        #expect(renamed.name == "B")
        #expect(renamed.description == "About A", "nil leaves the description")
        #expect(renamed.status == .active)
        #expect(renamed.updatedAt == clock.now())
        let cleared = try await app.campaigns.update(id: campaign.id, userId: "user_a", name: nil, description: .some(nil), status: nil)
        #expect(cleared.description == nil)
        #expect(cleared.name == "B")
    }
}
