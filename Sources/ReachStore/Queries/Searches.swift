import Foundation
import GRDB

extension ScrapingJob {
    /// A user's jobs, newest first, optionally of one campaign.
    public static func fetchPage(_ db: Database, userId: String, before: Date? = nil, limit: Int) throws -> [ScrapingJob] {
        var request = ScrapingJob.filter(Columns.userId == userId)
        if let before { request = request.filter(Columns.createdAt < before.databaseText) }
        return try request.order(Columns.createdAt.desc, Columns.id.desc).limit(limit).fetchAll(db)
    }

    /// A user's pending or processing similar search of a campaign, for the same account and target.
    public static func fetchActive(
        _ db: Database, userId: String, campaignId: UUID, platform: Platform, targetUsername: String, targetResults: Int
    ) throws -> ScrapingJob? {
        try ScrapingJob.fetchOne(db, sql: """
            SELECT * FROM scraping_jobs
            WHERE campaign_id = ? AND user_id = ? AND platform = ? AND target_username = ? AND target_results = ?
              AND status IN ('pending', 'processing')
            ORDER BY created_at DESC LIMIT 1
            """, arguments: [campaignId.lowercased, userId, platform.rawValue, targetUsername, targetResults])
    }

    /// Searches newest first, of one user or every user's, optionally of one status.
    public static func fetchRecent(_ db: Database, userId: String?, status: ScrapingJobStatus?, limit: Int) throws -> [ScrapingJob] {
        var request = ScrapingJob.all()
        if let userId { request = request.filter(Columns.userId == userId) }
        if let status { request = request.filter(Columns.status == status.rawValue) }
        return try request.order(Columns.createdAt.desc, Columns.id.desc).limit(limit).fetchAll(db)
    }

    /// The searches not finished (pending or processing), oldest first.
    public static func fetchUnfinished(_ db: Database) throws -> [ScrapingJob] {
        try ScrapingJob.filter(["pending", "processing"].contains(Columns.status)).order(Columns.createdAt).fetchAll(db)
    }

    /// Jobs still running past their `timeout_at`.
    public static func fetchTimedOut(_ db: Database, now: Date) throws -> [ScrapingJob] {
        try ScrapingJob.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM scraping_jobs
            WHERE status IN ('pending', 'processing') AND timeout_at < ?
            """), arguments: [now.databaseText])
    }
}

extension ScrapingResult {
    /// Appends a page unless one was stored for this job and cursor already. Returns whether it was new.
    @discardableResult
    public static func appendPage(_ db: Database, _ result: ScrapingResult) throws -> Bool {
        try result.creators.validateForPostgres()
        try result.insert(db, onConflict: .ignore)
        return db.changesCount > 0
    }

    /// A job's results in the order they were found.
    public static func fetchAll(_ db: Database, jobId: UUID) throws -> [ScrapingResult] {
        try ScrapingResult.filter(Columns.jobId == jobId.lowercased).order(Column("cursor"), Columns.createdAt, Column.rowID)
            .fetchAll(db)
    }

    /// The number of creator items across a job's pages.
    public static func creatorCount(_ db: Database, jobId: UUID) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT coalesce(sum(json_array_length(creators)), 0) FROM scraping_results WHERE job_id = ?
            """), arguments: [jobId.lowercased]) ?? 0
    }
}

extension BackgroundJob {
    /// Cancels the pending steps of a scraping job.
    public static func cancelScrapingSteps(_ db: Database, scrapingJobId: UUID, now: Date) throws {
        try db.execute(sql: """
            UPDATE background_jobs SET status = 'cancelled', updated_at = ?
            WHERE status = 'pending' AND job_type = 'process_scraping_job' AND payload ->> '$.scrapingJobId' = ?
            """, arguments: [now.databaseText, scrapingJobId.lowercased])
    }
}

extension ScrapingJob {
    /// The newest job of each campaign that has one — `idx_scraping_jobs_campaign_id`.
    public static func fetchLatest(_ db: Database, campaignIds: [UUID]) throws -> [UUID: ScrapingJob] {
        guard !campaignIds.isEmpty else { return [:] }
        let jobs = try ScrapingJob.fetchAll(db, sql: """
            SELECT * FROM scraping_jobs j
            WHERE j.campaign_id IN (\(QueryPatterns.placeholders(campaignIds.count)))
              AND j.rowid = (SELECT k.rowid FROM scraping_jobs k WHERE k.campaign_id = j.campaign_id
                             ORDER BY k.created_at DESC, k.id DESC LIMIT 1)
            """, arguments: StatementArguments(campaignIds.map(\.lowercased)))
        return Dictionary(jobs.compactMap { job in job.campaignId.map { ($0, job) } }) { first, _ in first }
    }
}

extension Campaign {
    /// The user's newest campaign of `searchType` named `name`.
    public static func fetchNamed(_ db: Database, userId: String, name: String, searchType: SearchType) throws -> Campaign? {
        try Campaign.fetchOne(laidOut: db.cachedStatement(sql: """
            SELECT * FROM campaigns WHERE user_id = ? AND name = ? AND search_type = ? ORDER BY created_at DESC LIMIT 1
            """), arguments: [userId, name, searchType.rawValue])
    }

