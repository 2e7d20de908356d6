import Foundation
import ReachCore
import ReachJobs
import ReachProviders
import Testing

@Suite("Offline provider")
struct OfflineTests {
    @Test("an offline search and a live search against the fake over HTTP store the same creators", arguments: [
        (Platform.tiktok, "keyword"), (.youtube, "keyword"), (.instagram, "keyword"), (.tiktok, "similar"), (.youtube, "similar"),
        (.instagram, "similar"),
    ])
    func sameCreators(_ platform: Platform, _ mode: String) async throws {
        let keywords = mode == "keyword" ? ["glow skin"] : nil
        let username = mode == "similar" ? "glowwithmaya" : nil
        try await withFakeUpstream { base, _ in
            let offlineClock = ManualClock(start)
            let offline = try await runSearch(
                try searcherDatabase(), provider: LiveProvider.offline(clock: ReachProviderClock(offlineClock, waits: false)),
                clock: offlineClock, platform: platform, keywords: keywords, username: username, target: mode == "keyword" ? 100 : nil)
            let liveClock = ManualClock(start)
            let live = try await runSearch(
                try searcherDatabase(), provider: live(base, clock: TestProviderClock(liveClock)), clock: liveClock,
                platform: platform, keywords: keywords, username: username, target: mode == "keyword" ? 100 : nil)
            #expect(offline.job.status == .completed && live.job.status == .completed)
            #expect(!offline.items.isEmpty && offline.items == live.items, "\(offline.items.count) vs \(live.items.count)")
        }
    }
}
