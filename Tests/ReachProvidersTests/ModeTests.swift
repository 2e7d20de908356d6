import Foundation
import ReachCore
import ReachJobs
import ReachProviders
import Testing

/// Each of the six modes through a whole search, against the fake providers over HTTP: the
/// requests providers.md §2 describes, and the stored items its mapping tables give.
@Suite("Live providers: the six modes")
struct ModeTests {
    @Test("TikTok keyword: the cursor advances by the items received; a missing bio comes from the profile call")
    func tiktokKeyword() async throws {
        try await withFakeUpstream { base, log in
            let clock = ManualClock(start)
            let database = try searcherDatabase()
            let (job, items) = try await runSearch(database, provider: live(base, clock: TestProviderClock(clock)), clock: clock,
                                                   platform: .tiktok, keywords: ["fitness", "home workout"], target: 100)
            #expect(job.status == .completed && job.processedResults == 100)
            let pages = log.paths("/v1/tiktok/search/keyword")
            #expect(pages.map { $0.queryValue("cursor") } == ["0", "30", "60", "90"], "cursor += the items of each page")
            #expect(pages.allSatisfy { $0.query.map(\.name) == ["query", "cursor", "region"] && $0.queryValue("region") == "US" })
            #expect(pages.first?.url.contains("query=fitness%20home%20workout&") == true, "keywords joined by a space, encodeURIComponent")
            #expect(pages.allSatisfy { $0.headers["x-api-key"] == "test-key-scrapeCreators" })
            #expect(job.processedRuns == 4)

            let profiles = log.paths("/v1/tiktok/profile")
            #expect(!profiles.isEmpty && profiles.allSatisfy { $0.queryValue("region") == "US" })
            let fromProfile = items.filter { item in profiles.contains { $0.queryValue("handle") == item["creator"]?["uniqueId"]?.stringValue } }
            #expect(!fromProfile.isEmpty && fromProfile.allSatisfy { $0["creator"]?["bio"]?.stringValue?.isEmpty == false })
            #expect(profiles.count == Set(profiles.compactMap { $0.queryValue("handle") }).count, "one profile call per creator")
            let handles = items.compactMap { $0["creator"]?["uniqueId"]?.stringValue?.lowercased() }
            #expect(Set(handles).count == handles.count, "each creator once, across pages")

            let item = try #require(items.first)
            #expect(item["platform"] == "TikTok")
            for path in ["creator.name", "creator.uniqueId", "creator.avatarUrl", "creator.profilePicUrl", "creator.bio",
                         "video.description", "video.url"] {
                #expect(member(item, path)?.stringValue != nil, "\(path)")
            }
            for path in ["creator.followers", "video.statistics.likes", "video.statistics.comments", "video.statistics.views",
                         "video.statistics.shares"] {
                #expect(member(item, path)?.intValue != nil, "\(path)")
            }
            #expect(item["creator"]?["avatarUrl"] == item["creator"]?["profilePicUrl"])
            #expect(item["hashtags"]?.arrayValue?.allSatisfy { $0.stringValue?.hasPrefix("#") == false } == true, "no #")
            #expect(items.contains { $0["creator"]?["verified"] == true }, "custom_verify and verification_type count")
            let withEmail = items.filter { !($0["creator"]?["emails"]?.arrayValue?.isEmpty ?? true) }
            #expect(!withEmail.isEmpty && withEmail.allSatisfy { item in
                item["creator"]!["emails"]!.arrayValue!.allSatisfy { item["creator"]!["bio"]!.stringValue!.contains($0.stringValue!) }
            })
        }
    }

    @Test("YouTube keyword: page 2 carries page 1's continuationToken; one channel call per creator")
    func youtubeKeyword() async throws {
        try await withFakeUpstream { base, log in
            let clock = ManualClock(start)
            let (job, items) = try await runSearch(try searcherDatabase(), provider: live(base, clock: TestProviderClock(clock)),
                                                   clock: clock, platform: .youtube, keywords: ["apple", "technology"], target: 100)
            #expect(job.status == .completed && job.processedResults == 100)
            let pages = log.paths("/v1/youtube/search")
            #expect(pages.first?.url.hasSuffix("query=apple%2C+technology") == true, "form-encoded, joined by \", \"")
            #expect(pages.first?.queryValue("continuationToken") == nil && pages.dropFirst().first?.queryValue("continuationToken") == "page-1")
            #expect(job.searchParams?["continuationToken"]?.stringValue?.hasPrefix("page-") == true)
            let channels = log.paths("/v1/youtube/channel").compactMap { $0.queryValue("handle") }
            #expect(channels.count == Set(channels).count && channels.count >= items.count, "per creator, not per video")
            let item = try #require(items.first)
            #expect(item["platform"] == "YouTube" && item["creator"]?["verified"] == false && item["hashtags"] == [])
            #expect(item["keywords"] == ["apple", "technology"] && item["creator"]?["handle"]?.stringValue?.hasPrefix("@") == true)
            #expect(item["creator"]?["followers"]?.intValue.map { $0 > 0 } == true, "subscriberCount, rounded")
            #expect(items.allSatisfy { $0["creator"]?["followers"]?.intValue != nil }, "fractional counts become integers")
            #expect(items.contains { ($0["creator"]?["emails"]?.arrayValue ?? []).first?.stringValue?.hasSuffix("@studio.example") == true },
                    "the channel's own e-mail first")
            #expect(item["video"]?["statistics"]?["likes"] == 0 && item["lengthSeconds"]?.intValue != nil)
        }
    }

    @Test("Instagram reels: the keyword rotation and offsets, one scored clip per account, user calls, the filter")
    func reels() async throws {
        try await withFakeUpstream { base, log in
            let clock = ManualClock(start)
            let (job, items) = try await runSearch(try searcherDatabase(), provider: live(base, clock: TestProviderClock(clock)),
                                                   clock: clock, platform: .instagram, keywords: ["#airpods", "yoga mat"], target: 100)
            #expect(job.status == .completed && job.processedResults == 100)
            let pages = log.paths("/v2/search/reels")
            let rotation = ["airpods", "wireless earbuds", "apple earbuds", "yoga mat", "yoga", "yoga mat review", "yoga mat unboxing"]
            #expect(pages.enumerated().allSatisfy { index, page in
                page.queryValue("query") == rotation[index % rotation.count] && page.queryValue("offset") == String(index * 50)
                    && page.queryValue("count") == "50"
            }, "\(pages.map { ($0.queryValue("query") ?? "", $0.queryValue("offset") ?? "") })")
            #expect(pages.allSatisfy { $0.headers["x-rapidapi-host"] == "instagram-premium-api-2023.p.rapidapi.com" })
            #expect(!log.paths("/v2/user/by/id").isEmpty)
            let item = try #require(items.first)
            #expect(item["platform"] == "Instagram" && item["enhancementStatus"] == "completed" && item["postType"] != nil)
            #expect(item["video"]?["url"]?.stringValue?.hasPrefix("https://www.instagram.com/reel/") == true)
            #expect(item["ownerId"]?.intValue != nil && item["postId"]?.stringValue?.contains("_") == true)
            #expect(item["publishedTime"]?.stringValue?.hasSuffix("Z") == true)
            #expect(item["hashtags"]?.arrayValue?.allSatisfy { $0.stringValue?.hasPrefix("#") == true } == true, "# kept")
            #expect(items.allSatisfy { $0["creator"]?["qualityScore"]?.intValue != nil })
            #expect(items.allSatisfy { item in
                item["creator"]?["verified"] == true || (item["creator"]?["followers"]?.intValue ?? 0) >= 50
            }, "small accounts filtered out")
        }
    }

    @Test("TikTok similar: the target's profile, its keywords, user searches to the cap, the most followed public users")
    func tiktokSimilar() async throws {
        try await withFakeUpstream { base, log in
            let clock = ManualClock(start)
            let (job, items) = try await runSearch(try searcherDatabase(), provider: live(base, clock: TestProviderClock(clock)),
                                                   clock: clock, platform: .tiktok, username: " @GlowWithMaya ")
            #expect(job.status == .completed && job.progress == 100 && job.processedResults == 10)
            #expect(log.paths("/v1/tiktok/profile").first?.queryValue("handle") == "GlowWithMaya")
            let searches = log.paths("/v1/tiktok/search/users")
            #expect(searches.count == 1 && job.processedRuns == 1, "api_limits.max_api_calls_tiktok_similar is 1")
            #expect(searches.first?.queryValue("cursor") == "0")
            let followers = items.compactMap { $0["followerCount"]?.intValue }
            #expect(followers == followers.sorted(by: >), "most followed first")
            #expect(items.allSatisfy { $0["is_private"] == false && $0["username"]?.stringValue?.lowercased() != "glowwithmaya" })
            let item = try #require(items.first)
            #expect(item["profileUrl"]?.stringValue == "https://www.tiktok.com/@" + (item["username"]?.stringValue ?? ""))
            #expect(item["searchKeyword"]?.stringValue?.isEmpty == false && item["platform"] == "TikTok")
        }
    }

    @Test("YouTube similar: the channel's terms, one search each to the cap, channels grouped, the first ten detailed")
    func youtubeSimilar() async throws {
        try await withFakeUpstream { base, log in
            let clock = ManualClock(start)
            let (job, items) = try await runSearch(try searcherDatabase(), provider: live(base, clock: TestProviderClock(clock)),
                                                   clock: clock, platform: .youtube, username: "@techwithtom")
            #expect(job.status == .completed && !items.isEmpty)
            let searches = log.paths("/v1/youtube/search")
            #expect((1...5).contains(searches.count) && job.processedRuns == searches.count,
                    "one search per term, at most api_limits.max_api_calls_youtube_similar (5)")
            #expect(searches.allSatisfy { $0.queryValue("continuationToken") == nil && !$0.url.contains("+") }, "encodeURIComponent")
            #expect(log.paths("/v1/youtube/channel").count <= 11, "the target and at most ten channels")
            let item = try #require(items.first)
            #expect(item["profileUrl"]?.stringValue?.hasPrefix("https://www.youtube.com/@") == true)
            #expect(item["profileUrl"]?.stringValue?.contains("@@") == false)
            #expect(item["subscriberCount"]?.stringValue?.hasSuffix("subscribers") == true && item["followers_count"]?.intValue != nil)
            #expect(item["videos"]?.arrayValue?.isEmpty == false && item["platform"] == "YouTube")
        }
    }

    @Test("Instagram similar: an Apify run for the related profiles, one enhancement run, at most the target")
    func instagramSimilar() async throws {
        try await withFakeUpstream { base, log in
            let clock = ManualClock(start)
            let (job, items) = try await runSearch(try searcherDatabase(), provider: live(base, clock: TestProviderClock(clock)),
                                                   clock: clock, platform: .instagram, username: "https://instagram.com/yogawithana/?hl=en")
            #expect(job.status == .completed && job.processedResults == 20 && job.processedRuns == 2)
            let starts = log.paths("/v2/acts/")
            #expect(starts.count == 2 && starts.allSatisfy { $0.method == "POST" && $0.path == "/v2/acts/dSCLg0C3YEZ83HzYX/runs" })
            #expect(starts.allSatisfy { $0.queryValue("token") == "test-key-apify" })
            let first = try JSONValue(parsing: starts[0].body ?? [])
            #expect(first == ["usernames": ["yogawithana"], "resultsType": "details", "resultsLimit": 100, "searchType": "user",
                              "searchLimit": 1, "addParentData": false])
            let second = try JSONValue(parsing: starts[1].body ?? [])
            #expect(second["usernames"]?.arrayValue?.count == 10 && second["resultsLimit"] == 1)
            #expect(!log.paths("/v2/actor-runs/").isEmpty && log.paths("/v2/datasets/").allSatisfy { $0.queryValue("clean") == "true" })
            #expect(items.allSatisfy { $0["username"]?.stringValue?.lowercased() != "yogawithana" }, "the target excluded")
            #expect(items.prefix(10).allSatisfy { $0["followers_count"] != nil } && items.dropFirst(10).allSatisfy { $0["followers_count"] == nil })
            #expect(items.first?["video"]?["description"]?.stringValue?.hasPrefix("Instagram profile: @") == true)
        }
    }
}

/// The member at a dotted path.
func member(_ value: JSONValue, _ path: String) -> JSONValue? {
    path.split(separator: ".").reduce(Optional(value)) { current, key in current?[String(key)] }
}
