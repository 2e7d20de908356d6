import Foundation
import ReachCore
import ReachJobs
import ReachProviders
import Testing

/// Provider failures end as providers.md §1 says, without a trap: retries with `Retry-After` or
/// backoff, refusals, malformed answers, empty pages, missing keys, the search's deadline.
@Suite("Live providers: failures")
struct FailureTests {
    @Test("429 with Retry-After: 1 is waited out, a 5xx retried; then the page is stored")
    func retried() async throws {
        try await withFakeUpstream(respond: { request, index in
            switch index {
            case 1: return .failure(429, "slow down", headers: ["Retry-After": "1"])
            case 2: return .failure(502, "bad gateway")
            default: return nil
            }
        }) { base, log in
            let clock = ManualClock(start)
            let providerClock = TestProviderClock(clock)
            let (job, _) = try await runSearch(try searcherDatabase(), provider: live(base, clock: providerClock), clock: clock,
                                               platform: .tiktok, keywords: ["yoga"], target: 100)
            #expect(job.status == .completed)
            #expect(providerClock.waits.first == .seconds(1), "Retry-After honoured: \(providerClock.waits)")
            #expect(providerClock.waits.count >= 2, "then backoff after the 502")
            #expect(log.paths("/v1/tiktok/search/keyword").prefix(3).allSatisfy { $0.queryValue("cursor") == "0" })
        }
    }

    @Test("a Retry-After past the cap (or absurd) fails the call at once, or falls back to backoff; never a trap",
          arguments: ["86400", "99999999999999999999999999", "1e300", "-1", "nan", "Fri, 31 Dec 9999 23:59:59 GMT"])
    func retryAfterExtremes(_ header: String) async throws {
        try await withFakeUpstream(respond: { request, _ in
            request.path == "/v1/tiktok/search/keyword" ? .failure(429, "slow down", headers: ["Retry-After": header]) : nil
        }) { base, _ in
            let clock = ManualClock(start)
            let providerClock = TestProviderClock(clock)
            let (job, items) = try await runSearch(try searcherDatabase(), provider: live(base, clock: providerClock), clock: clock,
                                                   platform: .tiktok, keywords: ["yoga"], target: 100)
            #expect(job.status == .error && items.isEmpty)
            #expect(providerClock.waits.allSatisfy { $0 <= .seconds(60) }, "\(providerClock.waits)")
            #expect(job.error?.hasPrefix("ScrapeCreators") == true, "\(job.error ?? "")")
        }
    }

    @Test("a 5xx that persists ends the search in error, the creators of earlier pages kept")
    func persistentFailure() async throws {
        try await withFakeUpstream(respond: { request, _ in
            request.path == "/v1/tiktok/search/keyword" && request.queryValue("cursor") == "30" ? .failure(503, "down") : nil
        }) { base, _ in
            let clock = ManualClock(start)
            let (job, items) = try await runSearch(try searcherDatabase(), provider: live(base, clock: TestProviderClock(clock)), clock: clock,
                                                   platform: .tiktok, keywords: ["yoga"], target: 100)
            #expect(job.status == .error && job.error == "ScrapeCreators 503 Service Unavailable")
            #expect(!items.isEmpty && items.count == job.processedResults, "page 1 kept")
        }
    }

