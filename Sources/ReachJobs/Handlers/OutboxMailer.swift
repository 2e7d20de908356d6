import Foundation
import ReachCore

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
        let date = message.date
        let text = """
            Message-ID: \(messageId)\r
            Date: \(WireFormat.rfc5322(date))\r
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
