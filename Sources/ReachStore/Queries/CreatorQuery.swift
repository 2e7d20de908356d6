import Foundation
import GRDB

/// A search over the creators a user's searches found.
public struct CreatorQuery: Sendable, Hashable {
    /// Whose creators; `nil` searches every user's (for admins).
    public var userId: String?
    /// A substring of handle, name or bio, any case; empty matches all.
    public var text: String = ""
    public var platform: Platform?
    public var minFollowers: Int?
    public var maxFollowers: Int?
    public var verified: Bool?
    public var hasEmail: Bool?
    public var campaignId: UUID?
    public var sort: CreatorSort = .followers
    public var limit: Int = 50
    /// Where the previous page stopped: ``CreatorPage/nextCursor``.
    public var cursor: String?
    /// Rows to skip, without a cursor: the dashboard's numbered pages (a campaign's creators are few).
    public var offset: Int = 0

    public init(userId: String?) {
        self.userId = userId
    }
}
