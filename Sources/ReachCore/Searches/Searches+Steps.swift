import Foundation
import GRDB
import ReachStore

/// A search's steps: each page from the provider recorded, the next step queued or the search
/// finished; a step's failure, timeout and progress.
extension Searches {
    /// Begins a step of a search: pending becomes processing, a search past its timeout times out.
    public func beginStep(jobId: UUID, cursor: Int) async throws -> Next {
        let now = context.now()
        return try await context.write { db in try Self.beginStep(db, jobId: jobId, cursor: cursor, now: now) }
    }

    /// Records a step's page and queues what follows (the next step, or completion).
    public func recordPage(jobId: UUID, cursor: Int, page: SearchPage) async throws {
        let now = context.now()
        try await context.write { db in try Self.recordPage(db, jobId: jobId, cursor: cursor, page: page, now: now) }
    }

    /// Makes the next pages of running searches due now, where they wait for the continuation
    /// delay: the test kit's `work` finishes a search without moving its clock. Returns how many are pending.
    public func expediteSteps() async throws -> Int {
        let now = context.now()
        return try await context.write { db in try JobQueue.expedite(db, jobType: SearchStepJob.jobType, now: now) }
    }

    /// Records a page of items, one provider call, ending the search when `nextCursor` is nil.
    public func recordPage(jobId: UUID, cursor: Int, items: [JSONValue], nextCursor: Int?) async throws {
        try await recordPage(jobId: jobId, cursor: cursor, page: SearchPage(items: items, nextCursor: nextCursor))
    }

    /// Ends a search in `error` with the message (an Instagram reels search holding enough
    /// creators completes instead, as on the platform).
    public func recordFailure(jobId: UUID, message: String) async throws {
        let now = context.now()
        try await context.write { db in try Self.recordFailure(db, jobId: jobId, message: message, now: now) }
    }

    /// Ends a search whose `timeout_at` passed while a step ran.
    public func recordTimeout(jobId: UUID) async throws {
        let now = context.now()
        try await context.write { db in
            guard var job = try ScrapingJob.fetchOne(db, id: jobId), !job.status.isFinal else { return }
            try Self.finish(db, &job, status: .timeout, error: Self.timeoutMessage, now: now)
        }
    }

    /// A search's progress within a step (a similar search's phases), 0 to 99.
    public func reportProgress(jobId: UUID, progress: Double) async throws {
        let now = context.now()
        try await context.write { db in
            guard var job = try ScrapingJob.fetchOne(db, id: jobId), job.status == .processing else { return }
            job.progress = min(99, max(job.progress ?? 0, progress))
            job.updatedAt = now
            try job.update(db)
        }
    }

    /// Whether the search is still running (not cancelled, failed or timed out meanwhile).
    public func isRunning(jobId: UUID) async throws -> Bool {
        try await context.read { db in try ScrapingJob.fetchOne(db, id: jobId)?.status.isFinal == false }
    }

    /// Times out the searches past their `timeout_at`; returns how many.
    public func timeOutExpired() async throws -> Int {
        let now = context.now()
        return try await context.write { db in try Self.timeOutExpired(db, now: now) }
    }

    @discardableResult
    static func enqueueStep(_ db: Database, jobId: UUID, cursor: Int, at date: Date, now: Date) throws -> BackgroundJob {
        let step = try BackgroundJob(
            SearchStepJob.self, .init(scrapingJobId: jobId, cursor: cursor),
            priority: 50, scheduledFor: date, dedupeKey: "scrape:\(jobId.lowercased):\(cursor)", now: now)
        return try JobQueue.enqueue(db, step).job
    }

    /// What a step should do next.
    public enum Next: Equatable, Sendable {
        /// Fetch the page at the job's cursor.
        case fetch(SearchStep)
        /// Nothing: the job is final, or this step is stale (the job moved past its cursor).
        case nothing
    }

    /// Begins a step: moves a pending job to processing, times it out when past `timeout_at`.
    package static func beginStep(_ db: Database, jobId: UUID, cursor: Int, now: Date) throws -> Next {
        guard var job = try ScrapingJob.fetchOne(db, id: jobId), !job.status.isFinal else { return .nothing }
        if let timeoutAt = job.timeoutAt, now > timeoutAt {
            try finish(db, &job, status: .timeout, error: Self.timeoutMessage, now: now)
            return .nothing
        }
        guard (job.cursor ?? 0) == cursor else { return .nothing }
        if job.status == .pending {
            job.status = .processing
            job.startedAt = now
            job.updatedAt = now
            try job.update(db)
        }
        let stored = try ScrapingResult.fetchAll(db, jobId: jobId).flatMap(\.creatorItems)
        return .fetch(SearchStep(
            job: job, known: Set(stored.compactMap(CreatorIdentity.key)), stored: stored.count,
            maxCalls: try Settings.count(db, .maxAPICalls(job.platform, job.searchType))))
    }

