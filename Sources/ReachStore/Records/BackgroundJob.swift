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

    public enum Columns {
        public static let id = Column("id")
        public static let jobType = Column("job_type")
        public static let status = Column("status")
        public static let priority = Column("priority")
        public static let scheduledFor = Column("scheduled_for")
        public static let createdAt = Column("created_at")
        public static let dedupeKey = Column("dedupe_key")
        public static let leasedBy = Column("leased_by")
        public static let leaseExpiresAt = Column("lease_expires_at")
    }
}

// Rows are read and written field by field: the queue's claim and enqueue are hot paths, and
// going through Codable took most of their time. Claims read their rows by position.
extension BackgroundJob: FieldReadable {
    enum Field: Int {
        case id
        case jobType
        case payload
        case status
        case qstashMessageId
        case priority
        case maxRetries
        case retryCount
        case scheduledFor
        case startedAt
        case completedAt
        case failedAt
        case error
        case result
        case createdAt
        case updatedAt
        case leaseExpiresAt
        case leasedBy
        case dedupeKey
    }

    /// The columns, in `Field` order.
    static let columnNames = [
        "id", "job_type", "payload", "status", "qstash_message_id",
        "priority", "max_retries", "retry_count", "scheduled_for", "started_at",
        "completed_at", "failed_at", "error", "result", "created_at",
        "updated_at", "lease_expires_at", "leased_by", "dedupe_key",
    ]

    public init(row: Row) throws {
        self.init(byName: row)
    }

    init(_ read: FieldReader) {
        id = read.uuid(Field.id.rawValue)
        jobType = read.required(Field.jobType.rawValue)
        payload = read.value(Field.payload.rawValue) ?? .null
        status = BackgroundJobStatus(rawValue: read.required(Field.status.rawValue) as String) ?? .pending
        qstashMessageId = read.value(Field.qstashMessageId.rawValue)
        priority = read.required(Field.priority.rawValue)
        maxRetries = read.required(Field.maxRetries.rawValue)
        retryCount = read.required(Field.retryCount.rawValue)
        scheduledFor = read.date(Field.scheduledFor.rawValue)
        startedAt = read.optionalDate(Field.startedAt.rawValue)
        completedAt = read.optionalDate(Field.completedAt.rawValue)
        failedAt = read.optionalDate(Field.failedAt.rawValue)
        error = read.value(Field.error.rawValue)
        result = read.value(Field.result.rawValue)
        createdAt = read.date(Field.createdAt.rawValue)
        updatedAt = read.date(Field.updatedAt.rawValue)
        leaseExpiresAt = read.optionalDate(Field.leaseExpiresAt.rawValue)
        leasedBy = read.value(Field.leasedBy.rawValue)
        dedupeKey = read.value(Field.dedupeKey.rawValue)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id.lowercased
        container["job_type"] = jobType
        container["payload"] = payload
        container["status"] = status.rawValue
        container["qstash_message_id"] = qstashMessageId
        container["priority"] = priority
        container["max_retries"] = maxRetries
        container["retry_count"] = retryCount
        container["scheduled_for"] = scheduledFor.databaseText
        container["started_at"] = startedAt?.databaseText
        container["completed_at"] = completedAt?.databaseText
        container["failed_at"] = failedAt?.databaseText
        container["error"] = error
        container["result"] = result
        container["created_at"] = createdAt.databaseText
        container["updated_at"] = updatedAt.databaseText
        container["lease_expires_at"] = leaseExpiresAt?.databaseText
        container["leased_by"] = leasedBy
        container["dedupe_key"] = dedupeKey
    }
}
