import Foundation
import GRDB
import ReachStore

/// An e-mail to send.
public struct EmailMessage: Sendable, Hashable {
    public var to: String
    public var subject: String
    public var body: String
    public var kind: String
    /// When it is sent, by the application's clock (a test's moved clock too).
    public var date: Date

    public init(to: String, subject: String, body: String, kind: String, date: Date) {
        self.to = to
        self.subject = subject
        self.body = body
        self.kind = kind
        self.date = date
    }
}
