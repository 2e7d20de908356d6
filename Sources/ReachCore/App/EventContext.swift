import Foundation
import GRDB
import ReachStore

/// Who asked for a change, carried onto the events it writes.
public struct EventContext: Sendable, Hashable {
    /// Ties together the events of one request or webhook.
    public var correlationId: String
    /// The event that caused this change, if any.
    public var causationId: String?
    public var source: String

    public init(correlationId: String = UUID().uuidString.lowercased(), causationId: String? = nil, source: String = "user_action") {
        self.correlationId = correlationId
        self.causationId = causationId
        self.source = source
    }
}
