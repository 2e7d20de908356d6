import Foundation
import GRDB
import ReachStore
import Testing
@testable import ReachCore

@Suite("Creators and the demo")
struct GeneratorTests {
    @Test("pages are deterministic, in each platform's shape and page size")
    func shapes() throws {
        let generator = CreatorGenerator()
        for platform in Platform.allCases {
            let size = CreatorGenerator.pageSize(platform: platform, searchType: .keyword, query: "fitness")
            let page = generator.page(platform: platform, searchType: .keyword, query: "fitness", cursor: 0, count: size)
            #expect(page == generator.page(platform: platform, searchType: .keyword, query: "fitness", cursor: 0, count: size))
            #expect(page != generator.page(platform: platform, searchType: .keyword, query: "fitness", cursor: size, count: size))
            let item = try #require(page.first)
            #expect(item["creator"]?["uniqueId"]?.stringValue?.isEmpty == false)
            #expect(item["creator"]?["followers"]?.intValue != nil)
            #expect(item["video"]?["statistics"]?["views"]?.intValue != nil)
            #expect(item["platform"]?.stringValue == platform.rawValue)
            switch platform {
            case .youtube: #expect(item["creator"]?["channelId"] != nil && item["creator"]?["handle"] != nil)
            case .instagram: #expect(item["shortCode"] != nil && item["postId"] != nil)
            case .tiktok: #expect(item["shortCode"] == nil)
            }
            let similar = generator.page(platform: platform, searchType: .similar, query: "maya", cursor: 0, count: 5)
            #expect(similar.allSatisfy { $0["username"] != nil && $0["full_name"] != nil && $0["is_verified"] != nil })
        }
        #expect(CreatorGenerator.pageSize(platform: .tiktok, searchType: .keyword, query: "x") == 30)
        #expect(CreatorGenerator.pageSize(platform: .youtube, searchType: .keyword, query: "x") == 20)
        #expect(CreatorGenerator.pageSize(platform: .instagram, searchType: .keyword, query: "x") == 12)
        #expect((10...20).contains(CreatorGenerator.pageSize(platform: .tiktok, searchType: .similar, query: "maya")))
    }

    @Test("e-mails in bios are extracted into creator.emails, by the platform's pattern")
    func enrichment() {
        let item: JSONValue = ["creator": ["bio": "Collabs: Maya.R+pr@Glow-Studio.co.uk. Also hi@x", "emails": ["a@b.co"]]]
        let enriched = CreatorEnrichment.enrich(item, platform: .tiktok)
        // The platform's `[\w.-]+@[\w.-]+\.\w+`: `+` is not in it, so the match starts after it; case kept.
        #expect(enriched["creator"]?["emails"] == ["a@b.co", "pr@Glow-Studio.co.uk"])
        #expect(enriched["platform"] == "TikTok")
        let flat = CreatorEnrichment.enrich(["bio": "📩 theo@fit.io", "username": "theo"], platform: .instagram)
        #expect(flat["emails"] == ["theo@fit.io"])
        #expect(EmailExtractor.emails(in: "no email @ here, not@tld, @start, end@") == [])
    }

    @Test("the demo seeds fixture users in every state, campaigns and searchable creators")
    func demo() throws {
        let database = try ReachDatabase.temporary()
        let clock = ManualClock(Date(timeIntervalSince1970: 1_764_021_978.125))
        let summary = try DemoSeeder(database: database, clock: clock).seed(scale: 1)
        #expect(summary.users == 1_009 && summary.campaigns == 103)
        #expect(summary.creators > 10_000)
        try database.reader.read { db throws in
            let demo = try #require(try UserProfile.fetchOne(db, userId: "user_demo"))
            // Room to demo: a plan whose limits the README's flow and several searches stay well inside.
            #expect(demo.currentPlan == .viralSurge && demo.subscriptionStatus == .trialing && demo.trialStatus == .active)
            #expect(demo.planCampaignsLimit == 10 && demo.planCreatorsLimit == 10_000)
            #expect(demo.usageCampaignsCurrent == 2 && demo.usageCreatorsCurrentMonth == 380)
            #expect(try UserProfile.fetchOne(db, userId: "user_admin")?.isAdmin == true)
            let steps = Set(try String.fetchAll(db, sql: "SELECT DISTINCT onboarding_step FROM user_profiles"))
            #expect(steps == Set(OnboardingStep.allCases.map(\.rawValue)))
            let trials = Set(try String.fetchAll(db, sql: "SELECT DISTINCT trial_status FROM user_profiles"))
            #expect(trials == Set(TrialStatus.allCases.map(\.rawValue)).subtracting(["pending"]))
            let platforms = Set(try String.fetchAll(db, sql: "SELECT DISTINCT platform FROM scraping_jobs WHERE user_id = 'user_demo'"))
            #expect(platforms == ["TikTok", "Instagram", "YouTube"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM scraping_jobs WHERE status <> 'completed'") == 0)
            var query = CreatorQuery(userId: "user_demo")
            query.hasEmail = true
            #expect(try CreatorSearch.count(db, query) > 10, "some bios carry e-mail addresses")
            query = CreatorQuery(userId: "user_demo")
            #expect(try CreatorSearch.count(db, query) > 300)
            let followers = try Int.fetchAll(db, sql: "SELECT followers FROM reach_creators")
            #expect(followers.min()! < 1_000 && followers.max()! > 1_000_000, "hundreds to millions")
        }
        #expect(throws: ReachError.self, "seeding twice is refused") { try DemoSeeder(database: database).seed() }
        #expect(try database.doctor().isHealthy)
    }
}
