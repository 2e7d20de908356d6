import Foundation
import GRDB
import ReachStore

/// Searches (scraping jobs): starting them, recording each provider page, and their final states.
///
/// Status flow: pending → processing → completed | error | timeout | cancelled. Each step is one
/// `process_scraping_job` background job carrying the cursor it fetches at, so that a step re-run
/// after a crash finds its page stored already and stores nothing twice.
public struct Searches: Sendable {
    public static let stepJobType = "process_scraping_job"

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
        return try await context.write { db in try JobQueue.expedite(db, jobType: Self.stepJobType, now: now) }
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

    /// The search's progress at each change, ending after its final status; nothing for a search that goes.
    public func progressUpdates(id: UUID) -> AsyncThrowingStream<SearchProgress, any Error> {
        let observation = ValueObservation
            .tracking { db in try ScrapingJob.fetchOne(db, id: id).map { SearchProgress($0) } }
            .removeDuplicates()
        let values = observation.values(in: context.database.reader)
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await progress in values {
                        guard let progress else { break }
                        continuation.yield(progress)
                        if progress.status.isFinal { break }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// What a CSV export of the user's job or campaign reads, once the plan allows CSV; not found
    /// when they hold no creator yet.
    public func exportSelection(userId: String, jobId: UUID?, campaignId: UUID?) async throws -> ExportSelection {
        let day = String(WireFormat.timestamp(context.now()).prefix(10))
        return try await context.read { db in
            guard let profile = try UserProfile.fetchOne(db, userId: userId) else { throw ReachError.notFound("profile of \(userId)") }
            let limits = try Plans.effectiveLimits(db, profile: profile)
            guard limits.exportFormats.contains("CSV") else {
                var details = PlanLimitExceeded(
                    message: "CSV export is not part of your plan. Upgrade to export creators.", currentUsage: 0, limit: 0,
                    recommendedPlan: try Plans.recommendedPlan(db, above: profile.currentPlan ?? .free),
                    error: "CSV export not available on your plan")
                details.currentPlan = profile.currentPlan ?? .free
                details.reason = "Your plan's export formats do not include CSV"
                throw ReachError.planLimitExceeded(details)
            }
            let selection: ExportSelection
            if let jobId {
                selection = ExportSelection(jobs: [try Self.owned(db, id: jobId, userId: userId)], fileName: "creators-\(day).csv")
            } else if let campaignId {
                let campaign = try Campaigns.owned(db, id: campaignId, userId: userId)
                selection = ExportSelection(
                    jobs: try ScrapingJob.fetchAll(db, campaignId: campaign.id).reversed(),
                    fileName: "creators-campaign-\(campaign.id.lowercased)-\(day).csv")
            } else {
                throw ReachError.badRequest("give `jobId` or `campaignId`")
            }
            guard try selection.jobs.contains(where: { try ScrapingResult.creatorCount(db, jobId: $0.id) > 0 }) else {
                throw ReachError.notFound("results of \(jobId != nil ? "this search" : "this campaign's searches")")
            }
            return selection
        }
    }

    /// The jobs an export reads, in the order they were made, and the name of its file.
    public struct ExportSelection: Sendable {
        public var jobs: [ScrapingJob]
        public var fileName: String
    }

    /// Result pages of the jobs, `limit` at a time after the position `after` (0 to start): an
    /// export streams through these, each batch its own read.
    public func resultBatch(jobIds: [UUID], after: Int64, limit: Int) async throws -> [(position: Int64, result: ScrapingResult)] {
        try await context.read { db in
            try ScrapingResult.fetchBatch(db, jobIds: jobIds, afterRowID: after, limit: limit).map { ($0.0, $0.1) }
        }
    }

    /// The targets a platform's route accepts, and its default.
    public static func targetRule(_ platform: Platform, _ type: SearchType) -> (allowed: ClosedRange<Int>?, choices: [Int]?, defaultTarget: Int) {
        switch (platform, type) {
        case (.tiktok, .keyword), (.youtube, .keyword): return (nil, [100, 500, 1000], 1000)
        // The platform's reels route defaults to 50, which its own 100/500/1000 check refuses: 100 here.
        case (.instagram, .keyword): return (nil, [100, 500, 1000], 100)
        case (.tiktok, .similar): return (1...1000, nil, 10)
        case (.youtube, .similar): return (1...1000, nil, 100)
        case (.instagram, .similar): return (1...1000, nil, 20)
        }
    }

    /// Checks a request's keywords, username and target, filling in the platform's default target.
    public static func validate(
        platform: Platform, keywords: [String]?, username: String?, targetResults: Int?
    ) throws -> SearchRequest {
        var keywords = keywords?.map { keyword -> String in
            let trimmed = keyword.trimmingCharacters(in: .whitespacesAndNewlines)
            // Reels search by hashtag text: the platform strips a leading `#`.
            return platform == .instagram && trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
        }.filter { !$0.isEmpty }
        var username = username?.trimmingCharacters(in: .whitespacesAndNewlines)
        if username?.hasPrefix("@") == true { username?.removeFirst() }
        if username?.isEmpty == true { username = nil }
        switch (keywords?.isEmpty == false, username != nil) {
        case (true, true): throw ReachError.invalid(field: "keywords", reason: "give keywords or a username, not both")
        case (false, false): throw ReachError.invalid(field: "keywords", reason: "give at least one keyword, or a username for a similar search")
        default: break
        }
        if let list = keywords {
            guard list.count <= 20 else { throw ReachError.invalid(field: "keywords", reason: "at most 20 keywords") }
            guard list.allSatisfy({ $0.fits(100) && !$0.contains("\u{0}") }) else {
                throw ReachError.invalid(field: "keywords", reason: "each keyword is at most 100 characters of text")
            }
            keywords = list
        }
        if let name = username {
            guard name.fits(100), !name.contains("\u{0}"), !name.contains(where: \.isWhitespace) else {
                throw ReachError.invalid(field: "username", reason: "an account name without spaces, at most 100 characters")
            }
        }
        let type: SearchType = username == nil ? .keyword : .similar
        let rule = targetRule(platform, type)
        let target = targetResults ?? rule.defaultTarget
        if let choices = rule.choices, !choices.contains(target) {
            throw ReachError.invalid(
                field: "targetResults",
                reason: "\(platform.rawValue) keyword searches take \(choices.map(String.init).joined(separator: ", ") ) results")
        }
        if let range = rule.allowed, !range.contains(target) {
            throw ReachError.invalid(field: "targetResults", reason: "use \(range.lowerBound) to \(range.upperBound)")
        }
        return SearchRequest(platform: platform, keywords: type == .keyword ? keywords : nil, username: username,
                             targetResults: target)
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

    @discardableResult
    static func enqueueStep(_ db: Database, jobId: UUID, cursor: Int, at date: Date, now: Date) throws -> BackgroundJob {
        let step = BackgroundJob(
            jobType: stepJobType, payload: ["scrapingJobId": .string(jobId.lowercased), "cursor": .int(Int64(cursor))],
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

    /// Times out the searches past their `timeout_at` (the recurring task). Returns how many.
    package static func timeOutExpired(_ db: Database, now: Date) throws -> Int {
        var count = 0
        for var job in try ScrapingJob.fetchTimedOut(db, now: now) {
            try finish(db, &job, status: .timeout, error: Self.timeoutMessage, now: now)
            count += 1
        }
        return count
    }

    private static func finish(_ db: Database, _ job: inout ScrapingJob, status: ScrapingJobStatus, error: String?, now: Date) throws {
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

extension Searches {
    /// The user's search, or not found (anyone else's is not found too).
    package static func owned(_ db: Database, id: UUID, userId: String) throws -> ScrapingJob {
        guard let job = try ScrapingJob.fetchOne(db, id: id), job.userId == userId else {
            throw ReachError.notFound("job \(id.lowercased)")
        }
        return job
    }
}
