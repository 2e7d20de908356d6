import Foundation
import ReachCore
import ReachExport

/// `psql` as a child process reading the script on its standard input.
enum PSQL {
    static func pipe(url: String, _ write: (FileSink) throws -> Void) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-X", url]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.standardError
        // psql's complaints go to a file, read once it exits: a pipe could fill while we write.
        let complaints = FileManager.default.temporaryDirectory.appendingPathComponent("reach-psql-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: complaints.path, contents: nil),
            let errors = try? FileHandle(forWritingTo: complaints)
        else { throw ReachError.unavailable("cannot write a temporary file in \(FileManager.default.temporaryDirectory.path)") }
        defer {
            try? errors.close()
            try? FileManager.default.removeItem(at: complaints)
        }
        process.standardError = errors
        // A psql that exits early (it cannot connect) closes the pipe: a write then fails instead of killing us.
        signal(SIGPIPE, SIG_IGN)
        do {
            try process.run()
        } catch {
            throw ReachError.unavailable("cannot run psql: install postgresql-client (\(error))")
        }
        var writeError: (any Error)?
        do {
            let sink = FileSink(input.fileHandleForWriting)
            try write(sink)
            try sink.flush()
        } catch {
            writeError = error
        }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let said = (try? String(contentsOf: complaints, encoding: .utf8)) ?? ""
            let line = said.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: " ")
            throw ReachError.unavailable("psql exited with status \(process.terminationStatus), nothing was committed: "
                + (line.isEmpty ? "it said nothing" : String(line.prefix(400))))
        }
        if let writeError { throw writeError }
    }

    /// The URL with its password hidden, for messages.
    static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? url
    }
}
