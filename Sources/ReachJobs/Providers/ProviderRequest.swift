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
