import ArgumentParser
import Foundation
import ReachCore

struct Backup: ReachCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Write a consistent copy of the database, even while a server writes to it.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Where to write the copy (must not exist, unless --force).") var path: String
    @Flag(name: .long, help: "Replace a file at PATH.") var force = false

    func execute() async throws {
        var isFolder: ObjCBool = false
        if force, FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let integrity = try Maintenance(try options.context(.readOnly())).backup(to: path)
        if options.json {
            try Terminal.printJSON(["path": path, "quickCheck": integrity])
        } else {
            Terminal.print("backed up \(options.databasePath) to \(path) (quick_check: \(integrity))")
        }
    }
}
