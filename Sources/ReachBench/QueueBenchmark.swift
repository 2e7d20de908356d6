import Foundation
import GRDB
import Logging
import ReachCore
import ReachJobs
import ReachStore

/// No-op jobs enqueued, claimed and completed per second, with 1 to N workers, on a fresh file in
/// WAL with synchronous=NORMAL; beside the raw single-row commit rate of the same file.
struct QueueBenchmark {
    let jobs: Int
    let workers: [Int]

    struct NoOp: JobHandler {
        typealias Kind = NoOpJob
        func run(_ parameters: NoOpJob.Parameters, context: JobContext) async throws -> JSONValue? { nil }
    }

    func run() async throws -> [String: Any] {
        var output: [String: Any] = [:]
        // The raw commit rate: one tiny write per transaction.
        do {
            let database = try ReachDatabase.temporary()
            let count = 5_000
            let start = DispatchTime.now().uptimeNanoseconds
            for index in 0..<count {
                _ = try await database.writer.write { db in
                    try Secrets.fetchOrCreate(db, name: "commit-\(index)") { "x" }
                }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            output["commits_per_s"] = (Double(count) / seconds).rounded()
        }
        var byWorkers: [String: [String: Double]] = [:]
        for workerCount in workers {
            let database = try ReachDatabase.temporary()
            var logger = Logger(label: "bench")
            logger.logLevel = .critical
            let scheduler = Scheduler(database: database, clock: SystemClock(), handlers: [NoOp()], recurring: .none,
                                      options: .init(workers: workerCount), logger: logger)
            let now = Date().addingTimeInterval(-1)
            let started = DispatchTime.now().uptimeNanoseconds
            for batch in stride(from: 0, to: jobs, by: 500) {
                try await database.writer.write { db in
                    for _ in batch..<min(jobs, batch + 500) {
                        try JobQueue.enqueue(db, try BackgroundJob(NoOpJob.self, .init(), scheduledFor: now, now: now))
                    }
                }
            }
            let enqueued = DispatchTime.now().uptimeNanoseconds
            try await scheduler.runUntilIdle()
            let finished = DispatchTime.now().uptimeNanoseconds
            let completed = try await database.reader.read { db in
                try BackgroundJob.filter(BackgroundJob.Columns.status == "completed").fetchCount(db)
            }
            guard completed == jobs else { throw BenchError("\(completed) of \(jobs) jobs completed") }
            byWorkers[String(workerCount)] = [
                "jobs_per_s": (Double(jobs) / (Double(finished - started) / 1e9)).rounded(),
                "enqueue_per_s": (Double(jobs) / (Double(enqueued - started) / 1e9)).rounded(),
                "claim_complete_per_s": (Double(jobs) / (Double(finished - enqueued) / 1e9)).rounded(),
            ]
        }
        output["workers"] = byWorkers
        return output
    }
}
