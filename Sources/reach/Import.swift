import ArgumentParser
import Foundation
import ReachCore
import ReachExport

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import from PostgreSQL.", subcommands: [Postgres.self])

    struct Postgres: ReachCommand {
        static let configuration = CommandConfiguration(
            commandName: "postgres", abstract: "Read the platform's tables from a dump, a script, or a running database.",
            discussion: """
                FILE is any pg_dump of the platform's database (plain, --data-only, --inserts, --column-inserts, \
                --rows-per-insert N, --quote-all-identifiers), Supabase's data dump, or a `reach export postgres` \
                script. --from reads the tables straight from a running database (one consistent snapshot, through psql):
                  reach import postgres --from "postgresql://…/staging" --db staging.sqlite
                Other schemas and tables are skipped and listed; timestamps with an offset become UTC; Reach keeps \
                milliseconds, and says how many values had more.
                """)

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The dump or script.") var file: String?
        @Option(name: .long, help: "Read the platform's tables from this running PostgreSQL database instead of a file.") var from: String?
        @Flag(name: .long, help: "Replace the data of a file that holds some.") var force = false

        func validate() throws {
            if file != nil && from != nil { throw UsageError("give a FILE or --from URL, not both") }
            if file == nil && from == nil { throw UsageError("give the dump FILE to read, or --from URL for a running database") }
        }

        func execute() async throws {
            if let file {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else { throw UsageError("no file at \(file)") }
                guard !isFolder.boolValue else { throw UsageError("\(file) is a folder: give the script or dump file") }
                guard FileManager.default.isReadableFile(atPath: file) else { throw UsageError("cannot read \(file): permission denied") }
            }
            // A file this import creates is removed again when the import fails: no empty database is left behind.
            let path = options.databasePath
            let created = !FileManager.default.fileExists(atPath: path)
            let report: Importer.Report
            do {
                let database = try options.open(.create)
                if let from {
                    report = try importLive(from, into: database)
                } else if let file {
                    report = try importFile(file, into: database)
                } else {
                    return
                }
            } catch {
                if created {
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                }
                throw error
            }
            try show(report)
        }

        private func importFile(_ file: String, into database: ReachDatabase) throws -> Importer.Report {
            guard let handle = FileHandle(forReadingAtPath: file) else { throw UsageError("cannot read \(file)") }
            defer { try? handle.close() }
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            let input = DumpInput(handle)
            let bar = Terminal.ProgressBar("importing")
            defer { bar.finish() }
            return try Importer(force: force).importInput(input, into: database) { _ in bar.update(done: input.bytesRead, total: size) }
        }

        private func importLive(_ url: String, into database: ReachDatabase) throws -> Importer.Report {
            let bar = Terminal.ProgressBar("importing from \(PSQL.redacted(url))")
            defer { bar.finish() }
            return try LiveSource.importTables(from: url, into: database, with: Importer(force: force)) { rows, estimate in
                bar.update(done: rows, total: max(estimate, rows + 1))
            }
        }

        private func show(_ report: Importer.Report) throws {
            if options.json {
                try Terminal.printJSON(report)
                return
            }
            Terminal.printTable(["table", "rows"], ReachDatabase.platformTables.map { [$0, String(report.rows[$0] ?? 0)] })
            if !report.skippedTables.isEmpty {
                Terminal.info("skipped tables that are not the platform's: \(report.skippedTables.joined(separator: ", "))")
            }
            if !report.skippedColumns.isEmpty {
                Terminal.info("skipped columns Reach does not keep: \(report.skippedColumns.joined(separator: ", "))")
            }
            if report.truncatedTimestamps > 0 {
                Terminal.info("\(report.truncatedTimestamps) timestamps had microseconds: Reach keeps milliseconds, the rest was cut")
            }
            if report.respelledPlatforms > 0 {
                Terminal.info("\(report.respelledPlatforms) platform names were stored as Reach spells them (Tiktok → TikTok)")
            }
            if !report.keptTables.isEmpty {
                Terminal.info("the dump holds no rows of \(report.keptTables.joined(separator: " or ")): this file's own were kept")
            }
        }
    }
}
