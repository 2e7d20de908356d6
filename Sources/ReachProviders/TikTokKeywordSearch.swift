import Foundation
import ReachCore

/// A TikTok keyword search on ScrapeCreators: one `search/keyword` page per step, the cursor
/// advancing by the items received; a profile call for each new creator without a bio
/// (providers.md §2.1).
struct TikTokKeywordSearch {
    let calls: ProviderCalls

    func page(_ step: SearchStep) async throws -> SearchPage {
        try calls.requireKey(.scrapeCreators)
        let answer = try await calls.get(.scrapeCreators, "/v1/tiktok/search/keyword", query: [
            ("query", step.job.keywordList.joined(separator: " ")), ("cursor", String(step.cursor)), ("region", step.job.region),
        ])
        let list = try ShapeCheck.array(answer, "search_item_list", provider: .scrapeCreators)
        let awemes = list.map { $0["aweme_info"] ?? [:] }
        var seen = step.known
        let fresh = awemes.filter { aweme in
            let handle = Raw.text(aweme["author"]?["unique_id"]).lowercased()
            return !handle.isEmpty && seen.insert(handle).inserted
        }.prefix(step.room)
        let calls = self.calls
        let items = await SecondaryCalls.map(Array(fresh), limit: calls.settings.secondaryConcurrency) { aweme -> JSONValue? in
            guard TikTokKeywordMapping.needsProfile(aweme) else { return TikTokKeywordMapping.item(aweme) }
            let handle = Raw.text(aweme["author"]?["unique_id"])
            let profile = try? await calls.get(.scrapeCreators, "/v1/tiktok/profile", query: [("handle", handle), ("region", step.job.region)],
                                               role: .secondary)
            return TikTokKeywordMapping.item(aweme, profileBio: profile.map(TikTokKeywordMapping.profileBio))
        }
        // The platform repeated the cursor on an empty page, and ignored `has_more`: both end the search here.
        let more = answer["has_more"].map(Raw.truthy) ?? true
        let next = awemes.isEmpty || !more ? nil : step.cursor + list.count
        return SearchPage(items: items.compactMap { $0 }, nextCursor: next)
    }
}
