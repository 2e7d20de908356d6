import ArgumentParser
import Foundation
import ReachCore

struct Doctor: ReachCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: "Check integrity, search indexes and migrations; list table sizes.")
    @OptionGroup var options: GlobalOptions
    @Flag(name: .long, help: "Rebuild the search indexes first.") var repair = false

    func execute() async throws {
        let report = try Maintenance(try options.context(repair ? .existing : .readOnly(pendingAllowed: true))).doctor(repair: repair)
        if options.json {
            try Terminal.printJSON(report)
        } else {
            Terminal.print("integrity:          \(report.integrity.joined(separator: "; "))")
            Terminal.print("foreign keys:       \(report.foreignKeyViolations == 0 ? "ok" : "\(report.foreignKeyViolations) violations")")
            for (index, status) in report.searchIndexes.sorted(by: { $0.key < $1.key }) {
                Terminal.print("\(index + ":")\(String(repeating: " ", count: max(1, 20 - index.count)))\(status)")
            }
            Terminal.print("migrations:         \(report.appliedMigrations.count) applied, \(report.pendingMigrations.count) pending")
            Terminal.print("")
            Terminal.printTable(
                ["table", "rows", "size"],
                report.tables.map { [$0.name, String($0.rows), ByteCountFormatter.string(fromByteCount: Int64($0.bytes), countStyle: .file)] })
        }
        if !report.isHealthy { throw ExitCode(2) }
    }
}
