import Foundation
import ReachCore

/// Sends a scheduled trial e-mail, unless it was cancelled or sent meanwhile.
public struct EmailHandler: JobHandler {
    public let jobType = Emails.jobType
    let mailer: any Mailer

    public init(mailer: any Mailer) {
        self.mailer = mailer
    }

    public func run(_ job: BackgroundJob, context: JobContext) async throws -> JSONValue? {
        guard let userId = job.payload["userId"]?.stringValue,
            let email = job.payload["email"]?.stringValue.flatMap(TrialEmail.init(rawValue:))
        else { throw PermanentJobError("payload needs userId and a known email") }
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
