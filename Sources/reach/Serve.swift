import ArgumentParser
import Foundation
import ReachCore
import ReachStore

struct Serve: ReachCommand {
    static let configuration = CommandConfiguration(abstract: "Run the API, webhooks, dashboard and scheduler.")

    @OptionGroup var options: GlobalOptions
    @Option(name: .long, help: "The address to listen on.") var host = "127.0.0.1"
    @Option(name: .long, help: "The port to listen on (0 picks a free one).") var port = 8080
    @Flag(name: .long, help: "Seed an empty database with the demo data.") var demo = false

    func execute() async throws {
        let database = try options.open(.create)
        if demo, try !DemoSeeder(database: database).isSeeded() {
            let summary = try DemoSeeder(database: database).seed(scale: 1)
            Terminal.info("seeded the demo: \(summary.users) users, \(summary.creators) creators")
        }
        let report = try database.doctor()
        Terminal.print("reach: \(options.databasePath) is ready (\(report.tables.map { "\($0.name) \($0.rows)" }.joined(separator: ", ")))")
        Terminal.print("reach: the HTTP listener is not built yet; it would serve http://\(host):\(port)")
    }
}
