import Foundation
import ReachCore

/// A YouTube similar search on ScrapeCreators, in one pass: the target channel, search terms from
/// its categories and content, one search per term up to the cap, the channels found, and the
/// first ten's channel details (providers.md §2.5).
struct YouTubeSimilarSearch {
    let calls: ProviderCalls
    let words: ProviderWordLists

    /// Channels kept from the searches, and how many get a channel call.
    static let channelLimit = 30
    static let detailLimit = 10

    func run(_ step: SearchStep, hooks: StepHooks) async throws -> SearchPage {
        try calls.requireKey(.scrapeCreators)
        let target = Raw.handle(step.job.targetUsername ?? "")
        let channel = try await TargetLookup.get(
            calls, .scrapeCreators, "/v1/youtube/channel", query: [("handle", target)], missing: "YouTube channel @\(target) not found")
        await hooks.progress(20)
        let terms = YouTubeSimilarMapping.terms(
            channel, categories: words.youtubeCategories, contentTypes: words.youtubeContentTypes, limit: min(10, step.maxCalls))
        await hooks.progress(40)
        var videos: [JSONValue] = []
        var searches = 0
        for term in terms {
            try await hooks.checkRunning()
            searches += 1
            if let answer = try? await calls.get(.scrapeCreators, "/v1/youtube/search", query: [("query", term)]),
                let found = try? ShapeCheck.array(answer, "videos", provider: .scrapeCreators)
            {
                videos += found
            }
            await hooks.progress(50 + 30 * Double(searches) / Double(max(terms.count, 1)))
        }
        let channels = YouTubeSimilarMapping.channels(
            videos, targetHandle: target, targetChannelId: Raw.id(channel["channelId"]), limit: Self.channelLimit
        ).filter { found in
            let handle = Raw.handle(Raw.text(found.channel["handle"])).lowercased()
            return !step.known.contains(handle.isEmpty ? Raw.id(found.channel["id"]).lowercased() : handle)
        }
        guard !channels.isEmpty else { throw ProviderError("No channels found in any search results", isTransient: false) }
        await hooks.progress(95)
        let withDetails = Set(channels.enumerated().filter { !Raw.text($0.element.channel["handle"]).isEmpty }
            .prefix(Self.detailLimit).map(\.offset))
        let calls = self.calls
        let items = await SecondaryCalls.map(Array(channels.enumerated()), limit: calls.settings.secondaryConcurrency) { entry -> JSONValue in
            guard withDetails.contains(entry.offset) else { return YouTubeSimilarMapping.item(entry.element, details: nil) }
            let details = try? await calls.get(.scrapeCreators, "/v1/youtube/channel",
                                               query: [("handle", Raw.text(entry.element.channel["handle"]))], role: .secondary)
            return YouTubeSimilarMapping.item(entry.element, details: details)
        }
        return SearchPage(items: items, nextCursor: nil, runs: searches)
    }
}
