import ArgumentParser
import Foundation
import ReachCore

struct Seed: ReachCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed", abstract: "Load demo users, campaigns, searches and creators.",
        discussion: """
            Scale N adds N×1,000 users and N×100 campaigns with completed searches (scale 100 ≈ 1M creators). \
            On a file that holds the demo already, --scale N adds N×1,000 more generated users.
            """)

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Load the demo data (required).")
    var demo = false

    @Option(name: .long, parsing: .unconditional, help: "Multiply users, campaigns and creators (0 to 1000; default 1).")
    var scale: Int?

    func validate() throws {
        guard demo else { throw UsageError("pass --demo: it is the only data `reach seed` loads") }
        if let scale, !(0...1_000).contains(scale) { throw UsageError("--scale must be from 0 to 1000") }
    }

    func execute() async throws {
        let database = try options.open(.create)
        let bar = Terminal.ProgressBar("seeding")
        let started = ContinuousClock.now
        let seeder = DemoSeeder(database: database)
        let summary = if let scale, scale > 0, try seeder.isSeeded() {
            try seeder.addGenerated(scale: scale) { bar.update(done: $0.done, total: $0.total) }
        } else {
            try seeder.seed(scale: scale ?? 1) { bar.update(done: $0.done, total: $0.total) }
        }
        let elapsed = ContinuousClock.now - started
        if options.json {
            try Terminal.printJSON(summary)
        } else {
            Terminal.print(
                "seeded \(summary.users) users, \(summary.campaigns) campaigns, \(summary.searches) searches, "
                    + "\(summary.creators) creators, \(summary.events) events in \(elapsed.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 1))))")
        }
    }
}
