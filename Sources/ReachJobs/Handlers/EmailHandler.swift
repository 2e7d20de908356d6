import Foundation
import ReachCore
import ReachStore

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
        let profile = try await context.database.reader.read { db in try UserProfile.fetchOne(db, userId: userId) }
        guard let profile, Emails.status(profile, email) == .scheduled else { return ["skipped": true] }
        guard let address = profile.email, !address.isEmpty else {
            throw PermanentJobError("user \(userId) has no e-mail address")
        }
        let name = profile.fullName ?? profile.name ?? "there"
        let message = EmailMessage(to: address, subject: email.subject, body: email.body(name: name), kind: email.rawValue)
        do {
            let messageId = try await mailer.send(message)
            let now = context.clock.nowMilliseconds()
            try await context.database.writer.write { db in
                try Emails.markSent(db, userId: userId, email, messageId: messageId, now: now)
            }
            return ["messageId": .string(messageId)]
        } catch {
            if context.isLastAttempt {
                let now = context.clock.nowMilliseconds()
                try await context.database.writer.write { db in try Emails.markFailed(db, userId: userId, email, now: now) }
            }
            throw error
        }
    }
}

/// The offline mailer: each e-mail is an `.eml` file in a folder (by default beside the database).
public struct OutboxMailer: Mailer {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public func send(_ message: EmailMessage) async throws -> String {
        try PrivateFile.createDirectory(directory.path)
        let id = UUID().uuidString.lowercased()
        let messageId = "<\(id)@reach.local>"
        let date = Date()
        let text = """
            Message-ID: \(messageId)\r
            Date: \(date.formatted(.iso8601))\r
            From: Reach <no-reply@reach.local>\r
            To: \(message.to.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: ""))\r
            Subject: \(message.subject)\r
            X-Reach-Email: \(message.kind)\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            \(message.body.replacingOccurrences(of: "\n", with: "\r\n"))
            """
        let name = "\(WireFormat.timestamp(date).replacingOccurrences(of: ":", with: "-"))-\(message.kind)-\(id.prefix(8)).eml"
        try PrivateFile.writeNew(Data(text.utf8), to: directory.appendingPathComponent(name).path)
        return messageId
    }
}
