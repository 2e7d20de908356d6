import Foundation
import ReachCore
import ReachStore
import Testing
@testable import ReachJobs

#if canImport(Glibc)
import Glibc
#endif

@Suite("Outbox")
struct OutboxTests {
    @Test("e-mails are files only their owner reads, in a folder only their owner enters, whatever the umask")
    func privateFiles() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reach-outbox-\(UUID())/nested")
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let previous = umask(0)
        defer { umask(previous) }
        let mailer = OutboxMailer(directory: directory)
        let sent = Date(timeIntervalSince1970: 1_796_680_329)  // a test clock's time, not the wall clock's
        let id = try await mailer.send(EmailMessage(to: "a@example.com", subject: "Hi", body: "Hello\n", kind: "welcome", date: sent))
        #expect(id.hasSuffix("@reach.local>"))
        var status = stat()
        #expect(stat(directory.path, &status) == 0 && status.st_mode & 0o777 == 0o700)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(files.count == 1)
        #expect(stat(directory.appendingPathComponent(files[0]).path, &status) == 0 && status.st_mode & 0o777 == 0o600)
        let text = try String(contentsOf: directory.appendingPathComponent(files[0]), encoding: .utf8)
        #expect(text.contains("To: a@example.com") && text.contains("Subject: Hi"))
        #expect(text.contains("Date: Mon, 07 Dec 2026 21:52:09 +0000\r\n"), "RFC 5322, at the message's own time")
    }
}
