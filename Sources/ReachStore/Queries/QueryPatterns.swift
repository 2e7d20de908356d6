import Foundation
import GRDB

/// The query patterns of the platform's database document ("Query Patterns"), with the index each is meant to use.
///
/// Tests run `EXPLAIN QUERY PLAN` on ``plannedStatements`` and check the index by name; the
/// benchmark runs the same statements beside PostgreSQL.
public enum QueryPatterns {
    /// A user's jobs, newest first — `idx_scraping_jobs_user_created`.
    public static let userJobs = """
        SELECT * FROM scraping_jobs WHERE user_id = ? ORDER BY created_at DESC LIMIT ?
        """
    /// The results of some jobs — `idx_scraping_results_job_cursor` (job_id, cursor).
    static func resultsOfJobs(count: Int) -> String {
        "SELECT * FROM scraping_results WHERE job_id IN (\(placeholders(count))) ORDER BY \"cursor\", created_at, rowid"
    }
    /// A campaign's jobs — `idx_scraping_jobs_campaign_id`.
    public static let campaignJobs = """
        SELECT * FROM scraping_jobs WHERE campaign_id = ? ORDER BY created_at DESC
        """
    /// Active trials ending before a date, soonest first — `idx_user_profiles_trial_expiry`.
    public static let expiringTrials = """
        SELECT * FROM user_profiles
        WHERE trial_status = 'active' AND trial_end_date <= ?
        ORDER BY trial_end_date
        """
    /// A user's event history, newest first — `idx_events_aggregate_type_timestamp`.
    public static let userEvents = """
        SELECT * FROM events
        WHERE aggregate_id = ? AND aggregate_type = 'user'
        ORDER BY "timestamp" DESC
        LIMIT ?
        """
    /// Hot-reloadable settings of a category — the `(category, key)` unique index.
    public static let hotReloadableConfiguration = """
        SELECT * FROM system_configurations
        WHERE category = ? AND is_hot_reloadable = 'true'
        ORDER BY "key"
        """
    /// Runnable background jobs in claim order — `idx_background_jobs_pending`.
    public static let pendingJobs = """
        SELECT * FROM background_jobs
        WHERE status = 'pending' AND scheduled_for <= ?
        ORDER BY priority, scheduled_for
        LIMIT ?
        """

    /// Profiles whose usage month began before a date, a page at a time — `idx_user_profiles_usage_reset`.
    public static let usageResetDue = """
        SELECT * FROM user_profiles
        WHERE usage_reset_date IS NOT NULL AND usage_reset_date <= ?
        ORDER BY usage_reset_date
        LIMIT ?
        """

    /// Each statement with sample arguments and the index it must use.
    public static var plannedStatements: [(name: String, sql: String, arguments: StatementArguments, index: String)] {
        [
            ("user jobs", userJobs, ["user_demo", 50], "idx_scraping_jobs_user_created"),
            ("job results", resultsOfJobs(count: 2), [UUID().lowercased, UUID().lowercased],
             "idx_scraping_results_job_cursor"),
            ("campaign jobs", campaignJobs, [UUID().lowercased], "idx_scraping_jobs_campaign_id"),
            ("expiring trials", expiringTrials, ["2026-01-01 00:00:00.000"], "idx_user_profiles_trial_expiry"),
            ("user events", userEvents, ["user_demo", 50], "idx_events_aggregate_type_timestamp"),
            ("hot-reloadable configuration", hotReloadableConfiguration, ["api_limits"],
             "sqlite_autoindex_system_configurations_2"),
            ("pending jobs", pendingJobs, ["2026-01-01 00:00:00.000", 10], "idx_background_jobs_pending"),
            ("usage reset due", usageResetDue, ["2026-01-01 00:00:00.000", 500], "idx_user_profiles_usage_reset"),
            ("admin user search (common)", UserSearch.walkSQL, ["ann", 50], "idx_user_profiles_admin_search"),
            ("admin user search (rare)", UserSearch.matchSQL, ["\"ann\"", 2_000], "reach_user_search"),
        ]
    }

    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: max(count, 1)).joined(separator: ",")
    }
}

extension ScrapingJob {
    /// A job by id (each step and each poll reads it: a kept statement).
    public static func fetchOne(_ db: Database, id: UUID) throws -> ScrapingJob? {
        try ScrapingJob.fetchOne(db.cachedStatement(sql: "SELECT * FROM scraping_jobs WHERE id = ?"), arguments: [id.lowercased])
    }

