import Foundation
import GRDB
import ReachStore
import Testing
@testable import ReachCore

@Suite("Configuration")
struct ConfigurationTests {
    static let now = Date(timeIntervalSince1970: 1_764_021_978.125)

    @Test("values are checked against their type", arguments: [
        ("timeouts.standard_job_timeout", "90s", true), ("timeouts.standard_job_timeout", "250ms", true),
        ("timeouts.standard_job_timeout", "2h", true), ("timeouts.standard_job_timeout", "5x", false),
        ("timeouts.standard_job_timeout", "s", false), ("timeouts.standard_job_timeout", "-5s", false),
        ("timeouts.standard_job_timeout", "1.5m", false), ("api_limits.max_api_calls_tiktok", "75", true),
        ("api_limits.max_api_calls_tiktok", "0.5", false), ("api_limits.max_api_calls_tiktok", "-1", false),
        ("api_limits.max_api_calls_tiktok", "1.5", false), ("api_limits.max_api_calls_tiktok", "0", false),
        ("api_limits.max_api_calls_tiktok", "100000000000000000000", false),
        ("job_processing.max_concurrent_jobs", "100000000000000000000", false),
        ("job_processing.max_concurrent_jobs", "257", false), ("job_processing.max_concurrent_jobs", "256", true),
        ("timeouts.standard_job_timeout", "999999999999h", false), ("timeouts.standard_job_timeout", "168h", true),
        ("timeouts.standard_job_timeout", "169h", false), ("qstash_delays.tiktok_continuation_delay", "0s", true),
        ("api_limits.max_api_calls_tiktok", "ten", false), ("api_limits.max_api_calls_tiktok", "1e3", false),
        ("api_limits.max_api_calls_tiktok", "", false), ("event_sourcing.enable_event_replay", "false", true),
        ("event_sourcing.enable_event_replay", "yes", false), ("event_sourcing.enable_event_replay", "TRUE", false),
    ])
    func validation(_ key: String, _ value: String, _ accepted: Bool) throws {
        let database = try ReachDatabase.temporary()
        let configKey = try ConfigKey(parsing: key)
        let attempt = { try database.writer.write { db in try Settings.set(db, configKey, value: value, now: Self.now) } }
        if accepted {
            try attempt()
            #expect(try database.reader.read { db in try Settings.row(db, configKey).value } == value)
        } else {
            let error = #expect(throws: ReachError.self) { try attempt() }
            #expect(error?.description.contains("value") == true)
            #expect(try database.reader.read { db in try Settings.row(db, configKey).value } != value, "unchanged")
        }
    }

    @Test("typed reads: durations in seconds, numbers, booleans; a deleted row falls back to its default")
    func typedReads() throws {
        let database = try ReachDatabase.temporary()
        try database.writer.write { db throws in
            #expect(try Settings.seconds(db, .standardJobTimeout) == 3_600)
            #expect(try Settings.seconds(db, .tiktokContinuationDelay) == 2)
            #expect(try Settings.number(db, .maxConcurrentJobs) == 10)
            #expect(try Settings.number(db, .maxAPICalls(.youtube, .similar)) == 5)
            #expect(try Settings.bool(db, ConfigKey("event_sourcing", "enable_event_replay")))
            try Settings.set(db, .maxConcurrentJobs, value: "3", now: Self.now)
            #expect(try Settings.number(db, .maxConcurrentJobs) == 3, "read fresh: no restart needed")
            try Settings.delete(db, .maxConcurrentJobs)
            #expect(try Settings.number(db, .maxConcurrentJobs) == 10)
            #expect(try Settings.insertMissingDefaults(db, now: Self.now) == 1)
            #expect(try Settings.insertMissingDefaults(db, now: Self.now) == 0)
        }
    }

    @Test("keys must be CATEGORY.KEY", arguments: ["nodot", ".key", "category.", ""])
    func badKeys(_ text: String) {
        #expect(throws: ReachError.self) { try ConfigKey(parsing: text) }
    }

    @Test("unknown settings are not found; new ones are created once")
    func createAndMissing() throws {
        let database = try ReachDatabase.temporary()
        try database.writer.write { db throws in
            #expect(throws: ReachError.self) { try Settings.set(db, ConfigKey("nope", "nothing"), value: "1", now: Self.now) }
            try Settings.create(db, ConfigKey("feature_flags", "dark_mode"), value: "true", type: .boolean,
                                description: nil, hotReloadable: true, now: Self.now)
            #expect(throws: ReachError.self) {
                try Settings.create(db, ConfigKey("feature_flags", "dark_mode"), value: "true", type: .boolean,
                                    description: nil, hotReloadable: true, now: Self.now)
            }
            #expect(throws: ReachError.self) {
                try Settings.create(db, ConfigKey("Bad Category", "x"), value: "1", type: .number,
                                    description: nil, hotReloadable: true, now: Self.now)
            }
        }
    }
}

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

    @Test("e-mails in bios are extracted into creator.emails")
    func enrichment() {
        let item: JSONValue = ["creator": ["bio": "Collabs: Maya.R+pr@Glow-Studio.co.uk. Also hi@x", "emails": ["a@b.co"]]]
        let enriched = CreatorEnrichment.enrich(item, platform: .tiktok)
        #expect(enriched["creator"]?["emails"] == ["a@b.co", "maya.r+pr@glow-studio.co.uk"])
        #expect(enriched["enhancementStatus"] == "completed")
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
            #expect(demo.currentPlan == .glowUp && demo.subscriptionStatus == .trialing && demo.trialStatus == .active)
            #expect(demo.planCampaignsLimit == 3 && demo.planCreatorsLimit == 1_000)
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
