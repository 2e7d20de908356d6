import Foundation
import ReachCore

/// An Instagram reels keyword search on RapidAPI: page n searches the n-th term of the keywords'
/// rotation at offset 50·n, picks and scores one clip per new account, and reads the best
/// accounts' followers and bio until the page's room is filled (providers.md §2.3).
struct ReelsSearch {
    let calls: ProviderCalls
    let words: ProviderWordLists

    /// Empty pages in a row that end the search.
    static let emptyPagesToStop = 3

    func page(_ step: SearchStep, now: Date) async throws -> SearchPage {
        try calls.requireKey(.rapidAPI)
        let rotation = ReelsMapping.rotation(step.job.keywordList, expansions: words.reelsExpansions)
        guard !rotation.isEmpty else { throw ProviderError("the search has no keywords", isTransient: false) }
        let run = step.job.processedRuns
        let answer = try await calls.get(.rapidAPI, "/v2/search/reels", query: [
            ("query", rotation[run % rotation.count]), ("offset", String(run * 50)), ("count", "50"),
        ])
        _ = try ShapeCheck.array(answer, "reels_serp_modules", provider: .rapidAPI)
        let clips = ReelsMapping.clips(answer)
        let candidates = ReelsMapping.candidates(clips, known: step.known)
        var items: [JSONValue] = []
        let calls = self.calls
        let batch = max(1, calls.settings.secondaryConcurrency)
        var start = 0
        // In score order, a batch of user calls at a time, until the page's room is filled.
        while start < candidates.count, items.count < step.room {
            let chunk = Array(candidates[start..<min(start + batch, candidates.count)])
            start += chunk.count
            items += await SecondaryCalls.map(chunk, limit: batch) { candidate -> JSONValue? in
                let profile = try? await calls.get(.rapidAPI, "/v2/user/by/id", query: [("id", candidate.userKey)], role: .secondary)
                return ReelsMapping.item(candidate, profile: profile, now: now)
            }.compactMap { $0 }
        }
        let emptyPages = clips.isEmpty ? Int(Raw.count(step.job.searchParams?["emptyPages"])) + 1 : 0
        let runs = run + 1
        let exhausted = clips.isEmpty
            && ((runs >= 3 * rotation.count && step.stored >= 50) || emptyPages >= Self.emptyPagesToStop)
        return SearchPage(items: Array(items.prefix(step.room)), nextCursor: exhausted ? nil : runs * 50,
                          searchParams: ["emptyPages": .int(Int64(emptyPages))])
    }
}
