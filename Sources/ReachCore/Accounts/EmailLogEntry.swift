import Foundation
import ReachStore

/// A trial e-mail as the file records it: whom it is for, when it is due, whether and when it went.
public struct EmailLogEntry: Sendable, Hashable, Encodable {
    public var type: TrialEmail
    public var userId: String
    public var to: String?
    public var subject: String
    public var status: String
    public var dueAt: Date?
    /// When it was sent (status `sent`).
    public var sentAt: Date?
    public var messageId: String?
}
