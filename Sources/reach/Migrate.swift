import ArgumentParser
import Foundation
import ReachCore

struct Migrate: ReachCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or migrate the database file.")

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Only report applied and pending migrations.")
    var status = false

    func execute() async throws {
        let context = try options.context(status ? .readOnly(pendingAllowed: true) : .create)
        let (applied, pending) = try Maintenance(context).migrationStatus()
        if options.json {
            try Terminal.printJSON(["path": [options.databasePath], "applied": applied, "pending": pending])
        } else {
            Terminal.printTable(
                ["migration", "status"],
                ReachDatabase.knownMigrations.map { [$0, applied.contains($0) ? "applied" : "pending"] })
            if !status { Terminal.info("\(options.databasePath): up to date") }
        }
    }
}
