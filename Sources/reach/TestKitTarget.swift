import ArgumentParser
import Foundation
import ReachCore

/// Where `reach test` acts: a running test-mode server (`--url`, `--token`), or a file in this
/// process (`--db`, with `--allow-test-mode` for what changes it).
struct TestKitTarget: ParsableArguments {
    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "A test-mode server (`reach serve --test-mode`), e.g. http://127.0.0.1:8080 (also $REACH_URL).")
    var url: String?

    @Option(name: .long, help: "Its admin token, the `adminToken` of `serve --json` (also $REACH_TOKEN).")
    var token: String?

    @Flag(name: .long, help: "With --db: allow moving the file's clock, running its work and resetting it.")
    var allowTestMode = false

    private func environment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    var serverURL: String? { (url ?? (options.db == nil ? environment("REACH_URL") : nil)).map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } }

    func validate() throws {
        if url != nil && options.db != nil { throw UsageError("--url and --db exclude each other: a server, or a file") }
        if let serverURL {
            guard let parsed = URL(string: serverURL), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil
            else { throw UsageError("--url must be an http(s) URL such as http://127.0.0.1:8080") }
            if (token ?? environment("REACH_TOKEN")) == nil {
                throw UsageError("--url needs --token (or $REACH_TOKEN): the adminToken that `reach serve --test-mode --json` prints")
            }
        } else if options.db == nil && environment("REACH_DB") == nil {
            throw UsageError("give --url (and --token) of a test-mode server, or --db FILE")
        }
        if allowTestMode && serverURL != nil { throw UsageError("--allow-test-mode goes with --db") }
    }

    /// The session; `changes` says whether the operation writes (a file then needs --allow-test-mode).
    func session(changes: Bool) async throws -> any TestKitSession {
        if let serverURL {
            return RemoteTestKit(url: serverURL, token: token ?? environment("REACH_TOKEN") ?? "")
        }
        if changes && !allowTestMode {
            throw UsageError("this moves the clock and runs the work of \(options.databasePath): add --allow-test-mode if that is what you want")
        }
        return try await FileTestKit(database: try options.open(changes ? .existing : .readOnly()))
    }
}
