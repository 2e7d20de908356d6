import ArgumentParser
import Foundation
import ReachCore

struct Doctor: ReachCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: "Check integrity, search indexes and migrations; list table sizes.")
    @OptionGroup var options: GlobalOptions
    @Flag(name: .long, help: "Migrate the file (which mends Reach's own stored values) and rebuild the search indexes first.")
    var repair = false

    func execute() async throws {
        let report = try Maintenance(try options.context(repair ? .existing : .readOnly(pendingAllowed: true))).doctor(repair: repair)
        if options.json {
            try Terminal.printJSON(report)
        } else {
            var lines: [(String, String)] = [
                ("integrity", report.integrity.joined(separator: "; ")),
                ("foreign keys", report.foreignKeyViolations == 0 ? "ok" : "\(report.foreignKeyViolations) violations"),
            ]
            lines += report.searchIndexes.sorted(by: { $0.key < $1.key }).map { ($0.key, $0.value) }
            lines.append(("migrations", "\(report.appliedMigrations.count) applied, \(report.pendingMigrations.count) pending"))
            lines.append(("stored values", report.unreadable.isEmpty ? "all readable" : "\(report.unreadable.count) places hold values Reach cannot read"))
            lines += report.unreadable.sorted(by: { $0.key < $1.key }).map { ("  " + $0.key, $0.value) }
            let width = (lines.map(\.0.count).max() ?? 0) + 2
            for (label, value) in lines {
                Terminal.print((label + ":").padding(toLength: width, withPad: " ", startingAt: 0) + value)
            }
            Terminal.print("")
            Terminal.printTable(
                ["table", "rows", "size"],
                report.tables.map { [$0.name, String($0.rows), ByteCountFormatter.string(fromByteCount: Int64($0.bytes), countStyle: .file)] })
        }
        if !report.isHealthy { throw ExitCode(2) }
    }
}