    /// Records one step's page and decides what follows: the next step after the platform's
    /// continuation delay, or completion. Each creator is stored once per search (first sighting
    /// wins) and no more than the target; stale or repeated pages change nothing.
    package static func recordPage(_ db: Database, jobId: UUID, cursor: Int, page: SearchPage, now: Date) throws {
        guard var job = try ScrapingJob.fetchOne(db, id: jobId), job.status == .processing,
            (job.cursor ?? 0) == cursor
        else { return }
        var known = Set(try ScrapingResult.fetchAll(db, jobId: jobId).flatMap(\.creatorItems).compactMap(CreatorIdentity.key))
        let fresh = page.items.filter { item in CreatorIdentity.key(of: item).map { known.insert($0).inserted } ?? true }
        let room = max(0, job.targetResults - job.processedResults)
        let kept = Array(fresh.prefix(room)).map { CreatorEnrichment.enrich($0, platform: job.platform) }
        let result = ScrapingResult(jobId: job.id, creators: kept, cursor: cursor, now: now)
        guard try ScrapingResult.appendPage(db, result) else { return }
        job.processedRuns += max(0, page.runs)
        job.processedResults += kept.count
        job.cursor = page.nextCursor ?? (cursor + page.items.count)
        if !page.searchParams.isEmpty {
            var params = job.searchParams?.objectValue ?? [:]
            params.merge(page.searchParams) { _, new in new }
            job.searchParams = .object(params)
        }
        job.progress = min(99, (Double(job.processedResults) * 100 / Double(max(job.targetResults, 1)) * 10).rounded() / 10)
        job.updatedAt = now
        let cap = try Settings.count(db, .maxAPICalls(job.platform, job.searchType))
        let done = job.processedResults >= job.targetResults || job.processedRuns >= cap || page.nextCursor == nil
        if done {
            try finish(db, &job, status: .completed, error: nil, now: now)
        } else {
            try job.update(db)
            let delay = min(try continuationDelay(db, job), page.continuationCap ?? .infinity)
            try enqueueStep(db, jobId: job.id, cursor: job.cursor ?? 0, at: now.addingTimeInterval(delay), now: now)
        }
    }

    /// The pause between runs: Instagram reels wait longer, as on the platform.
    static func continuationDelay(_ db: Database, _ job: ScrapingJob) throws -> TimeInterval {
        job.platform == .instagram && job.searchType == .keyword
            ? try Settings.seconds(db, .instagramReelsDelay)
            : try Settings.seconds(db, .tiktokContinuationDelay)
    }

    /// A step that will not succeed: the job ends in `error` with the message, its creators kept.
    /// An Instagram reels search holding at least min(20, 30% of its target) completes instead.
    package static func recordFailure(_ db: Database, jobId: UUID, message: String, now: Date) throws {
        guard var job = try ScrapingJob.fetchOne(db, id: jobId), !job.status.isFinal else { return }
        let enough = min(20, Int((Double(job.targetResults) * 0.3).rounded(.up)))
        if job.platform == .instagram, job.searchType == .keyword, job.processedResults >= enough {
            try finish(db, &job, status: .completed, error: nil, now: now)
        } else {
            try finish(db, &job, status: .error, error: message, now: now)
        }
    }

    /// Times out the searches past their `timeout_at` (the recurring task). Returns how many.
    package static func timeOutExpired(_ db: Database, now: Date) throws -> Int {
        var count = 0
        for var job in try ScrapingJob.fetchTimedOut(db, now: now) {
            try finish(db, &job, status: .timeout, error: Self.timeoutMessage, now: now)
            count += 1
        }
        return count
    }

    static func finish(_ db: Database, _ job: inout ScrapingJob, status: ScrapingJobStatus, error: String?, now: Date) throws {
        job.status = status
        job.error = error
        job.completedAt = now
        job.updatedAt = now
        if status == .completed {
            job.progress = 100
            try UserProfile.addCreatorUsage(db, userId: job.userId, count: job.processedResults)
        }
        try job.update(db)
        if status != .completed {
            try BackgroundJob.cancelScrapingSteps(db, scrapingJobId: job.id, now: now)
        }
    }
}
