import ArgumentParser
import Foundation
import ReachCore

struct Seed: ReachCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed", abstract: "Load demo users, campaigns, searches and creators.",
        discussion: "Scale N adds N×1,000 users and N×100 campaigns with completed searches (scale 100 ≈ 1M creators).")

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Load the demo data (required).")
    var demo = false

    @Option(name: .long, parsing: .unconditional, help: "Multiply users, campaigns and creators (0 to 1000).")
    var scale = 1

    func validate() throws {
        guard demo else { throw UsageError("pass --demo: it is the only data `reach seed` loads") }
        guard (0...1_000).contains(scale) else { throw UsageError("--scale must be from 0 to 1000") }
    }

    func execute() async throws {
        let database = try options.open(.create)
        let bar = Terminal.ProgressBar("seeding")
        let started = ContinuousClock.now
        let summary = try DemoSeeder(database: database).seed(scale: scale) { bar.update(done: $0.done, total: $0.total) }
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
