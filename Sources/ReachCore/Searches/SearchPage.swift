import Foundation
import ReachStore

/// What one step of a search found: its creators in stored shape, where the next step starts, and
/// what it cost.
public struct SearchPage: Sendable, Hashable {
    public var items: [JSONValue]
    /// Where the next step starts; nil when the search is done (the provider has nothing more).
    public var nextCursor: Int?
    /// Primary provider calls made (a page, an actor run, a user search): `processed_runs` counts these.
    public var runs: Int
    /// Members to set in the job's `search_params` (a continuation token, a count of empty pages).
    public var searchParams: [String: JSONValue]
    /// The longest pause before the next page that the provider asks for: a provider answering
    /// from memory has no rate limit to respect, so the platform's continuation delays (30 s for
    /// reels) are cut to this, for show. Nil keeps the settings' delays (the live providers).
    public var continuationCap: TimeInterval?

    public init(items: [JSONValue], nextCursor: Int?, runs: Int = 1, searchParams: [String: JSONValue] = [:]) {
        self.items = items
        self.nextCursor = nextCursor
        self.runs = runs
        self.searchParams = searchParams
    }
}
