import Foundation
import ReachCore

/// Sends a scheduled trial e-mail, unless it was cancelled or sent meanwhile.
public struct EmailHandler: JobHandler {
    public typealias Kind = TrialEmailJob
    let mailer: any Mailer

    public init(mailer: any Mailer) {
        self.mailer = mailer
    }

    public func run(_ parameters: TrialEmailJob.Parameters, context: JobContext) async throws -> JSONValue? {
        let (userId, email) = (parameters.userId, parameters.email)
        let message: EmailMessage?
        do {
            message = try await context.accounts.emailToSend(userId: userId, email: email)
        } catch ReachError.conflict(let reason) {
            throw PermanentJobError(reason)
        }
        guard let message else { return ["skipped": true] }
        do {
            let messageId = try await mailer.send(message)
            try await context.accounts.recordEmail(userId: userId, email: email, sent: messageId)
            return ["messageId": .string(messageId)]
        } catch {
            if context.isLastAttempt { try await context.accounts.recordEmail(userId: userId, email: email, sent: nil) }
            throw error
        }
    }
}
