import ArgumentParser
import Foundation
import ReachCore

// Every command names itself (`commandName:`): deriving a name from the type is a runtime
// reflection that costs milliseconds at each start.
@main
struct Reach: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach",
        abstract: "The influencer platform's backend as one program and one SQLite file.",
        version: ReachVersion.current,
        subcommands: [
            Serve.self, Migrate.self, Seed.self, Token.self, Work.self, Jobs.self, SearchCommand.self, ConfigCommand.self,
            Export.self, Import.self, Backup.self, Doctor.self, Stripe.self, Clerk.self, Providers.self, TestCommand.self,
        ])

    /// ArgumentParser's own, but an error is one line on stderr (the usage block only with --help), and a
    /// misspelt command gets the nearest names.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)  // 64 for a usage error (``ExitStatus/usage``), also one `validate()` threw
            guard code != .success, !(error is CleanExit) else { exit(withError: error) }
            if error is ExitCode { exit(withError: error) }  // the command already said why
            var message = Self.message(for: error).split(separator: "\n").first.map(String.init) ?? "failed"
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            if let hint = suggestion(for: message, arguments: arguments) {
                // The misspelt command first: what ArgumentParser says of the words after it follows from it.
                message = "unknown command '\(hint.word)': \(hint.advice)"
            }
            FileHandle.standardError.write(Data("reach: \(message) (see `\(helpCommand(arguments))`)\n".utf8))
            Foundation.exit(code.rawValue)
        }
    }

    /// `did you mean 'search'?` for an unknown subcommand, alone or followed by its own arguments
    /// (`reach serach users dana --db F`).
    private static func suggestion(for message: String, arguments: [String]) -> (word: String, advice: String)? {
        let (type, words) = command(arguments)
        guard let word = arguments.dropFirst(words.count - 1).first, !word.hasPrefix("-") else { return nil }
        let names = type.configuration.subcommands.compactMap { $0.configuration.commandName }
        let nearest = Nearest.names(to: word, in: names, limit: 2)
        guard !names.isEmpty, !names.contains(word) else { return nil }
        return (word, nearest.isEmpty ? "use one of \(names.joined(separator: ", "))"
                    : "did you mean " + nearest.map { "'\($0)'" }.joined(separator: " or ") + "?")
    }

    /// The deepest command the arguments name, and its words: `reach search strat` → `search`.
    private static func command(_ arguments: [String]) -> (type: any ParsableCommand.Type, words: [String]) {
        var command: any ParsableCommand.Type = Reach.self
        var words = ["reach"]
        for argument in arguments {
            guard let sub = command.configuration.subcommands.first(where: { $0.configuration.commandName == argument }) else { break }
            command = sub
            words.append(argument)
        }
        return (command, words)
    }

    private static func helpCommand(_ arguments: [String]) -> String {
        (command(arguments).words + ["--help"]).joined(separator: " ")
    }
}