    @Test("malformed JSON, a wrong shape, a refused key, an unknown target: errors that say so, nothing half-written")
    func refusals() async throws {
        let cases: [(status: Int, body: String, platform: Platform, username: String?, expected: String)] = [
            (200, "{not json", .tiktok, nil, "ScrapeCreators answered 200 with a body that is not JSON"),
            (200, #"{"search_item_list": "nope"}"#, .tiktok, nil, "ScrapeCreators answered `search_item_list` that is not a list"),
            (401, #"{"error":"bad key"}"#, .youtube, nil, "ScrapeCreators refused the key (401): check SCRAPECREATORS_API_KEY"),
            (403, #"{}"#, .instagram, nil, "RapidAPI refused the key (403): check RAPIDAPI_INSTAGRAM_KEY"),
        ]
        for entry in cases {
            try await withFakeUpstream(respond: { _, _ in
                ProviderHTTPResponse(status: entry.status, headers: ["content-type": "application/json"], body: Array(entry.body.utf8))
            }) { base, _ in
                let clock = ManualClock(start)
                let (job, items) = try await runSearch(try searcherDatabase(), provider: live(base, clock: TestProviderClock(clock)),
                                                       clock: clock, platform: entry.platform, keywords: ["yoga"], target: 100)
                #expect(job.status == .error && job.error == entry.expected, "\(job.error ?? "")")
                #expect(items.isEmpty && job.processedRuns == 0)
            }
        }
        try await withFakeUpstream { base, _ in
            let clock = ManualClock(start)
            let (job, _) = try await runSearch(try searcherDatabase(), provider: live(base, clock: TestProviderClock(clock)), clock: clock,
                                               platform: .tiktok, username: "nobody_here")
            #expect(job.status == .error && job.error == "TikTok account @nobody_here not found (ScrapeCreators 404)")
            let (channel, _) = try await runSearch(try searcherDatabase(), provider: live(base, clock: TestProviderClock(clock)),
                                                   clock: clock, platform: .youtube, username: "@nobodyatall")
            #expect(channel.error == "YouTube channel @nobodyatall not found (ScrapeCreators 404)")
            let (profile, _) = try await runSearch(try searcherDatabase(), provider: live(base, clock: TestProviderClock(clock)),
                                                   clock: clock, platform: .instagram, username: "nobody.there")
            #expect(profile.error == "Instagram profile not found")
            let (invalid, _) = try await runSearch(try searcherDatabase(), provider: live(base, clock: TestProviderClock(clock)),
                                                   clock: clock, platform: .instagram, username: "not*valid")
            #expect(invalid.error == "Invalid Instagram username")
        }
    }

    @Test("a missing key fails the search on its first page with the variable's name, no request made; other modes unaffected")
    func missingKey() async throws {
        try await withFakeUpstream { base, log in
            let clock = ManualClock(start)
            let provider = live(base, clock: TestProviderClock(clock), keys: [.scrapeCreators: "k", .apify: "k"])
            let (reels, _) = try await runSearch(try searcherDatabase(), provider: provider, clock: clock, platform: .instagram,
                                                 keywords: ["yoga"], target: 100)
            #expect(reels.status == .error && reels.error == "RAPIDAPI_INSTAGRAM_KEY is not set" && reels.completedAt != nil)
            #expect(log.paths("/v2/search").isEmpty, "no request made")
            let (tiktok, _) = try await runSearch(try searcherDatabase(), provider: provider, clock: clock, platform: .tiktok,
                                                  keywords: ["yoga"], target: 100)
            #expect(tiktok.status == .completed)
        }
    }

    @Test("an empty page ends a TikTok search (the platform repeated the cursor); a page that says has_more 0 too")
    func emptyPage() async throws {
        try await withFakeUpstream(respond: { request, _ in
            guard request.path == "/v1/tiktok/search/keyword", request.queryValue("cursor") == "60" else { return nil }
            return .json(["search_item_list": [], "has_more": 1])
        }) { base, log in
            let clock = ManualClock(start)
            let (job, items) = try await runSearch(try searcherDatabase(), provider: live(base, clock: TestProviderClock(clock)), clock: clock,
                                                   platform: .tiktok, keywords: ["yoga"], target: 1000)
            #expect(job.status == .completed && items.count == job.processedResults && job.processedRuns == 3)
            #expect(log.paths("/v1/tiktok/search/keyword").count == 3)
        }
    }

    @Test("past timeout_at no call is made and the search times out; a wait that would pass it ends it too")
    func deadline() async throws {
        try await withFakeUpstream(respond: { request, _ in
            request.path == "/v1/youtube/search" ? .failure(429, "slow down", headers: ["Retry-After": "50"]) : nil
        }) { base, log in
            let clock = ManualClock(start)
            let database = try searcherDatabase()
            try await database.writer.write { db in try Settings.set(db, .standardJobTimeout, value: "30s", now: start) }
            let (job, _) = try await runSearch(database, provider: live(base, clock: TestProviderClock(clock)), clock: clock,
                                               platform: .youtube, keywords: ["yoga"], target: 100)
            #expect(job.status == .timeout && job.error == "Search timed out")
            #expect(log.paths("/v1/youtube/search").count == 1, "the 50 s wait would pass timeout_at: no second call")
        }
    }

    @Test("integers stay exact (pk 9007199254740993), fractional followers are rounded, absent counts are 0")
    func numbers() throws {
        let media: JSONValue = try JSONValue(parsing: #"""
            {"id":"1_9007199254740993","code":"abc","like_count":10,"comment_count":2,"taken_at":1735689600,"media_type":2,
             "user":{"pk":9007199254740993,"id":"9007199254740993","username":"exact","is_verified":true,"is_private":false}}
            """#)
        let candidate = try #require(ReelsMapping.candidates([media], known: []).first)
        let profile: JSONValue = ["user": ["follower_count": 16399999.999999998, "biography": "Mail: Me.Too@Example.COM, again me.too@example.com"]]
        let item = try #require(ReelsMapping.item(candidate, profile: profile, now: start))
        #expect(item["ownerId"] == .int(9_007_199_254_740_993))
        #expect(item["creator"]?["followers"] == 16_400_000)
        #expect(item["creator"]?["emails"] == ["Me.Too@Example.COM", "me.too@example.com"], "case kept, only exact repeats dropped")
        let bare = try #require(TikTokKeywordMapping.item(["author": ["unique_id": "x", "custom_verify": "Verified"]]))
        #expect(bare["creator"]?["followers"] == 0 && bare["creator"]?["verified"] == true && bare["video"]?["url"] == "")
        #expect(bare["video"]?["description"] == "No description" && bare["creator"]?["name"] == "x")
        #expect(TikTokKeywordMapping.item(["author": ["nickname": "no handle"]]) == nil, "an item without unique_id is dropped")
    }
}
