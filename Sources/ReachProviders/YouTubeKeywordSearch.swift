import Foundation
import ReachCore

/// A YouTube keyword search on ScrapeCreators: one `youtube/search` page per step, the reply's
/// `continuationToken` kept in `search_params` and sent next; one channel call per new creator
/// with a handle (providers.md §2.2).
struct YouTubeKeywordSearch {
    let calls: ProviderCalls

    func page(_ step: SearchStep) async throws -> SearchPage {
        try calls.requireKey(.scrapeCreators)
        var query = [("query", step.job.keywordList.joined(separator: ", "))]
        if step.cursor > 0, let token = step.job.searchParams?["continuationToken"]?.stringValue, !token.isEmpty {
            query.append(("continuationToken", token))
        }
        let answer = try await calls.get(.scrapeCreators, "/v1/youtube/search", query: query, encoding: .form)
        let videos = try ShapeCheck.array(answer, "videos", provider: .scrapeCreators)
        var seen = step.known
        let fresh = videos.filter { video in
            guard video["channel"]?.objectValue != nil, let key = YouTubeKeywordMapping.identity(video) else { return false }
            return seen.insert(key).inserted
        }.prefix(step.room)
        let calls = self.calls
        let keywords = step.job.keywordList
        let items = await SecondaryCalls.map(Array(fresh), limit: calls.settings.secondaryConcurrency) { video -> JSONValue? in
            let handle = Raw.text(video["channel"]?["handle"])
            let details = handle.isEmpty ? nil
                : try? await calls.get(.scrapeCreators, "/v1/youtube/channel", query: [("handle", handle)], role: .secondary)
            return YouTubeKeywordMapping.item(video, channel: details, keywords: keywords)
        }
        let token = Raw.text(answer["continuationToken"])
        let next = videos.isEmpty || token.isEmpty ? nil : step.cursor + 1
        return SearchPage(items: items.compactMap { $0 }, nextCursor: next,
                          searchParams: token.isEmpty ? [:] : ["continuationToken": .string(token)])
    }
}
