import Foundation
import ReachCore

/// An Instagram similar search on Apify, in one pass: an actor run for the target's related
/// profiles, then one enhancement run for the first ten (providers.md §2.6).
struct InstagramSimilarSearch {
    let calls: ProviderCalls
    let actorId: String

    static let enhanced = 10

    func run(_ step: SearchStep, hooks: StepHooks) async throws -> SearchPage {
        try calls.requireKey(.apify)
        guard let username = InstagramSimilarMapping.username(step.job.targetUsername ?? "") else {
            throw ProviderError("Invalid Instagram username", isTransient: false)
        }
        let actor = ApifyRun(calls: calls, actorId: actorId)
        await hooks.progress(20)
        let targets = try await actor.items(InstagramSimilarMapping.input(usernames: [username], resultsLimit: 100), hooks: hooks)
        guard let target = targets.first else { throw ProviderError("Instagram profile not found", isTransient: false) }
        await hooks.progress(40)
        let related = InstagramSimilarMapping.related(target, username: username, known: step.known, limit: step.room)
        guard !related.isEmpty else { return SearchPage(items: [], nextCursor: nil, runs: 1) }
        await hooks.progress(50)
        let names = related.prefix(Self.enhanced).map { Raw.text($0["username"]) }
        var runs = 1
        var enhanced: [String: JSONValue] = [:]
        if step.maxCalls > 1 {
            runs += 1
            // A failed enhancement keeps the basic items.
            if let items = try? await actor.items(InstagramSimilarMapping.input(usernames: names, resultsLimit: 1), hooks: hooks) {
                for item in items {
                    let name = Raw.text(item["username"]).lowercased()
                    if !name.isEmpty, enhanced[name] == nil { enhanced[name] = item }
                }
            }
        }
        await hooks.progress(85)
        let items = related.map { InstagramSimilarMapping.item($0, enhanced: enhanced[Raw.text($0["username"]).lowercased()]) }
        return SearchPage(items: items, nextCursor: nil, runs: runs)
    }
}
