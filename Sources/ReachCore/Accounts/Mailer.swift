import Foundation
import GRDB
import ReachStore

/// Where e-mails go. Offline, an outbox of `.eml` files.
public protocol Mailer: Sendable {
    /// Sends `message`; returns its message id.
    func send(_ message: EmailMessage) async throws -> String
}
