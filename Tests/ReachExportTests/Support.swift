import Foundation
import GRDB
import ReachCore
import ReachStore
import Testing
@testable import ReachExport

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Collects a script in memory.
final class StringSink: ScriptSink {
    var text = ""
    func write(_ text: String) throws { self.text += text }
    func flush() throws {}
}

func export(_ database: ReachDatabase, _ part: Exporter.Part = .all) throws -> String {
    let sink = StringSink()
    try Exporter(part: part).export(database, to: sink)
    return sink.text
}

func importScript(_ text: String, into database: ReachDatabase, force: Bool = false) throws -> Importer.Report {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("reach-import-\(UUID()).sql")
    try Data(text.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return try Importer(force: force).importFile(url.path, into: database)
}

/// A throwaway PostgreSQL 15 through `Scripts/with-postgres`.
enum Postgres {
    /// Whether PostgreSQL 15's server binaries are here; under CI=true their absence fails the tests instead.
    static let available: Bool = {
        if ProcessInfo.processInfo.environment["CI"] == "true" { return true }
        return FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/15/bin/initdb")
    }()

    static let skipReason: Comment = "PostgreSQL 15 binaries are missing (apt-get install postgresql-15): skipped"

    /// Runs `script` (bash) with DATABASE_URL set, on a fresh cluster; returns its standard output.
    static func run(_ script: String, files: [String: String] = [:]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reach-pg-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, content) in files {
            try Data(content.utf8).write(to: directory.appendingPathComponent(name))
        }
        let process = Process()
        process.executableURL = packageRoot.appendingPathComponent("Scripts/with-postgres")
        process.arguments = ["bash", "-c", "set -euo pipefail; cd '\(directory.path)'; " + script]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PostgresFailure(status: process.terminationStatus, stderr: errorText)
        }
        return String(decoding: data, as: UTF8.self)
    }
}

struct PostgresFailure: Error, CustomStringConvertible {
    var status: Int32
    var stderr: String
    var description: String { "with-postgres exited \(status): \(stderr.suffix(2_000))" }
}

/// Per-table, per-column checksums over canonical values: JSON with sorted keys and numbers by
/// value, timestamps in one form, booleans t/f. Computed the same way from Reach's export and from
/// PostgreSQL's own `COPY … TO STDOUT`, so equal checksums mean equal content.
enum Checksums {
    static func of(copyText: String) throws -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        var lines = copyText.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            guard line.hasPrefix("COPY ") else { continue }
            let table = String(line.dropFirst(5).prefix { $0 != " " })
            guard let schema = PostgresSchema.table(table) else { continue }
            let columns = line[line.firstIndex(of: "(")!...].dropFirst().prefix { $0 != ")" }.split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            var rows: [[String]] = []
            while let row = lines.popFirst(), row != "\\." {
                let fields = try CopyFormat.fields(row)
                rows.append(zip(columns, fields).map { column, field in canonical(field, kind: schema.kind(of: column)!) })
            }
            rows.sort { $0[0] < $1[0] }  // by id
            var sums: [String: String] = [:]
            for (index, column) in columns.enumerated() {
                var hasher = FNV()
                for row in rows { hasher.add(row[index]); hasher.add("\u{1}") }
                sums[column] = hasher.hex
            }
            sums["#rows"] = String(rows.count)
            result[table] = sums
        }
        return result
    }

    static func canonical(_ field: String?, kind: PostgresSchema.Kind) -> String {
        guard let field else { return "∅" }
        switch kind {
        case .json: return (try? JSONValue(parsing: field).jsonText) ?? "invalid:" + field
        case .timestamp, .timestamptz: return ValueCodec.storedTimestamp(field)?.0 ?? "invalid:" + field
        case .boolean: return ["t", "true", "1"].contains(field) ? "t" : "f"
        case .numeric: return Double(field).map { "\($0)" } ?? field
        case .uuid: return field.lowercased()
        default: return field
        }
    }

    struct FNV {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        mutating func add(_ text: String) {
            for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        var hex: String { String(value, radix: 16) }
    }
}
