import ArgumentParser
import Foundation

// Every command names itself (`commandName:`): deriving a name from the type is a runtime
// reflection that costs milliseconds at each start.
@main
struct Reach: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach",
        abstract: "The influencer platform's backend as one program and one SQLite file.",
        subcommands: [
            Serve.self, Migrate.self, Seed.self, Token.self, Work.self, Jobs.self, SearchCommand.self, ConfigCommand.self,
            Export.self, Import.self, Backup.self, Doctor.self, Stripe.self, Clerk.self, Providers.self, TestCommand.self,
        ])
}
