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
    }

    /// Keyword searches carry keywords; similar searches a target username.
    public var searchType: SearchType { targetUsername == nil ? .keyword : .similar }

    public var keywordList: [String] { keywords?.arrayValue?.compactMap(\.stringValue) ?? [] }

    public enum Columns {
        public static let id = Column("id")
        public static let userId = Column("user_id")
        public static let campaignId = Column("campaign_id")
        public static let status = Column("status")
        public static let createdAt = Column("created_at")
        public static let timeoutAt = Column("timeout_at")
    }
}

// Field by field: jobs are read on every step and every poll.
extension ScrapingJob {
    public init(row: Row) throws {
        id = row.uuid("id")
        userId = row["user_id"]
        campaignId = row.optionalUUID("campaign_id")
        status = ScrapingJobStatus(rawValue: row["status"]) ?? .pending
        keywords = row["keywords"]
        targetUsername = row["target_username"]
        platform = Platform(parsing: row["platform"] as String) ?? .tiktok
        searchParams = row["search_params"]
        processedRuns = row["processed_runs"]
        processedResults = row["processed_results"]
        targetResults = row["target_results"]
        cursor = row["cursor"]
        progress = row["progress"]
        qstashMessageId = row["qstash_message_id"]
        createdAt = row.date("created_at")
        startedAt = row.optionalDate("started_at")
        completedAt = row.optionalDate("completed_at")
        timeoutAt = row.optionalDate("timeout_at")
        updatedAt = row.date("updated_at")
        error = row["error"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id.lowercased
        container["user_id"] = userId
        container["campaign_id"] = campaignId?.lowercased
        container["status"] = status.rawValue
        container["keywords"] = keywords
        container["target_username"] = targetUsername
        container["platform"] = platform.rawValue
        container["search_params"] = searchParams
        container["processed_runs"] = processedRuns
        container["processed_results"] = processedResults
        container["target_results"] = targetResults
        container["cursor"] = cursor
        container["progress"] = progress
        container["qstash_message_id"] = qstashMessageId
        container["created_at"] = createdAt.databaseText
        container["started_at"] = startedAt?.databaseText
        container["completed_at"] = completedAt?.databaseText
        container["timeout_at"] = timeoutAt?.databaseText
        container["updated_at"] = updatedAt.databaseText
        container["error"] = error
    }
}