    /// A user's jobs with their results and campaign, newest first (seed pattern 1).
    public static func fetchDetails(_ db: Database, userId: String, limit: Int = 50) throws -> [JobDetail] {
        let jobs = try ScrapingJob.fetchAll(db.cachedStatement(sql: QueryPatterns.userJobs), arguments: [userId, limit])
        return try details(db, jobs: jobs)
    }

    /// Results and campaigns for `jobs`, in two queries.
    static func details(_ db: Database, jobs: [ScrapingJob]) throws -> [JobDetail] {
        guard !jobs.isEmpty else { return [] }
        let results = try ScrapingResult.fetchAll(
            db, sql: QueryPatterns.resultsOfJobs(count: jobs.count),
            arguments: StatementArguments(jobs.map(\.id.lowercased)))
        let resultsByJob = Dictionary(grouping: results, by: { $0.jobId })
        let campaignIds = Set(jobs.compactMap(\.campaignId))
        let campaigns = try Campaign.fetchAll(db, ids: campaignIds)
        let campaignsById = Dictionary(uniqueKeysWithValues: campaigns.map { ($0.id, $0) })
        return jobs.map { job in
            JobDetail(
                job: job, campaign: job.campaignId.flatMap { campaignsById[$0] },
                results: resultsByJob[job.id] ?? [])
        }
    }

    /// One job with its results and campaign.
    public static func fetchDetail(_ db: Database, id: UUID) throws -> JobDetail? {
        guard let job = try ScrapingJob.fetchOne(db, id: id) else { return nil }
        return try details(db, jobs: [job]).first
    }
}

extension Campaign {
    /// A campaign with its jobs and their results (seed pattern 2).
    public static func fetchDetail(_ db: Database, id: UUID) throws -> CampaignDetail? {
        guard let campaign = try Campaign.fetchOne(db, id: id) else { return nil }
        return CampaignDetail(campaign: campaign, jobs: try ScrapingJob.details(db, jobs: ScrapingJob.fetchAll(db, campaignId: id)))
    }
}

extension ScrapingJob {
    /// A campaign's jobs, newest first.
    public static func fetchAll(_ db: Database, campaignId: UUID) throws -> [ScrapingJob] {
        try ScrapingJob.fetchAll(db.cachedStatement(sql: QueryPatterns.campaignJobs), arguments: [campaignId.lowercased])
    }
}

extension UserProfile {
    /// Active trials whose end is at or before `date` (seed pattern 4).
    public static func fetchExpiringTrials(_ db: Database, endingBy date: Date) throws -> [UserProfile] {
        try UserProfile.fetchAll(laidOut: db.cachedStatement(sql: QueryPatterns.expiringTrials), arguments: [date.databaseText])
    }

    /// The first `limit` of those, for work done a page at a time; rows that cannot be read apart.
    public static func fetchExpiringTrials(_ db: Database, endingBy date: Date, limit: Int) throws -> Readable<UserProfile> {
        try UserProfile.fetchReadable(laidOut: db.cachedStatement(sql: QueryPatterns.expiringTrials + "\nLIMIT ?"), arguments: [date.databaseText, limit])
    }

    /// The profile of a Clerk user id (every authenticated request reads it: a kept statement).
    public static func fetchOne(_ db: Database, userId: String) throws -> UserProfile? {
        try UserProfile.fetchOne(db.cachedStatement(sql: "SELECT * FROM user_profiles WHERE user_id = ?"), arguments: [userId])
    }
}

extension Event {
    /// A user's event history, newest first (seed pattern 5).
    public static func fetchUserHistory(_ db: Database, userId: String, limit: Int = 100) throws -> [Event] {
        try Event.fetchAll(db.cachedStatement(sql: QueryPatterns.userEvents), arguments: [userId, limit])
    }
}

extension SystemConfiguration {
    /// Hot-reloadable settings of one category (seed pattern 6).
    public static func fetchHotReloadable(_ db: Database, category: String) throws -> [SystemConfiguration] {
        try SystemConfiguration.fetchAll(db.cachedStatement(sql: QueryPatterns.hotReloadableConfiguration), arguments: [category])
    }
}

extension BackgroundJob {
    /// Pending jobs due at `now`, in claim order: priority, then scheduled time.
    public static func fetchRunnable(_ db: Database, now: Date, limit: Int) throws -> [BackgroundJob] {
        try BackgroundJob.fetchAll(db.cachedStatement(sql: QueryPatterns.pendingJobs), arguments: [now.databaseText, limit])
    }
}
