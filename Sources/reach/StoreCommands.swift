import ArgumentParser
import Foundation
import GRDB
import ReachCore
import ReachStore

struct Migrate: ReachCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or migrate the database file.")

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Only report applied and pending migrations.")
    var status = false

    func execute() async throws {
        let database = try options.open(status ? .readOnly(pendingAllowed: true) : .create)
        let (applied, pending) = try database.migrationStatus()
        if options.json {
            try Terminal.printJSON(["path": [options.databasePath], "applied": applied, "pending": pending])
        } else {
            Terminal.printTable(
                ["migration", "status"],
                ReachDatabase.knownMigrations.map { [$0, applied.contains($0) ? "applied" : "pending"] })
            if !status { Terminal.info("\(options.databasePath): up to date") }
        }
    }
}

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
        let started = Date()
        let summary = try DemoSeeder(database: database).seed(scale: scale) { bar.update(done: $0.done, total: $0.total) }
        let seconds = Date().timeIntervalSince(started)
        if options.json {
            try Terminal.printJSON(summary)
        } else {
            Terminal.print(
                "seeded \(summary.users) users, \(summary.campaigns) campaigns, \(summary.searches) searches, "
                    + "\(summary.creators) creators, \(summary.events) events in \(String(format: "%.1f", seconds)) s")
        }
    }
}

struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search users and creators.",
        subcommands: [Users.self, Creators.self, Start.self])

    struct Users: ReachCommand {
        static let configuration = CommandConfiguration(
            commandName: "users", abstract: "Admin user search: a substring of name, e-mail, business or company, any case.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The substring to find.") var query: String
        @Option(name: .long, parsing: .unconditional, help: "At most this many users (1 to 500).") var limit = 50

        func validate() throws {
            guard (1...500).contains(limit) else { throw UsageError("--limit must be from 1 to 500") }
        }

        func execute() async throws {
            let database = try options.open(.readOnly())
            let users = try await database.reader.read { db in try UserSearch.search(db, query: query, limit: limit) }
            if options.json {
                try Terminal.printJSON(users)
            } else {
                Terminal.printTable(
                    ["user", "name", "email", "business", "plan", "trial", "signed up"],
                    users.map {
                        [$0.userId, $0.fullName ?? "", $0.email ?? "", $0.businessName ?? "",
                         $0.currentPlan?.rawValue ?? "", $0.trialStatus?.rawValue ?? "", WireFormat.timestamp($0.createdAt)]
                    })
            }
        }
    }

    struct Creators: ReachCommand {
        static let configuration = CommandConfiguration(
            commandName: "creators", abstract: "Search the creators that searches found: a substring of handle, name or bio.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The substring to find (\"\" for all).") var query: String
        @Option(name: .long, help: "Only this user's creators (default: every user's).") var user: String?
        @Option(name: .long, help: "tiktok, instagram or youtube.") var platform: String?
        @Option(name: .long, parsing: .unconditional, help: "At least this many followers.") var minFollowers: Int?
        @Option(name: .long, help: "followers, followers_asc, recent or name.") var sort = "followers"
        @Option(name: .long, parsing: .unconditional, help: "At most this many creators (1 to 500).") var limit = 50

        func validate() throws {
            guard (1...500).contains(limit) else { throw UsageError("--limit must be from 1 to 500") }
            if let platform, Platform(parsing: platform) == nil {
                throw UsageError("--platform must be one of tiktok, instagram, youtube")
            }
            guard CreatorSort(rawValue: sort) != nil else {
                throw UsageError("--sort must be one of \(CreatorSort.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func execute() async throws {
            let database = try options.open(.readOnly())
            var creatorQuery = CreatorQuery(userId: user)
            creatorQuery.text = query
            creatorQuery.platform = platform.flatMap(Platform.init(parsing:))
            creatorQuery.minFollowers = minFollowers
            creatorQuery.sort = CreatorSort(rawValue: sort) ?? .followers
            creatorQuery.limit = limit
            let request = creatorQuery
            let page = try await database.reader.read { db in try CreatorSearch.search(db, request) }
            if options.json {
                try Terminal.printJSON(page.creators)
            } else {
                Terminal.printTable(
                    ["platform", "handle", "name", "followers", "verified", "emails", "user"],
                    page.creators.map {
                        [$0.platform.rawValue, $0.handle, $0.name ?? "", String($0.followers), $0.verified ? "✓" : "",
                         $0.emails.joined(separator: " "), $0.userId]
                    })
            }
        }
    }
}

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
            let database = try options.open(.readOnly())
            let row = try await database.reader.read { db in try Settings.row(db, configKey) }
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
            let database = try options.open(.create)
            let row = try await database.writer.write { db in
                try Settings.set(db, configKey, value: value, now: SystemClock().nowMilliseconds())
            }
            if options.json { try Terminal.printJSON(row) } else { Terminal.print("\(configKey) = \(row.value)") }
        }
    }

    struct List: ReachCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Print every setting.")
        @OptionGroup var options: GlobalOptions

        func execute() async throws {
            let database = try options.open(.readOnly())
            let rows = try await database.reader.read { db in try SystemConfiguration.fetchAllOrdered(db) }
            if options.json {
                try Terminal.printJSON(rows)
            } else {
                Terminal.printTable(
                    ["setting", "value", "type", "description"],
                    rows.map { ["\($0.category).\($0.key)", $0.value, $0.valueType.rawValue, $0.description ?? ""] })
            }
        }
    }
}

struct Backup: ReachCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Write a consistent copy of the database, even while a server writes to it.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Where to write the copy (must not exist).") var path: String

    func execute() async throws {
        let database = try options.open(.readOnly())
        try database.backup(to: path)
        let copy = try ReachDatabase.open(path: path, mode: .readOnly())
        let integrity: String? = try copy.quickCheck()
        if options.json {
            try Terminal.printJSON(["path": path, "quickCheck": integrity ?? ""])
        } else {
            Terminal.print("backed up \(options.databasePath) to \(path) (quick_check: \(integrity ?? "?"))")
        }
    }
}

struct Doctor: ReachCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: "Check integrity, search indexes and migrations; list table sizes.")
    @OptionGroup var options: GlobalOptions
    @Flag(name: .long, help: "Rebuild the search indexes first.") var repair = false

    func execute() async throws {
        let database = try options.open(repair ? .existing : .readOnly(pendingAllowed: true))
        if repair { try database.rebuildSearchIndexes() }
        let report = try database.doctor()
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
