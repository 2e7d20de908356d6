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
