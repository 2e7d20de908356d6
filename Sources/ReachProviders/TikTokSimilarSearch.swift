import Foundation
import ReachCore

/// A TikTok similar search on ScrapeCreators, in one pass: the target's profile, keywords from
/// it, user searches up to the cap, the most followed public users, and their profiles
/// (providers.md §2.4).
struct TikTokSimilarSearch {
    let calls: ProviderCalls
    let words: ProviderWordLists

    func run(_ step: SearchStep, hooks: StepHooks) async throws -> SearchPage {
        try calls.requireKey(.scrapeCreators)
        let target = Raw.handle(step.job.targetUsername ?? "").filter { !$0.isWhitespace }
        let profile = try await TargetLookup.get(
            calls, .scrapeCreators, "/v1/tiktok/profile", query: [("handle", target), ("region", step.job.region)],
            missing: "TikTok account @\(target) not found")
        await hooks.progress(20)
        let keywords = TikTokSimilarMapping.keywords(profile, stopWords: words.stopWordSet)
        guard !keywords.isEmpty else { throw ProviderError("No suitable keywords found", isTransient: false) }
        await hooks.progress(40)
        var found: [(user: JSONValue, keyword: String)] = []
        var searches = 0
        var successes = 0
        for keyword in keywords where successes < step.maxCalls {
            try await hooks.checkRunning()
            searches += 1
            // A failed search does not count toward the cap: the next keyword is tried.
            guard let answer = try? await calls.get(.scrapeCreators, "/v1/tiktok/search/users", query: [
                ("query", keyword), ("cursor", "0"), ("region", step.job.region),
            ]), let users = try? ShapeCheck.array(answer, "users", provider: .scrapeCreators) else { continue }
            successes += 1
            found += users.compactMap { $0["user_info"] }.filter { $0.objectValue != nil }.map { ($0, keyword) }
            await hooks.progress(40 + 60 * Double(successes) / Double(max(step.maxCalls, 1)))
        }
        let kept = TikTokSimilarMapping.kept(found.filter { !step.known.contains(Raw.text($0.user["unique_id"]).lowercased()) },
                                             target: target, limit: step.room)
        guard !kept.isEmpty else { throw ProviderError("No similar creators found after filtering", isTransient: false) }
        let calls = self.calls
        let items = await SecondaryCalls.map(kept, limit: calls.settings.secondaryConcurrency) { entry -> JSONValue in
            let handle = Raw.text(entry.user["unique_id"])
            let profile = try? await calls.get(.scrapeCreators, "/v1/tiktok/profile", query: [("handle", handle), ("region", step.job.region)],
                                               role: .secondary)
            return TikTokSimilarMapping.item(entry.user, keyword: entry.keyword,
                                             profileSignature: profile?["user"]?["signature"]?.stringValue)
        }
        return SearchPage(items: items, nextCursor: nil, runs: searches)
    }
}
