import ArgumentParser
import Foundation
import ReachCore

struct Migrate: ReachCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or migrate the database file.")

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Only report applied and pending migrations.")
    var status = false

    struct Report: Encodable {
        var path: String
        var applied: [String]
        var pending: [String]
        /// The migrations this run applied (none with --status).
        var appliedNow: [String]
    }

    func execute() async throws {
        // What the file lacks before it is opened for writing, which migrates it.
        let before = status || !FileManager.default.fileExists(atPath: options.databasePath) ? nil
            : try? Maintenance(try options.context(.readOnly(pendingAllowed: true))).migrationStatus().pending
        let context = try options.context(status ? .readOnly(pendingAllowed: true) : .create)
        let (applied, pending) = try Maintenance(context).migrationStatus()
        let appliedNow = status ? [] : (before ?? ReachDatabase.knownMigrations).filter(applied.contains)
        if options.json {
            try Terminal.printJSON(Report(path: options.databasePath, applied: applied, pending: pending, appliedNow: appliedNow))
        } else if status {
            Terminal.printTable(
                ["migration", "status"],
                ReachDatabase.knownMigrations.map { [$0, applied.contains($0) ? "applied" : "pending"] })
        } else if appliedNow.isEmpty {
            Terminal.print("\(options.databasePath): up to date (\(applied.count) migrations)")
        } else {
            Terminal.print("\(options.databasePath): applied \(appliedNow.count) \(appliedNow.count == 1 ? "migration" : "migrations") "
                + "(\(appliedNow.joined(separator: ", ")))")
        }
    }
}
