import ArgumentParser
import Foundation
import ReachCore

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
            let wanted = status.flatMap(BackgroundJobStatus.init(parsing:))
            let jobs = try await Admin(try options.context(.readOnly())).jobs(status: wanted, jobType: nil, after: nil, limit: limit).jobs
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
            let job = try await Admin(try options.context(.existing)).retryJob(id: jobId, admin: nil, events: EventContext())
            if options.json { try Terminal.printJSON(job) } else { Terminal.print("job \(job.id.lowercased) is pending again") }
        }
    }

    struct Cancel: ReachCommand {
        static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a pending or running job.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The job id.") var id: String

        func execute() async throws {
            let jobId = try parseUUID(id, field: "id")
            let job = try await Admin(try options.context(.existing)).cancelJob(id: jobId)
            if options.json { try Terminal.printJSON(job) } else { Terminal.print("job \(job.id.lowercased) cancelled") }
        }
    }
}
