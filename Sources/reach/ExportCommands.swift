import ArgumentParser
import Foundation
import ReachCore
import ReachExport
import ReachStore

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export to PostgreSQL.", subcommands: [Postgres.self])

    struct Postgres: ReachCommand {
        static let configuration = CommandConfiguration(
            commandName: "postgres", abstract: "Write the platform's PostgreSQL schema and this file's data as a psql script.",
            discussion: """
                The script loads into an empty PostgreSQL 15 database in one transaction:
                  reach export postgres | psql -v ON_ERROR_STOP=1 "$DATABASE_URL"
                """)

        @OptionGroup var options: GlobalOptions
        @Option(name: .long, help: "Write the script here (default: standard output).") var out: String?
        @Option(name: .long, help: "Pipe the script straight into psql at this URL.") var to: String?
        @Flag(name: .long, help: "Only the schema.") var schemaOnly = false
        @Flag(name: .long, help: "Only the data (COPY blocks), for a database that has the schema.") var dataOnly = false
        @Option(name: .long, help: "Only these tables' data, comma-separated.") var tables: String?

        func validate() throws {
            if schemaOnly && dataOnly { throw UsageError("--schema-only and --data-only exclude each other") }
            if out != nil && to != nil { throw UsageError("--out and --to exclude each other") }
        }

        func execute() async throws {
            let exporter = try Exporter(
                part: schemaOnly ? .schemaOnly : dataOnly ? .dataOnly : .all,
                tables: tables.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
            let database = try options.open(.readOnly())
            let total = schemaOnly ? 0 : try exporter.rowCounts(database).values.reduce(0, +)
            let bar = Terminal.ProgressBar("exporting")
            if let to {
                try await PSQL.pipe(url: to) { sink in
                    try exporter.export(database, to: sink) { bar.update(done: $0, total: total) }
                }
                Terminal.info("reach: exported \(total) rows into \(to)")
            } else if let out {
                // Written in place: a device, FIFO or link target stays what it is (/dev/null too).
                let handle = try PrivateFile.openForWriting(out)
                defer { try? handle.close() }
                try exporter.export(database, to: FileSink(handle)) { bar.update(done: $0, total: total) }
                Terminal.info("reach: exported \(total) rows to \(out)")
            } else {
                try exporter.export(database, to: FileSink(.standardOutput)) { bar.update(done: $0, total: total) }
            }
        }
    }
}

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import from PostgreSQL.", subcommands: [Postgres.self])

    struct Postgres: ReachCommand {
        static let configuration = CommandConfiguration(
            commandName: "postgres", abstract: "Read a `reach export postgres` script or a `pg_dump --data-only` of the platform's tables.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The script or dump.") var file: String
        @Flag(name: .long, help: "Replace the data of a file that holds some.") var force = false

        func execute() async throws {
            guard FileManager.default.isReadableFile(atPath: file) else {
                throw ReachError.invalid(field: "FILE", reason: "cannot read \(file)")
            }
            let database = try options.open(.create)
            let bar = Terminal.ProgressBar("importing")
            let report = try Importer(force: force).importFile(file, into: database) { bar.update(done: $0, total: max($0, 1)) }
            if options.json {
                try Terminal.printJSON(report)
            } else {
                Terminal.printTable(["table", "rows"], ReachDatabase.platformTables.map { [$0, String(report.rows[$0] ?? 0)] })
                if !report.skippedTables.isEmpty {
                    Terminal.info("skipped tables that are not the platform's: \(report.skippedTables.joined(separator: ", "))")
                }
            }
        }
    }
}

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
