import Foundation
import ReachStore

/// What a search asks for: a platform, keywords or an account to find similar creators to, and
/// how many creators.
public struct SearchRequest: Sendable, Hashable {
    public var platform: Platform
    public var keywords: [String]?
    public var username: String?
    public var targetResults: Int

    public init(platform: Platform, keywords: [String]?, username: String?, targetResults: Int) {
        self.platform = platform
        self.keywords = keywords
        self.username = username
        self.targetResults = targetResults
    }

    public var searchType: SearchType { username == nil ? .keyword : .similar }

    /// The text the provider searches for: keywords joined by commas, or the username.
    public var query: String { username ?? (keywords ?? []).joined(separator: ",") }
}
