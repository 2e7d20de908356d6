import ArgumentParser
import Foundation
import ReachCore
import ReachExport

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import from PostgreSQL.", subcommands: [Postgres.self])

    struct Postgres: ReachCommand {
        static let configuration = CommandConfiguration(
            commandName: "postgres", abstract: "Read a `reach export postgres` script or a `pg_dump --data-only` of the platform's tables.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The script or dump.") var file: String
        @Flag(name: .long, help: "Replace the data of a file that holds some.") var force = false

        func execute() async throws {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else { throw UsageError("no file at \(file)") }
            guard !isFolder.boolValue else { throw UsageError("\(file) is a folder: give the script or dump file") }
            guard FileManager.default.isReadableFile(atPath: file) else { throw UsageError("cannot read \(file): permission denied") }
            // A file this import creates is removed again when the import fails: no empty database is left behind.
            let path = options.databasePath
            let created = !FileManager.default.fileExists(atPath: path)
            let report: Importer.Report
            do {
                let database = try options.open(.create)
                let bar = Terminal.ProgressBar("importing")
                report = try Importer(force: force).importFile(file, into: database) { bar.update(done: $0, total: max($0, 1)) }
            } catch {
                if created {
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                }
                throw error
            }
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
