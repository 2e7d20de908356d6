import ArgumentParser
import Foundation
import ReachCore
import ReachExport

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export to PostgreSQL.", subcommands: [Postgres.self])

    struct Postgres: ReachCommand {
        static let configuration = CommandConfiguration(
            commandName: "postgres", abstract: "Write the platform's PostgreSQL schema and this file's data as a psql script.",
            discussion: """
                The script loads into an empty PostgreSQL 15 database in one transaction:
                  reach export postgres | psql -v ON_ERROR_STOP=1 "$DATABASE_URL"
                With --data-only it loads into a database that has the platform's tables: one its migrations made, or \
                one this export made. Only the target's columns are written; plans and configuration merge on their \
                keys; a row whose key the target holds already is refused, unless --replace empties the data tables first:
                  reach export postgres --data-only --to "$DATABASE_URL"
                """)

        @OptionGroup var options: GlobalOptions
        @Option(name: .long, help: "Write the script here (default: standard output).") var out: String?
        @Option(name: .long, help: "Pipe the script straight into psql at this URL.") var to: String?
        @Flag(name: .long, help: "Only the schema.") var schemaOnly = false
        @Flag(name: .long, help: "Only the data (COPY blocks), for a database that has the schema.") var dataOnly = false
        @Option(name: .long, help: "Only these tables' data, comma-separated.") var tables: String?
        @Flag(name: .long, help: "With --data-only: empty the target's data tables first (plans and configuration still merge).")
        var replace = false
        @Flag(name: .long, help: "Replace the file --out names if it exists (a device or FIFO is always written in place).")
        var force = false

        func validate() throws {
            if schemaOnly && dataOnly { throw UsageError("--schema-only and --data-only exclude each other") }
            if replace && !dataOnly { throw UsageError("--replace goes with --data-only: a whole export loads into an empty database") }
            if out != nil && to != nil { throw UsageError("--out and --to exclude each other") }
        }

        func execute() async throws {
            let exporter = try Exporter(
                part: schemaOnly ? .schemaOnly : dataOnly ? .dataOnly : .all,
                tables: tables.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }, replace: replace)
            let database = try options.open(.readOnly())
            let total = schemaOnly ? 0 : try exporter.rowCounts(database).values.reduce(0, +)
            let bar = Terminal.ProgressBar("exporting")
            if let to {
                try await PSQL.pipe(url: to) { sink in
                    try exporter.export(database, to: sink) { bar.update(done: $0, total: total) }
                }
                Terminal.info("reach: exported \(total) rows into \(PSQL.redacted(to))")
            } else if let out {
                // Written in place: a device, FIFO or link target stays what it is (/dev/null too).
                let handle = try PrivateFile.openForWriting(out, replacing: force)
                defer { try? handle.close() }
                try exporter.export(database, to: FileSink(handle)) { bar.update(done: $0, total: total) }
                Terminal.info("reach: exported \(total) rows to \(out)")
            } else {
                try exporter.export(database, to: FileSink(.standardOutput)) { bar.update(done: $0, total: total) }
            }
        }
    }
}