    /// A user's campaigns, newest first, one page at a time (`page` from 1).
    public static func fetchPage(_ db: Database, userId: String, page: Int, limit: Int) throws -> (campaigns: [Campaign], total: Int) {
        let request = Campaign.filter(Columns.userId == userId)
        let total = try request.fetchCount(db)
        let campaigns = try request.order(Columns.createdAt.desc, Columns.id.desc)
            .limit(limit, offset: (page - 1) * limit).fetchAll(db)
        return (campaigns, total)
    }
}

extension UserProfile {
    /// Adds to a user's monthly creator usage.
    public static func addCreatorUsage(_ db: Database, userId: String, count: Int) throws {
        try db.execute(sql: """
            UPDATE user_profiles
            SET usage_creators_current_month = min(2147483647, coalesce(usage_creators_current_month, 0) + ?)
            WHERE user_id = ?
            """, arguments: [count, userId])
    }

    /// The creators a user's searches still running may yet add to the month's usage: their
    /// targets (a search's results count toward usage when it completes).
    public static func creatorsHeldByRunningSearches(_ db: Database, userId: String) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT coalesce(sum(max(target_results, 0)), 0) FROM scraping_jobs
            WHERE user_id = ? AND status IN ('pending', 'processing')
            """), arguments: [userId]) ?? 0
    }

    /// Adds to a user's campaign count.
    public static func addCampaignUsage(_ db: Database, userId: String, count: Int) throws {
        try db.execute(sql: """
            UPDATE user_profiles SET usage_campaigns_current = max(0, coalesce(usage_campaigns_current, 0) + ?)
            WHERE user_id = ?
            """, arguments: [count, userId])
    }
}

extension ScrapingResult {
    /// Results of some jobs in the order they were stored, `limit` at a time after `rowid`:
    /// exports stream through this without holding a job in memory.
    public static func fetchBatch(_ db: Database, jobIds: [UUID], afterRowID: Int64, limit: Int) throws -> [(Int64, ScrapingResult)] {
        guard !jobIds.isEmpty else { return [] }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT rowid AS reach_rowid, * FROM scraping_results
                WHERE job_id IN (\(QueryPatterns.placeholders(jobIds.count))) AND rowid > ?
                ORDER BY rowid LIMIT ?
                """, arguments: StatementArguments(jobIds.map(\.lowercased)) + [afterRowID, limit])
        return try rows.map { (try $0.value("reach_rowid") ?? 0, try ScrapingResult(row: $0)) }
    }
}

extension ScrapingJob {
    /// The ids of a campaign's jobs.
    public static func fetchIds(_ db: Database, campaignId: UUID) throws -> [UUID] {
        try UUID.fetchAll(db.cachedStatement(sql: "SELECT id FROM scraping_jobs WHERE campaign_id = ? ORDER BY created_at"), arguments: [campaignId.lowercased])
    }
}

extension UserProfile {
    /// The profile of a Stripe customer.
    public static func fetchOne(_ db: Database, stripeCustomerId id: String) throws -> UserProfile? {
        try UserProfile.filter(Columns.stripeCustomerId == id).fetchOne(db)
    }

    /// The profile of a Stripe subscription.
    public static func fetchOne(_ db: Database, stripeSubscriptionId id: String) throws -> UserProfile? {
        try UserProfile.filter(Columns.stripeSubscriptionId == id).fetchOne(db)
    }

    /// The profile with this e-mail address, any case.
    public static func fetchOne(_ db: Database, email: String) throws -> UserProfile? {
        try UserProfile.fetchOne(db.cachedStatement(sql: "SELECT * FROM user_profiles WHERE lower(email) = lower(?) LIMIT 1"), arguments: [email])
    }

    /// Copies a plan's limits and features onto every profile on that plan; returns how many.
    public static func pushPlanLimits(
        _ db: Database, planKey: String, campaigns: Int, creators: Int, features: JSONValue?, now: Date
    ) throws -> Int {
        try db.execute(sql: """
            UPDATE user_profiles SET plan_campaigns_limit = ?, plan_creators_limit = ?, plan_features = ?, updated_at = ?
            WHERE current_plan = ?
            """, arguments: [campaigns, creators, features, now.databaseText, planKey])
        return db.changesCount
    }
}

extension ScrapingJob {
    /// Searches pending or processing.
    public static func runningCount(_ db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM scraping_jobs WHERE status IN ('pending', 'processing')")) ?? 0
    }
}

extension ReachDatabase {
    /// `PRAGMA quick_check`: "ok" for a sound file.
    public func quickCheck() throws -> String {
        try reader.read { db in try String.fetchOne(db.cachedStatement(sql: "PRAGMA quick_check")) ?? "" }
    }

    /// How many migrations the file has applied.
    public static func appliedMigrationCount(_ db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM grdb_migrations")) ?? 0
    }
}
