import Foundation
import GRDB

/// A row of `scraping_jobs`: one search on one platform, run page by page.
///
/// Status flow: pending → processing → completed | error | timeout | cancelled.
public struct ScrapingJob: ReachRecord, Identifiable, Hashable {
    public static let databaseTableName = "scraping_jobs"

    public var id: UUID
    public var userId: String
    public var campaignId: UUID?
    public var status: ScrapingJobStatus
    /// The keywords of a keyword search, a JSON array of strings.
    public var keywords: JSONValue?
    /// The account of a similar search.
    public var targetUsername: String?
    public var platform: Platform
    public var searchParams: JSONValue?
    public var processedRuns: Int
    public var processedResults: Int
    public var targetResults: Int
    public var cursor: Int?
    public var progress: Double?
    public var qstashMessageId: String?
    public var createdAt: Date
    public var startedAt: Date?
    public var completedAt: Date?
    public var timeoutAt: Date?
    public var updatedAt: Date
    public var error: String?
    /// The provider's run of an actor-based search (the platform's Apify runs); Reach's runs leave it empty.
    public var runId: String?
    /// The market a search looks in, passed to the providers that take one (TikTok's `region`).
    public var region: String

    /// The region of a new search, as the platform's column defaults.
    public static let defaultRegion = "US"

    public init(
        id: UUID = UUID(), userId: String, campaignId: UUID?, platform: Platform,
        keywords: [String]? = nil, targetUsername: String? = nil, searchParams: JSONValue? = nil,
        targetResults: Int, timeoutAt: Date?, now: Date
    ) {
        self.id = id
        self.userId = userId
        self.campaignId = campaignId
        self.status = .pending
        self.keywords = keywords.map { .array($0.map(JSONValue.string)) }
        self.targetUsername = targetUsername
        self.platform = platform
        self.searchParams = searchParams
        self.processedRuns = 0
        self.processedResults = 0
        self.targetResults = targetResults
        self.cursor = 0
        self.progress = 0
        self.createdAt = now
        self.timeoutAt = timeoutAt
        self.updatedAt = now
        self.region = Self.defaultRegion
    }

    /// Keyword searches carry keywords; similar searches a target username.
    public var searchType: SearchType { targetUsername == nil ? .keyword : .similar }

    public var keywordList: [String] { keywords?.arrayValue?.compactMap(\.stringValue) ?? [] }

    public enum Columns: String, RecordColumns {
        case id
        case userId = "user_id"
        case campaignId = "campaign_id"
        case status
        case keywords
        case targetUsername = "target_username"
        case platform
        case searchParams = "search_params"
        case processedRuns = "processed_runs"
        case processedResults = "processed_results"
        case targetResults = "target_results"
        case cursor
        case progress
        case qstashMessageId = "qstash_message_id"
        case createdAt = "created_at"
        case startedAt = "started_at"
        case completedAt = "completed_at"
        case timeoutAt = "timeout_at"
        case updatedAt = "updated_at"
        case error
        case runId = "run_id"
        case region
    }
}

// Field by field: jobs are read on every step and every poll.
extension ScrapingJob {
    public init(_ row: RecordRow<Columns>) throws {
        id = try row.uuid(.id)
        userId = try row.required(.userId)
        campaignId = try row.optionalUUID(.campaignId)
        status = try row.enumeration(.status)
        keywords = try row.optionalJSON(.keywords)
        targetUsername = try row.optional(.targetUsername)
        platform = try row.enumeration(.platform, parsing: true)
        searchParams = try row.optionalJSON(.searchParams)
        processedRuns = try row.required(.processedRuns)
        processedResults = try row.required(.processedResults)
        targetResults = try row.required(.targetResults)
        cursor = try row.optional(.cursor)
        progress = try row.optional(.progress)
        qstashMessageId = try row.optional(.qstashMessageId)
        createdAt = try row.date(.createdAt)
        startedAt = try row.optionalDate(.startedAt)
        completedAt = try row.optionalDate(.completedAt)
        timeoutAt = try row.optionalDate(.timeoutAt)
        updatedAt = try row.date(.updatedAt)
        error = try row.optional(.error)
        runId = try row.optional(.runId)
        region = try row.optional(.region) ?? Self.defaultRegion
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id.lowercased
        container[Columns.userId] = userId
        container[Columns.campaignId] = campaignId?.lowercased
        container[Columns.status] = status.rawValue
        container[Columns.keywords] = keywords
        container[Columns.targetUsername] = targetUsername
        container[Columns.platform] = platform.rawValue
        container[Columns.searchParams] = searchParams
        container[Columns.processedRuns] = processedRuns
        container[Columns.processedResults] = processedResults
        container[Columns.targetResults] = targetResults
        container[Columns.cursor] = cursor
        container[Columns.progress] = progress
        container[Columns.qstashMessageId] = qstashMessageId
        container[Columns.createdAt] = createdAt.databaseText
        container[Columns.startedAt] = startedAt?.databaseText
        container[Columns.completedAt] = completedAt?.databaseText
        container[Columns.timeoutAt] = timeoutAt?.databaseText
        container[Columns.updatedAt] = updatedAt.databaseText
        container[Columns.error] = error
        container[Columns.runId] = runId
        container[Columns.region] = region
    }
}
