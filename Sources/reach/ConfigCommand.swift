import ArgumentParser
import Foundation
import ReachCore

struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Read and change runtime settings (system_configurations).",
        subcommands: [Get.self, Set.self, List.self])

    struct Get: ReachCommand {
        static let configuration = CommandConfiguration(commandName: "get", abstract: "Print one setting.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "CATEGORY.KEY, e.g. timeouts.standard_job_timeout") var key: String

        func execute() async throws {
            let configKey = try ConfigKey(parsing: key)
            let configuration = Configuration(try options.context(.readOnly()))
            let row = try await ConfigCommand.naming(configKey, in: configuration) { try await configuration.row(configKey) }
            if options.json { try Terminal.printJSON(row) } else { Terminal.print(row.value) }
        }
    }

    struct Set: ReachCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Change one setting; the value is checked against its type (number, duration, boolean).")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "CATEGORY.KEY") var key: String
        // Unrecognized words too, so that a negative number is a value (refused by the rule), not an option.
        @Argument(parsing: .allUnrecognized, help: "The new value: 50, 30s, 5m, true …") var values: [String] = []

        var value: String { values.first ?? "" }

        func validate() throws {
            guard values.count == 1 else { throw UsageError("give one VALUE after CATEGORY.KEY, e.g. `reach config set timeouts.standard_job_timeout 90m`") }
        }

        func execute() async throws {
            let configKey = try ConfigKey(parsing: key)
            let configuration = Configuration(try options.context(.existing))
            let row = try await ConfigCommand.naming(configKey, in: configuration) { try await configuration.set(configKey, value: value) }
            if options.json { try Terminal.printJSON(row) } else { Terminal.print("\(configKey) = \(row.value)") }
        }
    }

    struct List: ReachCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Print every setting.")
        @OptionGroup var options: GlobalOptions

        func execute() async throws {
            let rows = try await Configuration(try options.context(.readOnly())).list()
            if options.json {
                try Terminal.printJSON(rows)
            } else {
                Terminal.printTable(
                    ["setting", "value", "type", "description"],
                    rows.map { ["\($0.category).\($0.key)", $0.value, $0.valueType.rawValue, $0.description ?? ""] })
            }
        }
    }

    /// Runs `body`; a setting that does not exist is refused with the nearest names.
    static func naming<T>(_ key: ConfigKey, in configuration: Configuration, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch ReachError.notFound {
            let names = try await configuration.list().map { "\($0.category).\($0.key)" }
            let nearest = Nearest.names(to: "\(key)", in: names)
            throw UsageError("no setting \(key)" + (nearest.isEmpty ? "" : "; did you mean \(nearest.joined(separator: ", "))?")
                + " (`reach config list` shows them all)")
        }
    }
}
