import Foundation
import GRDB
import Logging
import ReachCore
import ReachStore
import Synchronization

/// What the scheduler's services share: the database, the handlers, who holds the leases, the
/// counters, and the settings read fresh so that `reach config set` applies without a restart.
final class SchedulerCore: Sendable {
    let database: ReachDatabase
    let clock: any ReachClock
    let logger: Logger
    let options: Scheduler.Options
    let handlers: [String: any JobHandler]
    /// `host:pid:instance`: who holds the leases this scheduler takes.
    let holder: String
    let searches: Searches
    let accounts: Accounts
    let maintenance: Maintenance
    let configuration: ReachCore.Configuration
    let counters = Mutex(Scheduler.Counters())
    private let lastFailureLog = Mutex<[String: ContinuousClock.Instant]>([:])

    init(database: ReachDatabase, clock: any ReachClock, handlers: [any JobHandler], options: Scheduler.Options, logger: Logger) {
        self.database = database
        self.clock = clock
        self.logger = logger
        self.options = options
        self.handlers = Dictionary(handlers.map { ($0.jobType, $0) }, uniquingKeysWith: { first, _ in first })
        self.holder = "\(ProcessInfo.processInfo.hostName):\(getpid()):\(UUID().uuidString.prefix(8).lowercased())"
        let context = AppContext(database: database, clock: clock)
        searches = Searches(context)
        accounts = Accounts(context)
        maintenance = Maintenance(context)
        configuration = ReachCore.Configuration(context)
    }

    func jobContext(for job: BackgroundJob) -> JobContext {
        JobContext(searches: searches, accounts: accounts, maintenance: maintenance, logger: logger, jobId: job.id,
                   isLastAttempt: job.retryCount >= job.maxRetries)
    }

    /// Runs `body`; a failure other than cancellation is logged (once a minute at most for the
    /// same activity) and answered with `nil`, so that the loops go on: a database that refuses
    /// work (disk full, read-only) pauses the scheduler, never stops it or the server beside it.
    func survive<T>(_ activity: String, _ body: () async throws -> T) async -> T? {
        do {
            return try await body()
        } catch is CancellationError {
            return nil
        } catch {
            let now = ContinuousClock.now
            let shouldLog = lastFailureLog.withLock { logs -> Bool in
                if let last = logs[activity], now - last < .seconds(60) { return false }
                logs[activity] = now
                return true
            }
            if shouldLog { logger.error("scheduler: \(activity) failed: \(ReachError.from(error)); retrying") }
            return nil
        }
    }

    /// Returns jobs whose lease expired, or whose holder process on this host is gone, to pending.
    func recoverLeases(includeDeadProcesses: Bool) async throws -> Int {
        let now = clock.nowMilliseconds()
        let jobs = try await database.writer.write { [holder] db in
            var dead: [String] = []
            if includeDeadProcesses {
                dead = try JobQueue.leaseHolders(db).filter { $0 != holder && Self.isDeadLocalHolder($0) }
            }
            return try JobQueue.recoverLeases(db, now: now, deadHolders: dead)
        }
        let died = jobs.filter { $0.status == .failed }
        if !jobs.isEmpty {
            counters.withLock {
                $0.leasesRecovered += jobs.count
                $0.failed += died.count
            }
        }
        await endWorkOf(died.map { ($0, $0.error ?? "its worker stopped") })
        return jobs.count
    }

    /// Ends the work that jobs which failed for good stood for (a search in `error`), each through
    /// its handler; a failure is logged, and the work's own timeout ends it instead.
    func endWorkOf(_ died: [(job: BackgroundJob, reason: String)]) async {
        for (job, reason) in died {
            guard let handler = handlers[job.jobType] else { continue }
            _ = await survive("ending the work of a failed \(job.jobType) job") {
                try await handler.died(job, reason: reason, context: jobContext(for: job))
            }
        }
    }

    /// A holder `host:pid:instance` on this host whose process no longer exists.
    static func isDeadLocalHolder(_ holder: String) -> Bool {
        let parts = holder.split(separator: ":")
        guard parts.count == 3, String(parts[0]) == ProcessInfo.processInfo.hostName, let pid = Int32(parts[1]) else {
            return false
        }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    func workerCount() async throws -> Int {
        if let workers = options.workers { return max(1, workers) }
        return max(1, min(256, try await configuration.count(.maxConcurrentJobs)))
    }

    func leaseDuration() async throws -> TimeInterval {
        if let lease = options.leaseDuration { return lease }
        return max(1, try await configuration.seconds(.jobTimeout))
    }

    var pollSeconds: TimeInterval {
        Double(options.pollInterval.components.seconds) + Double(options.pollInterval.components.attoseconds) / 1e18
    }
}
