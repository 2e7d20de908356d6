import Foundation
import GRDB

/// The durable queue over `background_jobs`: enqueue, claim under a lease, complete, fail, recover.
///
/// Every method runs inside the caller's transaction, so that enqueuing commits with the change
/// that asked for the work, and a claim is atomic: no job is handed to two workers.
public enum JobQueue {
    /// Adds a job; with a `dedupeKey` that exists, returns the existing job instead.
    @discardableResult
    public static func enqueue(_ db: Database, _ job: BackgroundJob) throws -> (job: BackgroundJob, inserted: Bool) {
        if let key = job.dedupeKey,
            let existing = try BackgroundJob.filter(BackgroundJob.Columns.dedupeKey == key).fetchOne(db)
        {
            return (existing, false)
        }
        try job.payload.validateForPostgres()
        try job.result?.validateForPostgres()
        // A kept statement with positional values: searches and bursts enqueue by the thousand,
        // and the record's generic insert (a column-name dictionary per row) took most of the time.
        try db.cachedStatement(sql: insertSQL).execute(arguments: [
            job.id.lowercased, job.jobType, job.payload, job.status.rawValue, job.qstashMessageId, job.priority,
            job.maxRetries, job.retryCount, job.scheduledFor.databaseText, job.startedAt?.databaseText,
            job.completedAt?.databaseText, job.failedAt?.databaseText, job.error, job.result, job.createdAt.databaseText,
            job.updatedAt.databaseText, job.leaseExpiresAt?.databaseText, job.leasedBy, job.dedupeKey,
        ])
        return (job, true)
    }

