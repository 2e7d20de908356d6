import Foundation
import GRDB

/// A row of `background_jobs`: the durable queue that replaces QStash.
public struct BackgroundJob: ReachRecord, Identifiable, Hashable {
    public static let databaseTableName = "background_jobs"

    public var id: UUID
    public var jobType: String
    public var payload: JSONValue
    public var status: BackgroundJobStatus
    public var qstashMessageId: String?
    /// Lower runs first.
    public var priority: Int
    public var maxRetries: Int
    public var retryCount: Int
    public var scheduledFor: Date
    public var startedAt: Date?
    public var completedAt: Date?
    public var failedAt: Date?
    public var error: String?
    public var result: JSONValue?
    public var createdAt: Date
    public var updatedAt: Date
    /// Until when the worker running it holds it (Reach's addition).
    public var leaseExpiresAt: Date?
    /// The scheduler instance holding the lease: `host:pid:instance`.
    public var leasedBy: String?
    /// At most one job per key, ever: the replacement of QStash's de-duplication id.
    public var dedupeKey: String?

    public init(
        id: UUID = UUID(), jobType: String, payload: JSONValue, priority: Int = 100, maxRetries: Int = 3,
        scheduledFor: Date, dedupeKey: String? = nil, now: Date
    ) {
        self.id = id
        self.jobType = jobType
        self.payload = payload
        self.status = .pending
        self.priority = priority
        self.maxRetries = maxRetries
        self.retryCount = 0
        self.scheduledFor = scheduledFor
        self.dedupeKey = dedupeKey
        self.createdAt = now
        self.updatedAt = now
    }

    public enum Columns: String, RecordColumns {
        case id
        case jobType = "job_type"
        case payload
        case status
        case qstashMessageId = "qstash_message_id"
        case priority
        case maxRetries = "max_retries"
        case retryCount = "retry_count"
        case scheduledFor = "scheduled_for"
        case startedAt = "started_at"
        case completedAt = "completed_at"
        case failedAt = "failed_at"
        case error
        case result
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case leaseExpiresAt = "lease_expires_at"
        case leasedBy = "leased_by"
        case dedupeKey = "dedupe_key"
    }
}

// Rows are read and written field by field: the queue's claim and enqueue are hot paths, and
// going through Codable took most of their time. Claims read their rows by position.
extension BackgroundJob {
    public init(_ row: RecordRow<Columns>) throws {
        id = try row.uuid(.id)
        jobType = try row.required(.jobType)
        payload = try row.json(.payload)
        status = try row.enumeration(.status)
        qstashMessageId = try row.optional(.qstashMessageId)
        priority = try row.required(.priority)
        maxRetries = try row.required(.maxRetries)
        retryCount = try row.required(.retryCount)
        scheduledFor = try row.date(.scheduledFor)
        startedAt = try row.optionalDate(.startedAt)
        completedAt = try row.optionalDate(.completedAt)
        failedAt = try row.optionalDate(.failedAt)
        error = try row.optional(.error)
        result = try row.optionalJSON(.result)
        createdAt = try row.date(.createdAt)
        updatedAt = try row.date(.updatedAt)
        leaseExpiresAt = try row.optionalDate(.leaseExpiresAt)
        leasedBy = try row.optional(.leasedBy)
        dedupeKey = try row.optional(.dedupeKey)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id.lowercased
        container[Columns.jobType] = jobType
        container[Columns.payload] = payload
        container[Columns.status] = status.rawValue
        container[Columns.qstashMessageId] = qstashMessageId
        container[Columns.priority] = priority
        container[Columns.maxRetries] = maxRetries
        container[Columns.retryCount] = retryCount
        container[Columns.scheduledFor] = scheduledFor.databaseText
        container[Columns.startedAt] = startedAt?.databaseText
        container[Columns.completedAt] = completedAt?.databaseText
        container[Columns.failedAt] = failedAt?.databaseText
        container[Columns.error] = error
        container[Columns.result] = result
        container[Columns.createdAt] = createdAt.databaseText
        container[Columns.updatedAt] = updatedAt.databaseText
        container[Columns.leaseExpiresAt] = leaseExpiresAt?.databaseText
        container[Columns.leasedBy] = leasedBy
        container[Columns.dedupeKey] = dedupeKey
    }
}
