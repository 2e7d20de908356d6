import ArgumentParser
import Foundation
import ReachCore

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The database file (default: $REACH_DB, else ./reach.sqlite).")
    var db: String?

    @Flag(name: .long, help: "Print JSON for scripts instead of tables.")
    var json = false

    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["REACH_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "reach.sqlite"
    }

    /// Opens the database; commands that only read refuse a missing file and never write.
    func open(_ mode: ReachDatabase.OpenMode) throws -> ReachDatabase {
        try ReachDatabase.open(path: databasePath, mode: mode)
    }

    /// What the command's service calls run on: the file opened in `mode`, and the system clock.
    func context(_ mode: ReachDatabase.OpenMode) throws -> AppContext {
        AppContext(database: try open(mode), clock: SystemClock())
    }
}
