import Foundation
import ReachCore

/// One page of creators in the platform's shapes, and where the next page starts (`nil`: no more).
public struct ProviderPage: Sendable, Hashable {
    public var items: [JSONValue]
    public var nextCursor: Int?

    public init(items: [JSONValue], nextCursor: Int?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}
