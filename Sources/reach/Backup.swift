import ArgumentParser
import Foundation
import ReachCore

struct Backup: ReachCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Write a consistent copy of the database, even while a server writes to it.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Where to write the copy (must not exist).") var path: String

    func execute() async throws {
        let integrity = try Maintenance(try options.context(.readOnly())).backup(to: path)
        if options.json {
            try Terminal.printJSON(["path": path, "quickCheck": integrity])
        } else {
            Terminal.print("backed up \(options.databasePath) to \(path) (quick_check: \(integrity))")
        }
    }
}
