import ArgumentParser
import Foundation
import ReachCore

/// `reach test …`: the test kit from the shell, the same operations as `/_reach/…`.
struct TestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "The test kit: a clock you move, the queue, users, e-mails, snapshots, reset.",
        discussion: """
            On a running `reach serve --ephemeral --test-mode` with --url and --token (its `--json` line gives both), \
            or on a file with --db (clock, work, user, emails, reset; --allow-test-mode for what changes it).
            """,
        subcommands: [Clock.self, Work.self, User.self, Emails.self, Snapshot.self, Restore.self, DeleteSnapshot.self, Reset.self])

    struct Clock: ReachCommand {
        static let configuration = CommandConfiguration(
            commandName: "clock", abstract: "Show the clock, or move it forward running all work due on the way.",
            discussion: "reach test clock · reach test clock advance 8d · reach test clock set 2026-12-09T10:00:00Z")
        @OptionGroup var target: TestKitTarget
        @Argument(help: "show (default), advance or set.") var action = "show"
        @Argument(help: "With advance: a duration such as 90s, 15m, 2h or 8d; with set: an ISO-8601 time.") var value: String?

        func validate() throws {
            switch action {
            case "show": if value != nil { throw UsageError("`clock show` takes no value") }
            case "advance", "set": if value == nil { throw UsageError("`clock \(action)` needs a value, e.g. \(action == "set" ? "2026-12-09T10:00:00Z" : "8d")") }
            default: throw UsageError("the clock's action is show, advance or set, not '\(action)'")
            }
        }

        func execute() async throws {
            let session = try await target.session(changes: action != "show")
            let answer = try await action == "show" ? session.clock() : session.moveClock([action: .string(value ?? "")])
            try TestCommand.output(answer, json: target.options.json) { "now \($0["now"]?.stringValue ?? "?")" }
        }
    }

    struct Work: ReachCommand {
        static let configuration = CommandConfiguration(commandName: "work", abstract: "Run the queue until nothing is due now.")
        @OptionGroup var target: TestKitTarget

        func execute() async throws {
            let session = try await target.session(changes: true)
            let answer = try await session.work()
            try TestCommand.output(answer, json: target.options.json) {
                "ran \($0["ran"]?.intValue ?? 0) jobs; \($0["pending"]?.intValue ?? 0) wait for later"
            }
        }
    }

    struct User: ReachCommand {
        static let configuration = CommandConfiguration(
            commandName: "user", abstract: "Create a user as Clerk's user.created does (7-day trial) and print a token for it.")
        @OptionGroup var target: TestKitTarget
        @Argument(help: "The user id, e.g. user_ada.") var userId: String
        @Option(name: .long, help: "Default: USER_ID@example.com.") var email: String?
        @Option(name: .customLong("name"), help: "The full name.") var fullName: String?
        @Option(name: .long, help: "Onboard onto glow_up, viral_surge or fame_flex (trialing).") var plan: String?

        func execute() async throws {
            var body: [String: JSONValue] = ["userId": .string(userId)]
            body["email"] = email.map(JSONValue.string)
            body["fullName"] = fullName.map(JSONValue.string)
            body["plan"] = plan.map(JSONValue.string)
            let session = try await target.session(changes: true)
            let answer = try await session.createUser(.object(body))
            try TestCommand.output(answer, json: target.options.json) { $0["token"]?.stringValue ?? "" }
        }
    }

    struct Emails: ReachCommand {
        static let configuration = CommandConfiguration(commandName: "emails", abstract: "The trial e-mails: due, sent or cancelled.")
        @OptionGroup var target: TestKitTarget
        @Option(name: .long, help: "Only to this address.") var to: String?
        @Option(name: .long, help: "Only this type: \(TrialEmail.allCases.map(\.rawValue).joined(separator: ", ")).") var type: String?

        func execute() async throws {
            let session = try await target.session(changes: false)
            let answer = try await session.emails(to: to, type: type)
            if target.options.json { Terminal.print(answer.jsonText); return }
            Terminal.printTable(
                ["type", "to", "status", "due", "sent"],
                (answer["emails"]?.arrayValue ?? []).map { email in
                    ["type", "to", "status", "dueAt", "sentAt"].map { email[$0]?.stringValue ?? "" }
                })
        }
    }

    struct Snapshot: ReachCommand {
        static let configuration = CommandConfiguration(
            commandName: "snapshot", abstract: "Save the server's whole database and clock under a name (--url only).")
        @OptionGroup var target: TestKitTarget
        @Argument(help: "1 to 100 letters, digits, -, _ or .") var name: String

        func execute() async throws {
            let session = try await target.session(changes: false)
            let answer = try await session.snapshot(name)
            try TestCommand.output(answer, json: target.options.json) { "saved \(name) in \(TestCommand.ms($0)) ms" }
        }
    }

    struct Restore: ReachCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore", abstract: "Put back the database and clock saved under a name (--url only).")
        @OptionGroup var target: TestKitTarget
        @Argument(help: "The snapshot's name.") var name: String

        func execute() async throws {
            let session = try await target.session(changes: false)
            let answer = try await session.restore(name)
            try TestCommand.output(answer, json: target.options.json) { "restored \(name) in \(TestCommand.ms($0)) ms" }
        }
    }

    struct DeleteSnapshot: ReachCommand {
        static let configuration = CommandConfiguration(commandName: "delete-snapshot", abstract: "Forget a snapshot (--url only).")
        @OptionGroup var target: TestKitTarget
        @Argument(help: "The snapshot's name.") var name: String

        func execute() async throws {
            let session = try await target.session(changes: false)
            let answer = try await session.deleteSnapshot(name)
            try TestCommand.output(answer, json: target.options.json) { _ in "deleted \(name)" }
        }
    }

    struct Reset: ReachCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset", abstract: "Empty the database back to plans and configuration defaults, the clock at real time.")
        @OptionGroup var target: TestKitTarget

        func execute() async throws {
            let session = try await target.session(changes: true)
            let answer = try await session.reset()
            try TestCommand.output(answer, json: target.options.json) { "reset in \(TestCommand.ms($0)) ms" }
        }
    }

    static func output(_ answer: JSONValue, json: Bool, _ line: (JSONValue) -> String) throws {
        Terminal.print(json ? answer.jsonText : line(answer))
    }

    static func ms(_ answer: JSONValue) -> String {
        String(format: "%.1f", answer["ms"]?.doubleValue ?? 0)
    }
}
