import Foundation
import GRDB
import ReachStore

/// Searches (scraping jobs): starting them, recording each provider page, and their final states.
///
/// Status flow: pending → processing → completed | error | timeout | cancelled. Each step is one
/// `process_scraping_job` background job carrying the cursor it fetches at, so that a step re-run
/// after a crash finds its page stored already and stores nothing twice.
///
/// This file holds the use cases; the steps, the request rules, the export's selection and live
/// observation are in `Searches+*.swift`.
public struct Searches: Sendable {

    let context: AppContext

    public init(_ context: AppContext) {
        self.context = context
    }

    /// Starts a search: the plan's creator limit and the campaign are checked, the job written and
    /// its first step queued, in one transaction. With `reusingActive`, the user's pending or
    /// processing search of the same campaign, platform, account and target is answered instead
    /// (the platform's YouTube similar route does so).
    public func start(userId: String, request: SearchRequest, campaignId: UUID?, reusingActive: Bool = false) async throws
        -> ScrapingJob
    {
        let now = context.now()
        return try await context.write { db in
            if reusingActive, let campaignId, let username = request.username,
                let active = try ScrapingJob.fetchActive(
                    db, userId: userId, campaignId: campaignId, platform: request.platform, targetUsername: username,
                    targetResults: request.targetResults)
            {
                return active
            }
            return try Self.start(db, userId: userId, request: request, campaignId: campaignId, now: now)
        }
    }

    /// The user's search (anyone else's is not found).
    public func job(id: UUID, userId: String) async throws -> ScrapingJob {
        try await context.read { db in try Self.owned(db, id: id, userId: userId) }
    }

    /// Searches newest first, of `userId` or (nil) every user's: the command line's list.
    public func list(userId: String?, status: ScrapingJobStatus?, limit: Int) async throws -> [ScrapingJob] {
        try await context.read { db in try ScrapingJob.fetchRecent(db, userId: userId, status: status, limit: limit) }
    }

    /// Any user's search, by id: the command line's.
    public func find(id: UUID) async throws -> ScrapingJob {
        try await context.read { db in
            guard let job = try ScrapingJob.fetchOne(db, id: id) else { throw ReachError.notFound("search \(id.lowercased)") }
            return job
        }
    }

    /// The searches not finished yet, oldest first: what `reach work` shows the progress of.
    public func unfinished() async throws -> [ScrapingJob] {
        try await context.read { db in try ScrapingJob.fetchUnfinished(db) }
    }

    /// The user's search with its results and campaign. A search still active past its
    /// `timeout_at` is timed out first, as the platform's poll routes do.
    public func detail(id: UUID, userId: String) async throws -> JobDetail {
        let now = context.now()
        let detail = try await context.read { db in try Self.detail(db, id: id, userId: userId) }
        guard !detail.job.status.isFinal, let timeoutAt = detail.job.timeoutAt, now > timeoutAt else { return detail }
        return try await context.write { db in
            if var job = try ScrapingJob.fetchOne(db, id: id), !job.status.isFinal {
                try Self.finish(db, &job, status: .timeout, error: Self.timeoutMessage, now: now)
            }
            return try Self.detail(db, id: id, userId: userId)
        }
    }

    /// What a search that ran out of time says.
    public static let timeoutMessage = "Search timed out"

    static func detail(_ db: Database, id: UUID, userId: String) throws -> JobDetail {
        _ = try owned(db, id: id, userId: userId)
        guard let detail = try ScrapingJob.fetchDetail(db, id: id) else { throw ReachError.notFound("job \(id.lowercased)") }
        return detail
    }

    /// Cancels the user's search (any user's when `userId` is nil: the command line).
    public func cancel(id: UUID, userId: String?) async throws -> ScrapingJob {
        let now = context.now()
        return try await context.write { db in try Self.cancel(db, jobId: id, userId: userId, now: now) }
    }

    /// Starts a search: checks the plan's creator limit and the campaign, writes the job and
    /// enqueues its first step, in the caller's transaction.
    package static func start(
        _ db: Database, userId: String, request: SearchRequest, campaignId: UUID?, now: Date
    ) throws -> ScrapingJob {
        guard let profile = try UserProfile.fetchOne(db, userId: userId) else {
            throw ReachError.notFound("user \(userId)")
        }
        do {
            try Usage.checkCreators(db, profile: profile, adding: request.targetResults)
        } catch ReachError.planLimitExceeded(var details) {
            details.searchType = request.searchType
            details.platform = request.platform
            throw ReachError.planLimitExceeded(details)
        }
        if let campaignId {
            guard var campaign = try Campaign.fetchOne(db, id: campaignId), campaign.userId == userId else {
                throw ReachError.notFound("campaign \(campaignId.lowercased)")
            }
            if campaign.status == .draft {
                campaign.status = .active
                campaign.updatedAt = now
                try campaign.update(db)
            }
        }
        let timeout = try Settings.seconds(db, .standardJobTimeout)
        var job = ScrapingJob(
            userId: userId, campaignId: campaignId, platform: request.platform, keywords: request.keywords,
            targetUsername: request.username, searchParams: ["searchType": .string(request.searchType.rawValue)],
            targetResults: request.targetResults, timeoutAt: now.addingTimeInterval(timeout), now: now)
        try job.insert(db)
        let step = try enqueueStep(db, jobId: job.id, cursor: 0, at: now, now: now)
        job.qstashMessageId = step.id.lowercased
        try job.update(db)
        return job
    }

    /// Cancels a search that has not finished.
    package static func cancel(_ db: Database, jobId: UUID, userId: String?, now: Date) throws -> ScrapingJob {
        guard var job = try ScrapingJob.fetchOne(db, id: jobId), userId == nil || job.userId == userId else {
            throw ReachError.notFound("job \(jobId.lowercased)")
        }
        guard !job.status.isFinal else {
            throw ReachError.notAllowedNow("search \(job.id.lowercased) is \(job.status.rawValue): only a pending or running search can be cancelled",
                                          platformText: "Cannot cancel completed or failed jobs")
        }
        try finish(db, &job, status: .cancelled, error: nil, now: now)
        return job
    }

    /// The user's search, or not found (anyone else's is not found too).
    package static func owned(_ db: Database, id: UUID, userId: String) throws -> ScrapingJob {
        guard let job = try ScrapingJob.fetchOne(db, id: id), job.userId == userId else {
            throw ReachError.notFound("job \(id.lowercased)")
        }
        return job
    }
}