    static let insertSQL = """
        INSERT INTO background_jobs (
            id, job_type, payload, status, qstash_message_id, priority, max_retries, retry_count, scheduled_for,
            started_at, completed_at, failed_at, error, result, created_at, updated_at,
            lease_expires_at, leased_by, dedupe_key)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Claims up to `limit` due jobs, in order of priority then scheduled time, for `holder`
    /// until `leaseUntil`.
    public static func claim(
        _ db: Database, now: Date, limit: Int, holder: String, leaseUntil: Date
    ) throws -> [BackgroundJob] {
        let claimed = try BackgroundJob.fetchReadable(
            laidOut: db.cachedStatement(sql: """
                UPDATE background_jobs
                SET status = 'processing', started_at = ?1, updated_at = ?1, lease_expires_at = ?2, leased_by = ?3
                WHERE id IN (
                    -- Named: with statistics gathered before an index existed, the planner may
                    -- prefer one that needs a sort, and the claim is the queue's hottest read.
                    SELECT id FROM background_jobs INDEXED BY idx_background_jobs_pending
                    WHERE status = 'pending' AND scheduled_for <= ?1
                    ORDER BY priority, scheduled_for
                    LIMIT ?4)
                RETURNING *
                """), arguments: [now.databaseText, leaseUntil.databaseText, holder, limit])
        // A job whose row cannot be read (written around Reach) fails at once, saying why, instead
        // of failing the whole claim at every round.
        for (id, error) in claimed.unreadable {
            try db.execute(sql: """
                UPDATE background_jobs SET status = 'failed', failed_at = ?1, updated_at = ?1, error = ?2,
                    lease_expires_at = NULL, leased_by = NULL
                WHERE id = ?3
                """, arguments: [now.databaseText, String(error.description.prefix(2_000)), id])
        }
        return claimed.records.sorted { ($0.priority, $0.scheduledFor) < ($1.priority, $1.scheduledFor) }
    }

    /// Marks jobs completed with their handlers' results, if `holder` still holds them, in one
    /// statement. Returns how many were completed.
    @discardableResult
    public static func complete(_ db: Database, _ results: [(id: UUID, result: JSONValue?)], holder: String, now: Date) throws -> Int {
        var completed = 0
        // SQLite binds at most 32,766 values; 500 jobs per statement stays far below.
        for chunk in stride(from: 0, to: results.count, by: 500).map({ results[$0..<min($0 + 500, results.count)] }) {
            // Plain `?` in the order they appear: SQLite looks numbered ones up in a list.
            var arguments: StatementArguments = [now.databaseText, now.databaseText]
            for (id, result) in chunk {
                try result?.validateForPostgres()
                arguments += [id.lowercased, result]
            }
            arguments += [holder]
            let values = Array(repeating: "(?, ?)", count: chunk.count).joined(separator: ", ")
            try db.execute(
                sql: """
                    UPDATE background_jobs
                    SET status = 'completed', completed_at = ?, updated_at = ?, result = v.column2, error = NULL,
                        lease_expires_at = NULL, leased_by = NULL
                    FROM (VALUES \(values)) AS v
                    WHERE background_jobs.id = v.column1 AND background_jobs.status = 'processing'
                      AND background_jobs.leased_by = ?
                    """, arguments: arguments)
            completed += db.changesCount
        }
        return completed
    }

    /// Marks a job completed with its handler's result, if `holder` still holds it.
    @discardableResult
    public static func complete(_ db: Database, id: UUID, holder: String, result: JSONValue?, now: Date) throws -> Bool {
        try result?.validateForPostgres()
        try db.execute(
            sql: """
                UPDATE background_jobs
                SET status = 'completed', completed_at = ?1, updated_at = ?1, result = ?2, error = NULL,
                    lease_expires_at = NULL, leased_by = NULL
                WHERE id = ?3 AND status = 'processing' AND leased_by = ?4
                """, arguments: [now.databaseText, result, id.lowercased, holder])
        return db.changesCount > 0
    }

    /// Records a failed attempt: back to pending at `retryAt` while retries remain, else `failed`
    /// (kept, retryable by hand). Returns the new status, or nil when `holder` no longer held it.
    @discardableResult
    public static func fail(
        _ db: Database, id: UUID, holder: String, error: String, retryAt: Date?, now: Date
    ) throws -> BackgroundJobStatus? {
        let status = try String.fetchOne(
            db,
            sql: """
                UPDATE background_jobs
                SET status = CASE WHEN ?3 IS NOT NULL AND retry_count < max_retries THEN 'pending' ELSE 'failed' END,
                    retry_count = CASE WHEN ?3 IS NOT NULL AND retry_count < max_retries THEN retry_count + 1 ELSE retry_count END,
                    scheduled_for = CASE WHEN ?3 IS NOT NULL AND retry_count < max_retries THEN ?3 ELSE scheduled_for END,
                    failed_at = CASE WHEN ?3 IS NOT NULL AND retry_count < max_retries THEN failed_at ELSE ?1 END,
                    error = ?2, updated_at = ?1, lease_expires_at = NULL, leased_by = NULL, started_at = NULL
                WHERE id = ?4 AND status = 'processing' AND leased_by = ?5
                RETURNING status
                """, arguments: [now.databaseText, String(error.prefix(2_000)), retryAt?.databaseText, id.lowercased, holder])
        return status.flatMap(BackgroundJobStatus.init(rawValue:))
    }

    /// Extends the leases of jobs `holder` is running.
    public static func renewLeases(_ db: Database, ids: [UUID], holder: String, leaseUntil: Date) throws {
        guard !ids.isEmpty else { return }
        try db.execute(
            sql: """
                UPDATE background_jobs SET lease_expires_at = ?
                WHERE status = 'processing' AND leased_by = ? AND id IN (\(QueryPatterns.placeholders(ids.count)))
                """, arguments: StatementArguments([leaseUntil.databaseText, holder] as [any DatabaseValueConvertible]) + StatementArguments(ids.map(\.lowercased)))
    }

    /// Returns jobs whose lease expired, or whose holder is one of `deadHolders`, to pending with
    /// one more retry counted (or `failed` when none remain). Returns the jobs recovered, as they are now.
    @discardableResult
    public static func recoverLeases(_ db: Database, now: Date, deadHolders: [String] = []) throws -> [BackgroundJob] {
        var condition = "lease_expires_at < ?1"
        var arguments: StatementArguments = [now.databaseText]
        if !deadHolders.isEmpty {
            condition += " OR leased_by IN (\(QueryPatterns.placeholders(deadHolders.count)))"
            arguments += StatementArguments(deadHolders)
        }
        return try BackgroundJob.fetchAll(
            db,
            sql: """
                UPDATE background_jobs
                SET status = CASE WHEN retry_count < max_retries THEN 'pending' ELSE 'failed' END,
                    failed_at = CASE WHEN retry_count < max_retries THEN failed_at ELSE ?1 END,
                    retry_count = CASE WHEN retry_count < max_retries THEN retry_count + 1 ELSE retry_count END,
                    scheduled_for = ?1, updated_at = ?1, started_at = NULL,
                    error = 'lease expired: the worker running it stopped', lease_expires_at = NULL, leased_by = NULL
                WHERE status = 'processing' AND (\(condition))
                RETURNING *
                """, arguments: arguments)
    }

    /// The distinct holders of current leases, to find those whose process is gone.
    public static func leaseHolders(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT DISTINCT leased_by FROM background_jobs WHERE status = 'processing' AND leased_by IS NOT NULL
            """)
    }

    /// Puts jobs `holder` still runs back to pending, untouched: a graceful shutdown's hand-back.
    public static func release(_ db: Database, ids: [UUID], holder: String, now: Date) throws {
        guard !ids.isEmpty else { return }
        try db.execute(
            sql: """
                UPDATE background_jobs
                SET status = 'pending', started_at = NULL, lease_expires_at = NULL, leased_by = NULL, updated_at = ?
                WHERE status = 'processing' AND leased_by = ? AND id IN (\(QueryPatterns.placeholders(ids.count)))
                """, arguments: StatementArguments([now.databaseText, holder] as [any DatabaseValueConvertible]) + StatementArguments(ids.map(\.lowercased)))
    }

    /// Cancels a pending or running job. A running handler finishes, but its outcome is dropped.
    public static func cancel(_ db: Database, id: UUID, now: Date) throws -> BackgroundJob {
        guard var job = try BackgroundJob.fetchOne(db, id: id) else { throw StoreError.notFound(what: "job \(id.lowercased)") }
        guard job.status == .pending || job.status == .processing else {
            throw StoreError.conflict("job \(id.lowercased) is \(job.status.rawValue): only pending or processing jobs can be cancelled")
        }
        job.status = .cancelled
        job.leaseExpiresAt = nil
        job.leasedBy = nil
        job.updatedAt = now
        try job.update(db)
        return job
    }

    /// Runs a failed or cancelled job again now, with its retries reset.
    public static func retry(_ db: Database, id: UUID, now: Date) throws -> BackgroundJob {
        guard var job = try BackgroundJob.fetchOne(db, id: id) else { throw StoreError.notFound(what: "job \(id.lowercased)") }
        guard job.status == .failed || job.status == .cancelled else {
            throw StoreError.conflict("job \(id.lowercased) is \(job.status.rawValue): only failed or cancelled jobs can be retried")
        }
        job.status = .pending
        job.retryCount = 0
        job.scheduledFor = now
        job.failedAt = nil
        job.startedAt = nil
        job.updatedAt = now
        try job.update(db)
        return job
    }

    /// The earliest time a pending job becomes due, to sleep until then.
    public static func nextDueDate(_ db: Database) throws -> Date? {
        try Date.fetchStored(db.cachedStatement(sql: """
            SELECT min(scheduled_for) FROM background_jobs WHERE status = 'pending'
            """))
    }

    /// Jobs by status, newest first: the admin queue view and `reach jobs list`.
    public static func list(
        _ db: Database, status: BackgroundJobStatus?, jobType: String? = nil, before: (Date, UUID)? = nil, limit: Int
    ) throws -> [BackgroundJob] {
        var request = BackgroundJob.all()
        if let status { request = request.filter(BackgroundJob.Columns.status == status.rawValue) }
        if let jobType { request = request.filter(BackgroundJob.Columns.jobType == jobType) }
        if let before {
            request = request.filter(sql: "(created_at, id) < (?, ?)", arguments: [before.0.databaseText, before.1.lowercased])
        }
        return try request.order(BackgroundJob.Columns.createdAt.desc, BackgroundJob.Columns.id.desc).limit(limit).fetchAll(db)
    }

    /// Counts by status, and the age of the oldest due pending job: queue metrics.
    public static func stats(_ db: Database, now: Date)
        throws -> (byStatus: [BackgroundJobStatus: Int], oldestPending: Date?, due: Int, later: Int)
    {
        var counts: [BackgroundJobStatus: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT status, count(*) AS n FROM background_jobs GROUP BY status") {
            if let text: String = try row.value("status"), let status = BackgroundJobStatus(rawValue: text) {
                counts[status] = try row.value("n") ?? 0
            }
        }
        let row = try Row.fetchOne(db, sql: """
            SELECT min(scheduled_for) AS oldest, count(*) AS due FROM background_jobs WHERE status = 'pending' AND scheduled_for <= ?
            """, arguments: [now.databaseText])
        let due: Int = try row?.value("due") ?? 0
        return (counts, row?.optionalDate("oldest"), due, max(0, (counts[.pending] ?? 0) - due))
    }

    /// Makes the pending jobs of `jobType` due now at the latest; returns how many are pending,
    /// also those already due (one may have fallen due since the queue last looked).
    public static func expedite(_ db: Database, jobType: String, now: Date) throws -> Int {
        try db.execute(sql: """
            UPDATE background_jobs
            SET scheduled_for = min(scheduled_for, ?1), updated_at = CASE WHEN scheduled_for > ?1 THEN ?1 ELSE updated_at END
            WHERE status = 'pending' AND job_type = ?2
            """, arguments: [now.databaseText, jobType])
        return db.changesCount
    }

    /// Cancels the pending jobs whose de-duplication key starts with `prefix` (a trial e-mail's).
    public static func cancelPending(_ db: Database, dedupeKeyPrefix prefix: String, now: Date) throws {
        try db.execute(sql: """
            UPDATE background_jobs SET status = 'cancelled', updated_at = ?
            WHERE status = 'pending' AND dedupe_key >= ? AND dedupe_key < ? || char(1114111)
            """, arguments: [now.databaseText, prefix, prefix])
    }

    /// What keeps `reach work --until-idle` waiting: a job running, a search not finished (its next
    /// step comes after a continuation delay), or a job due within `horizon` of `now`.
    public static func hasWorkInProgress(_ db: Database, now: Date, horizon: TimeInterval) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM background_jobs WHERE status = 'processing')
                OR EXISTS (SELECT 1 FROM scraping_jobs WHERE status IN ('pending', 'processing'))
                OR EXISTS (SELECT 1 FROM background_jobs WHERE status = 'pending' AND scheduled_for <= ?)
            """, arguments: [now.addingTimeInterval(horizon).databaseText]) ?? false
    }

    /// Pending jobs due after `now`: how many, and the first one's time.
    public static func waiting(_ db: Database, after now: Date) throws -> (count: Int, next: Date?) {
        let row = try Row.fetchOne(db, sql: """
            SELECT count(*) AS n, min(scheduled_for) AS next FROM background_jobs WHERE status = 'pending' AND scheduled_for > ?
            """, arguments: [now.databaseText])
        return (try row?.value("n") ?? 0, row?.optionalDate("next"))
    }

    public static func hasUnfinishedWork(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM background_jobs WHERE status IN ('pending', 'processing'))
            """) ?? false
    }

    /// Deletes finished jobs older than their retention: completed and cancelled after
    /// `completedBefore`, failed after `failedBefore`.
    public static func deleteFinished(_ db: Database, completedBefore: Date, failedBefore: Date) throws -> Int {
        try db.execute(
            sql: """
                DELETE FROM background_jobs
                WHERE (status IN ('completed', 'cancelled') AND updated_at < ?)
                   OR (status = 'failed' AND updated_at < ?)
                """, arguments: [completedBefore.databaseText, failedBefore.databaseText])
        return db.changesCount
    }
}
