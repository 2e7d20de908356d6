import Foundation
import ReachCore


/// One page to fetch: what a search asks for, at a cursor.
public struct ProviderRequest: Sendable, Hashable {
    public var platform: Platform
    public var searchType: SearchType
    /// Keywords joined by commas, or the account of a similar search.
    public var query: String
    public var cursor: Int

    public init(platform: Platform, searchType: SearchType, query: String, cursor: Int) {
        self.platform = platform
        self.searchType = searchType
        self.query = query
        self.cursor = cursor
    }
}

/// One page of creators in the platform's shapes, and where the next page starts (`nil`: no more).
public struct ProviderPage: Sendable, Hashable {
    public var items: [JSONValue]
    public var nextCursor: Int?

    public init(items: [JSONValue], nextCursor: Int?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

/// Where creators come from: the offline generator, or a ScrapeCreators-style HTTP API.
public protocol CreatorProvider: Sendable {
    func fetchPage(_ request: ProviderRequest) async throws -> ProviderPage
}

/// Why a provider call failed, in words for the job's `error`.
public struct ProviderError: Error, CustomStringConvertible, Sendable {
    public var description: String
    /// Whether trying again later may work (timeouts, 429, 5xx).
    public var isTransient: Bool

    public init(_ description: String, isTransient: Bool) {
        self.description = description
        self.isTransient = isTransient
    }
}
