import Foundation
import GRDB

/// One page of creators, and the cursor of the next page (`nil` on the last).
public struct CreatorPage: Sendable {
    public var creators: [CreatorRow]
    public var nextCursor: String?
    /// How the text was matched: pass it to ``CreatorSearch/count(_:_:plan:)`` to count the same way.
    public var plan: CreatorSearch.Plan
}
