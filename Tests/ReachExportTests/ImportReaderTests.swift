import Foundation
import GRDB
import ReachCore
import ReachStore
import Testing
@testable import ReachExport

/// The import refuses what Reach's readers and write path refuse, so that no imported row can
/// stop a reader later: each refusal names its line, and nothing is written.
@Suite("Import reads as the readers do")
struct ImportReaderTests {
    static let profile = "COPY user_profiles (id, user_id, plan_features) FROM stdin;\n00000000-0000-4000-8000-000000000001\tuser_x\t"
    static let deep = String(repeating: "[", count: 2_000) + String(repeating: "]", count: 2_000)

    /// (the script, the line, words the reason carries)
    static let refused: [(String, Int, String)] = [
        (profile + #"{"x": "\\ud800"}"# + "\n\\.\n", 2, "surrogate"),
        (profile + deep + "\n\\.\n", 2, "nested"),
        (profile + #"{"x": "a\\u0000b"}"# + "\n\\.\n", 2, "NUL"),
        ("COPY system_configurations (id, category, key, value, value_type) FROM stdin;\n"
            + "00000000-0000-4000-8000-000000000002\tjob_processing\tmax_concurrent_jobs\t100000000000000000000\tnumber\n\\.\n", 2,
         "max_concurrent_jobs"),
        ("COPY system_configurations (id, category, key, value, value_type) FROM stdin;\n"
            + "00000000-0000-4000-8000-000000000002\ttimeouts\tstandard_job_timeout\t999999999999h\tduration\n\\.\n", 2,
         "standard_job_timeout"),
        ("COPY system_configurations (id, category, key, value, value_type) FROM stdin;\n"
            + "00000000-0000-4000-8000-000000000002\tapi_limits\tmax_api_calls_tiktok\t1.5\tnumber\n\\.\n", 2, "whole number"),
    ]

    @Test("a row no reader could read is refused with its line, and the file is unchanged", arguments: refused.indices)
    func refusedRows(_ index: Int) throws {
        let (script, line, words) = Self.refused[index]
        let database = try ReachDatabase.temporary()
        let before = try export(database)
        let error = #expect(throws: Importer.Failure.self) { try importScript(script, into: database) }
        #expect(error?.line == line, "\(String(describing: error))")
        #expect(error?.description.contains(words) == true, "\(String(describing: error))")
        #expect(error?.description.contains("user_x") == false, "no row contents in the message")
        #expect(try export(database) == before)
    }

    @Test("a line longer than the bound is refused as soon as it passes the bound, holding no more than that")
    func longLine() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reach-long-\(UUID()).sql")
        defer { try? FileManager.default.removeItem(at: url) }
        let row = "COPY campaigns (id, user_id, name) FROM stdin;\n00000000-0000-4000-8000-000000000001\tu\t"
        try Data((row + String(repeating: "x", count: 3 << 20) + "\n\\.\n").utf8).write(to: url)
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let reader = DumpInput(handle, maximumLength: 1 << 20)
        #expect(try reader.nextLine()?.0 == 1)
        let error = #expect(throws: Importer.Failure.self) { _ = try reader.nextLine() }
        #expect(error?.line == 2 && error?.description.contains("longer than 1 MiB") == true)
        #expect(DumpInput.maximumLineLength == 64 << 20)
    }

    @Test("lines up to the bound, split across reads and ending in CRLF, come back whole")
    func linesAcrossChunks() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reach-lines-\(UUID()).sql")
        defer { try? FileManager.default.removeItem(at: url) }
        let lines = (0..<5).map { String(repeating: Character(UnicodeScalar(97 + $0)!), count: 700_000 * ($0 + 1)) }
        try Data(lines.joined(separator: "\r\n").utf8).write(to: url)
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let reader = DumpInput(handle)
        var read: [String] = []
        while let (_, line) = try reader.nextLine() { read.append(line) }
        #expect(read == lines)
    }

    @Test("numbers and timestamps of any size in a COPY line are refused with their line, never converted blindly")
    func extremeFields() throws {
        let extremes = ["1e300", "-1e300", "nan", "inf", "9223372036854775808", "18446744073709551616", "-0.0",
                        "123456789012345678901234567890", "2147483648", "", "1.5"]
        for value in extremes {
            for (column, kind) in [("processed_runs", "integer"), ("progress", "numeric"), ("created_at", "timestamp")] {
                let script = "COPY scraping_jobs (id, user_id, \(column)) FROM stdin;\n"
                    + "00000000-0000-4000-8000-000000000001\tuser_x\t\(value)\n\\.\n"
                let database = try ReachDatabase.temporary()
                do {
                    _ = try importScript(script, into: database)
                    // Accepted only when in range: then a reader reads it back.
                    let job = try database.reader.read { db in try ScrapingJob.fetchAll(db) }
                    #expect(job.count == 1, "\(kind) \(value)")
                } catch let error as Importer.Failure {
                    #expect(error.line == 2, "\(kind) \(value): \(error)")
                }
            }
        }
    }
}
