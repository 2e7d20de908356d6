import ArgumentParser
import Foundation
import ReachCore

struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search users and creators; start, follow, list and cancel searches.",
        subcommands: [Users.self, Creators.self, Start.self, List.self, Show.self, Cancel.self])

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
            let users = try await Admin(try options.context(.readOnly())).searchUsers(query, limit: limit).map(\.profile)
            if options.json {
                try Terminal.printJSON(users)
            } else {
                Terminal.printTable(
                    ["user", "name", "email", "business", "plan", "trial", "signed up"],
                    users.map {
                        [$0.userId, $0.fullName ?? "", $0.email ?? "", $0.businessName ?? "",
                         $0.currentPlan?.rawValue ?? "", $0.trialStatus?.rawValue ?? "", WireFormat.timestamp($0.createdAt)]
                    }, empty: "no user's name, e-mail, business or company holds \"\(query)\"")
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
            var search = CreatorQuery(userId: user)
            search.text = query
            search.platform = platform.flatMap(Platform.init(parsing:))
            search.minFollowers = minFollowers
            search.sort = CreatorSort(rawValue: sort) ?? .followers
            search.limit = limit
            let page = try await ReachCore.Creators(try options.context(.readOnly())).search(search, total: false).page
            if options.json {
                try Terminal.printJSON(page.creators)
            } else {
                Terminal.printTable(
                    ["platform", "handle", "name", "followers", "verified", "emails", "user"],
                    page.creators.map {
                        [$0.platform.rawValue, $0.handle, $0.name ?? "", NumberText.grouped($0.followers), $0.verified ? "✓" : "",
                         $0.emails.joined(separator: " "), $0.userId]
                    }, numeric: [3], empty: query.isEmpty ? "no creators found yet" : "no creator's handle, name or bio holds \"\(query)\"")
            }
        }
    }

    struct Start: ReachCommand {
        static let configuration = CommandConfiguration(
            commandName: "start", abstract: "Start a search as the API does; `reach work` or `reach serve` runs it.")

        @OptionGroup var options: GlobalOptions
        @Option(name: .long, help: "Whose search.") var user: String
        @Option(name: .long, help: "tiktok, instagram or youtube.") var platform: String
        @Option(name: .long, help: "Comma-separated keywords (a keyword search).") var keywords: String?
        @Option(name: .long, help: "An account to find similar creators to (a similar search).") var username: String?
        @Option(name: .long, parsing: .unconditional, help: "How many creators (the platform's default otherwise).") var target: Int?
        @Option(name: .long, help: "The campaign it belongs to (default: the user's \"From the command line\", made when missing).")
        var campaign: String?
        @Flag(name: .long, help: "Run it here to the end, with a progress bar on a terminal (--json: its final state).")
        var wait = false
        @OptionGroup var provider: ProviderOptions

        func validate() throws {
            guard Platform(parsing: platform) != nil else { throw UsageError("--platform must be tiktok, instagram or youtube") }
            if keywords == nil && username == nil {
                throw UsageError("give --keywords K1,K2 (a keyword search) or --username NAME (a similar search)")
            }
            if keywords != nil && username != nil { throw UsageError("give --keywords or --username, not both") }
        }

        func execute() async throws {
            let context = try options.context(.existing)
            let request = try ReachCore.Searches.validate(
                platform: Platform(parsing: platform)!, keywords: keywords?.split(separator: ",").map(String.init),
                username: username, targetResults: target)
            // A search belongs to a campaign, as in the API: without --campaign, the user's "From the command line".
            var campaignId = try campaign.map { try parseUUID($0, field: "campaign") }
            if campaignId == nil {
                let (campaign, created) = try await Campaigns(context).commandLine(userId: user, searchType: request.searchType)
                campaignId = campaign.id
                Terminal.info("in campaign \"\(campaign.name)\" (\(campaign.id.lowercased)\(created ? ", new" : ""))")
            }
            let searches = ReachCore.Searches(context)
            var job = try await searches.start(userId: user, request: request, campaignId: campaignId)
            guard wait else {
                if options.json {
                    try Terminal.printJSON(job)
                } else {
                    Terminal.print("started \(job.platform.rawValue) \(job.searchType.rawValue) search \(job.id.lowercased) "
                        + "for \(job.targetResults) creators; run `reach work --until-idle` to complete it (or start it with --wait)")
                }
                return
            }
            Terminal.info("started search \(job.id.lowercased); running it here")
            let scheduler = try provider.makeScheduler(database: context.database, logger: Composition.logger("reach.search"))
            try await SearchWatcher(searches: searches).watching(only: job.id) {
                _ = try await scheduler.runUntilIdle(waitForScheduled: true)
            }
            job = try await searches.find(id: job.id)
            if options.json {
                try Terminal.printJSON(job)
            } else {
                Terminal.print(SearchCommand.describe(job))
            }
        }
    }

    struct List: ReachCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Searches, newest first.")
        @OptionGroup var options: GlobalOptions
        @Option(name: .long, help: "Only this user's.") var user: String?
        @Option(name: .long, help: "Only this status: \(ScrapingJobStatus.valueList).") var status: String?
        @Option(name: .long, parsing: .unconditional, help: "At most this many (1 to 500).") var limit = 50

        func validate() throws {
            if let status, ScrapingJobStatus(parsing: status) == nil {
                throw UsageError("--status must be one of \(ScrapingJobStatus.valueList)")
            }
            guard (1...500).contains(limit) else { throw UsageError("--limit must be from 1 to 500") }
        }

        func execute() async throws {
            let jobs = try await ReachCore.Searches(try options.context(.readOnly()))
                .list(userId: user, status: status.flatMap(ScrapingJobStatus.init(parsing:)), limit: limit)
            if options.json {
                try Terminal.printJSON(jobs)
            } else {
                Terminal.printTable(
                    ["id", "user", "platform", "type", "for", "status", "creators", "started"],
                    jobs.map {
                        [$0.id.lowercased, $0.userId, $0.platform.rawValue, $0.searchType.rawValue, SearchCommand.subject($0),
                         $0.status.rawValue, "\($0.processedResults)/\($0.targetResults)", WireFormat.timestamp($0.createdAt)]
                    })
            }
        }
    }

    struct Show: ReachCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "One search: its state and progress.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The search id (`search start` prints it).") var id: String

        func execute() async throws {
            let job = try await ReachCore.Searches(try options.context(.readOnly())).find(id: try parseUUID(id, field: "id"))
            if options.json { try Terminal.printJSON(job) } else { Terminal.print(SearchCommand.describe(job)) }
        }
    }

    struct Cancel: ReachCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel", abstract: "Cancel a search that has not finished, and its queue jobs.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The search id (`search start` prints it).") var id: String

        func execute() async throws {
            let job = try await ReachCore.Searches(try options.context(.existing)).cancel(id: try parseUUID(id, field: "id"), userId: nil)
            if options.json { try Terminal.printJSON(job) } else { Terminal.print("search \(job.id.lowercased) cancelled") }
        }
    }

    /// `#yoga, #pilates` or `@maya`: what a search looks for.
    static func subject(_ job: ScrapingJob) -> String {
        if let username = job.targetUsername { return "@\(username)" }
        return (job.keywords?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: ", ")
    }

    static func describe(_ job: ScrapingJob) -> String {
        var text = "search \(job.id.lowercased): \(job.platform.rawValue) \(job.searchType.rawValue) for \(subject(job)), "
            + "\(job.status.rawValue), \(job.processedResults) of \(job.targetResults) creators"
        if let error = job.error { text += " (\(error))" }
        return text
    }
}

func parseUUID(_ text: String, field: String) throws -> UUID {
    guard let id = UUID(uuidString: text) else {
        throw ReachError.invalid(field: field, reason: "'\(text)' is not a UUID like 7623f469-2691-4272-b000-79ddfaded63e")
    }
    return id
}
