import Foundation
import ReachCore

/// `psql` as a child process: a script written to it (the export), a script's output read from it
/// (the import from a live database), or a query's rows.
public enum PSQL {
    /// Runs a script through psql, written by `write` to its standard input.
    public static func pipe(url: String, _ write: (FileSink) throws -> Void) async throws {
        let session = try Session(url: url, arguments: ["-q", "-v", "ON_ERROR_STOP=1", "-X"], readsOutput: false)
        var writeError: (any Error)?
        do {
            let sink = FileSink(session.input)
            try write(sink)
            try sink.flush()
        } catch {
            writeError = error
        }
        try session.finish(failure: "nothing was committed")
        if let writeError { throw writeError }
    }

    /// The rows of `sql`, each a list of fields (tab-separated, unaligned output).
    public static func query(url: String, _ sql: String) throws -> [[String]] {
        let session = try Session(url: url, arguments: ["-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1"], readsOutput: true)
        try session.input.write(contentsOf: Data(sql.utf8))
        try session.input.close()
        let output = try session.output?.readToEnd() ?? Data()
        try session.finish(failure: "the query failed")
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Starts `script`; its standard output is the session's `output`, read while psql writes it.
    public static func start(url: String, script: String) throws -> Session {
        let session = try Session(url: url, arguments: ["-X", "-q", "-v", "ON_ERROR_STOP=1"], readsOutput: true)
        try session.input.write(contentsOf: Data(script.utf8))
        try session.input.close()
        return session
    }

    /// The URL with its password hidden, for messages.
    public static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? url
    }

    /// One psql process; what it says on its standard error goes to a file, read once it exits (a
    /// pipe could fill while we write).
    public final class Session {
        let process = Process()
        let input: FileHandle
        /// What psql writes on its standard output, when it is read.
        public let output: FileHandle?
        private let complaints: URL
        private let errors: FileHandle

        init(url: String, arguments: [String], readsOutput: Bool) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["psql"] + arguments + [url]
            let inputPipe = Pipe()
            process.standardInput = inputPipe
            input = inputPipe.fileHandleForWriting
            if readsOutput {
                let outputPipe = Pipe()
                process.standardOutput = outputPipe
                output = outputPipe.fileHandleForReading
            } else {
                process.standardOutput = FileHandle.standardError
                output = nil
            }
            complaints = FileManager.default.temporaryDirectory.appendingPathComponent("reach-psql-\(UUID().uuidString).log")
            guard FileManager.default.createFile(atPath: complaints.path, contents: nil),
                let errors = try? FileHandle(forWritingTo: complaints)
            else { throw ReachError.unavailable("cannot write a temporary file in \(FileManager.default.temporaryDirectory.path)") }
            self.errors = errors
            process.standardError = errors
            // A psql that exits early (it cannot connect) closes the pipe: a write then fails instead of killing us.
            signal(SIGPIPE, SIG_IGN)
            do {
                try process.run()
            } catch {
                throw ReachError.unavailable("cannot run psql: install postgresql-client (\(error))")
            }
        }

        deinit {
            try? errors.close()
            try? FileManager.default.removeItem(at: complaints)
        }

        public func stop() {
            if process.isRunning { process.terminate() }
        }

        /// Waits for psql; its failure in one line.
        public func finish(failure: String) throws {
            try? input.close()
            process.waitUntilExit()
            guard process.terminationStatus == 0 || process.terminationReason == .uncaughtSignal else {
                let said = (try? String(contentsOf: complaints, encoding: .utf8)) ?? ""
                let line = said.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }.joined(separator: " ")
                throw ReachError.unavailable("psql exited with status \(process.terminationStatus), \(failure): "
                    + (line.isEmpty ? "it said nothing" : String(line.prefix(600))))
            }
        }
    }
}
