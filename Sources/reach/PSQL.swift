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
        do {
            try process.run()
        } catch {
            throw ReachError.unavailable("cannot run psql: install postgresql-client (\(error))")
        }
        do {
            let sink = FileSink(input.fileHandleForWriting)
            try write(sink)
            try sink.flush()
        } catch {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            throw error
        }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ReachError.unavailable("psql failed with status \(process.terminationStatus): nothing was committed")
        }
    }
}
