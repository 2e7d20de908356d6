import Foundation
import GRDB
import ReachStore

/// An e-mail to send.
public struct EmailMessage: Sendable, Hashable {
    public var to: String
    public var subject: String
    public var body: String
    public var kind: String

    public init(to: String, subject: String, body: String, kind: String) {
        self.to = to
        self.subject = subject
        self.body = body
        self.kind = kind
    }
}
