import ArgumentParser
import Foundation
import Logging
import ReachCore
import ReachJobs
import ReachStore
import ServiceLifecycle

struct Work: ReachCommand {
    static let configuration = CommandConfiguration(
        commandName: "work", abstract: "Run the scheduler alone (no HTTP listener): background jobs, searches, events, recurring tasks.")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var provider: ProviderOptions
    @Flag(name: .long, help: "Exit 0 once no job is pending or running.") var untilIdle = false

    func execute() async throws {
        let database = try options.open(.create)
        let logger = Composition.logger("reach.work")
        let scheduler = try provider.makeScheduler(database: database, logger: logger)
        if untilIdle {
            try await scheduler.runUntilIdle(waitForScheduled: true)
        } else {
            let group = ServiceGroup(configuration: .init(
                services: [.init(service: scheduler)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        }
        let stats = scheduler.stats
        Terminal.info("reach work: \(stats.completed) jobs completed, \(stats.retried) retried, \(stats.failed) failed, "
            + "\(stats.eventsProcessed) events processed, \(stats.leasesRecovered) leases recovered")
    }
}

struct Jobs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "The background job queue.", subcommands: [List.self, Retry.self, Cancel.self])

    struct List: ReachCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List background jobs, newest first.")
        @OptionGroup var options: GlobalOptions
        @Option(name: .long, help: "pending, processing, completed, failed or cancelled.") var status: String?
        @Option(name: .long, parsing: .unconditional, help: "At most this many (1 to 500).") var limit = 50

        func validate() throws {
            if let status, BackgroundJobStatus(parsing: status) == nil {
                throw UsageError("--status must be one of \(BackgroundJobStatus.valueList)")
            }
            guard (1...500).contains(limit) else { throw UsageError("--limit must be from 1 to 500") }
        }

        func execute() async throws {
            let database = try options.open(.readOnly())
            let wanted = status.flatMap(BackgroundJobStatus.init(parsing:))
            let jobs = try await database.reader.read { db in try JobQueue.list(db, status: wanted, limit: limit) }
            if options.json {
                try Terminal.printJSON(jobs)
            } else {
                Terminal.printTable(
                    ["id", "type", "status", "retries", "scheduled", "error"],
                    jobs.map {
                        [$0.id.lowercased, $0.jobType, $0.status.rawValue, "\($0.retryCount)/\($0.maxRetries)",
                         WireFormat.timestamp($0.scheduledFor), String(($0.error ?? "").prefix(60))]
                    })
            }
        }
    }

    struct Retry: ReachCommand {
        static let configuration = CommandConfiguration(commandName: "retry", abstract: "Run a failed or cancelled job again.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The job id.") var id: String

        func execute() async throws {
            let jobId = try parseUUID(id, field: "id")
            let database = try options.open(.existing)
            let job = try await database.writer.write { db in try JobQueue.retry(db, id: jobId, now: SystemClock().nowMilliseconds()) }
            if options.json { try Terminal.printJSON(job) } else { Terminal.print("job \(job.id.lowercased) is pending again") }
        }
    }

    struct Cancel: ReachCommand {
        static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a pending or running job.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The job id.") var id: String

        func execute() async throws {
            let jobId = try parseUUID(id, field: "id")
            let database = try options.open(.existing)
            let job = try await database.writer.write { db in try JobQueue.cancel(db, id: jobId, now: SystemClock().nowMilliseconds()) }
            if options.json { try Terminal.printJSON(job) } else { Terminal.print("job \(job.id.lowercased) cancelled") }
        }
    }
}

func parseUUID(_ text: String, field: String) throws -> UUID {
    guard let id = UUID(uuidString: text) else {
        throw ReachError.invalid(field: field, reason: "'\(text)' is not a UUID like 7623f469-2691-4272-b000-79ddfaded63e")
    }
    return id
}

extension SearchCommand {
    struct Start: ReachCommand {
        static let configuration = CommandConfiguration(
            commandName: "start", abstract: "Start a search as the API does; `reach work` or `reach serve` runs it.")

        @OptionGroup var options: GlobalOptions
        @Option(name: .long, help: "Whose search.") var user: String
        @Option(name: .long, help: "tiktok, instagram or youtube.") var platform: String
        @Option(name: .long, help: "Comma-separated keywords (a keyword search).") var keywords: String?
        @Option(name: .long, help: "An account to find similar creators to (a similar search).") var username: String?
        @Option(name: .long, parsing: .unconditional, help: "How many creators (the platform's default otherwise).") var target: Int?
        @Option(name: .long, help: "The campaign it belongs to.") var campaign: String?

        func validate() throws {
            guard Platform(parsing: platform) != nil else { throw UsageError("--platform must be tiktok, instagram or youtube") }
            guard (keywords == nil) != (username == nil) else {
                throw UsageError("give --keywords K1,K2 or --username NAME, not both")
            }
        }

        func execute() async throws {
            let database = try options.open(.existing)
            let request = try Searches.validate(
                platform: Platform(parsing: platform)!, keywords: keywords?.split(separator: ",").map(String.init),
                username: username, targetResults: target)
            let campaignId = try campaign.map { try parseUUID($0, field: "campaign") }
            let job = try await database.writer.write { db in
                try Searches.start(db, userId: user, request: request, campaignId: campaignId, now: SystemClock().nowMilliseconds())
            }
            if options.json {
                try Terminal.printJSON(job)
            } else {
                Terminal.print("started \(job.platform.rawValue) \(job.searchType.rawValue) search \(job.id.lowercased) "
                    + "for \(job.targetResults) creators; run `reach work --until-idle` to complete it")
            }
        }
    }
}
