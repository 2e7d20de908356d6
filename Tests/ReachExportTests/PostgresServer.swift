import Foundation
import Testing
@testable import ReachExport

/// A throwaway PostgreSQL 15 cluster that stays up while a test works with it: `Scripts/with-postgres`
/// holds it until ``stop()``. Commands run with its connection settings; databases come and go.
final class PostgresServer {
    private let process = Process()
    private let hold = Pipe()
    /// The cluster's first database.
    let url: String
    private let environment: [String: String]
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("reach-pg-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        process.executableURL = packageRoot.appendingPathComponent("Scripts/with-postgres")
        // One line of settings, then wait until our end of the pipe closes.
        process.arguments = ["bash", "-c", #"echo "$DATABASE_URL|$PGHOST|$PGPORT|$WITH_POSTGRES_BINDIR"; cat > /dev/null"#]
        let output = Pipe(), errors = Pipe()
        process.standardInput = hold
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        let fields = String(decoding: line, as: UTF8.self).split(separator: "|").map(String.init)
        guard fields.count == 4 else {
            let said = String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
            throw PostgresFailure(status: -1, stderr: "with-postgres did not start: \(said)")
        }
        url = fields[0]
        var environment = ProcessInfo.processInfo.environment
        environment["PGHOST"] = fields[1]
        environment["PGPORT"] = fields[2]
        environment["PGUSER"] = "postgres"
        environment["PATH"] = fields[3] + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        self.environment = environment
    }

    deinit { stop() }

    func stop() {
        try? hold.fileHandleForWriting.close()
        if process.isRunning { process.waitUntilExit() }
        try? FileManager.default.removeItem(at: directory)
    }

    /// The URL of database `name` on this cluster.
    func url(_ name: String) -> String {
        guard var parts = URLComponents(string: url) else { return url }
        parts.path = "/" + name
        return parts.string ?? url
    }

    /// Runs a bash command in the cluster's environment; its standard output.
    @discardableResult
    func shell(_ command: String, environment extra: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "set -euo pipefail; " + command]
        process.currentDirectoryURL = directory
        process.environment = environment.merging(extra) { $1 }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("reach-pg-out-\(UUID())")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let outputHandle = try FileHandle(forWritingTo: output)
        let errors = Pipe()
        process.standardOutput = outputHandle
        process.standardError = errors
        try process.run()
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try outputHandle.close()
        guard process.terminationStatus == 0 else {
            throw PostgresFailure(status: process.terminationStatus, stderr: String(decoding: said, as: UTF8.self))
        }
        return try String(contentsOf: output, encoding: .utf8)
    }

    /// A new database, made from the platform database's fixture unless `empty`.
    func createDatabase(_ name: String, platform: Bool = true) throws {
        try shell("createdb \(name)")
        if platform {
            try shell("psql -X -q -v ON_ERROR_STOP=1 -d \(name) -f '\(packageRoot.path)/schema/platform/database.sql'")
        }
    }

    /// Runs SQL in database `name`; its unaligned, tab-separated output.
    @discardableResult
    func psql(_ name: String, _ sql: String, timeZone: String = "UTC") throws -> String {
        let file = directory.appendingPathComponent("query-\(UUID()).sql")
        try Data(sql.utf8).write(to: file)
        return try shell("psql -X -q -A -t -F $'\\t' -v ON_ERROR_STOP=1 -d \(name) -f '\(file.path)'", environment: ["PGTZ": timeZone])
    }

    /// Loads a script through psql, as a user runs it; psql's complaint on failure.
    func load(_ name: String, script: String, timeZone: String = "UTC") throws {
        let file = directory.appendingPathComponent("load-\(UUID()).sql")
        try Data(script.utf8).write(to: file)
        try shell("psql -X -q -v ON_ERROR_STOP=1 -d \(name) -f '\(file.path)' > /dev/null", environment: ["PGTZ": timeZone])
    }

    /// Writes what `pg_dump` writes with `options` of database `name` to a file; its path.
    func dump(_ name: String, options: String, timeZone: String = "Asia/Kolkata") throws -> String {
        let file = directory.appendingPathComponent("dump-\(UUID()).sql")
        try shell("pg_dump \(options) -d \(name) > '\(file.path)'", environment: ["PGTZ": timeZone])
        return file.path
    }

    /// Every row of the platform's tables of database `name`, as text, in order of id: timestamps
    /// as UTC instants cut to milliseconds (Reach keeps milliseconds), platform names in lower case
    /// when `foldPlatforms`. Equal text is equal content.
    func contents(_ name: String, foldPlatforms: Bool = false) throws -> [String: String] {
        let columns = try psql(name, """
            SELECT table_name, column_name, data_type FROM information_schema.columns
             WHERE table_schema = 'public' ORDER BY table_name, ordinal_position;
            """)
        var selects: [String: [String]] = [:]
        for line in columns.split(separator: "\n") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 3 else { continue }
            let (table, column, type) = (fields[0], "\"\(fields[1])\"", fields[2])
            let value: String
            switch type {
            case "timestamp with time zone": value = "to_char(date_trunc('milliseconds', \(column)) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS')"
            case "timestamp without time zone": value = "to_char(date_trunc('milliseconds', \(column)), 'YYYY-MM-DD HH24:MI:SS.MS')"
            default: value = foldPlatforms && fields[1] == "platform" ? "lower(\(column))" : "\(column)::text"
            }
            selects[table, default: []].append(value)
        }
        var contents: [String: String] = [:]
        for (table, values) in selects {
            contents[table] = try psql(name, "COPY (SELECT \(values.joined(separator: ", ")) FROM public.\(table) ORDER BY id) TO STDOUT;")
        }
        return contents
    }
}
