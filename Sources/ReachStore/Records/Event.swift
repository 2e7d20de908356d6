import Foundation
import GRDB

/// A row of `events`: the audit trail and outbox of domain changes.
public struct Event: ReachRecord, Identifiable, Hashable {
    public static let databaseTableName = "events"

    public var id: UUID
    /// For a user's events, the Clerk user id.
    public var aggregateId: String
    public var aggregateType: String
    public var eventType: String
    public var eventVersion: Int
    public var eventData: JSONValue
    public var metadata: JSONValue?
    public var timestamp: Date
    public var processedAt: Date?
    public var processingStatus: EventProcessingStatus
    public var retryCount: Int
    public var error: String?
    public var idempotencyKey: String
    public var sourceSystem: String
    public var correlationId: String?
    public var causationId: String?

    public init(
        id: UUID = UUID(), aggregateId: String, aggregateType: String, eventType: String,
        eventData: JSONValue, metadata: JSONValue? = nil, idempotencyKey: String, sourceSystem: String,
        correlationId: String? = nil, causationId: String? = nil,
        processingStatus: EventProcessingStatus = .pending, now: Date
    ) {
        self.id = id
        self.aggregateId = aggregateId
        self.aggregateType = aggregateType
        self.eventType = eventType
        self.eventVersion = 1
        self.eventData = eventData
        self.metadata = metadata
        self.timestamp = now
        self.processedAt = processingStatus == .processed ? now : nil
        self.processingStatus = processingStatus
        self.retryCount = 0
        self.idempotencyKey = idempotencyKey
        self.sourceSystem = sourceSystem
        self.correlationId = correlationId
        self.causationId = causationId
    }

    public enum Columns: String, RecordColumns {
        case id
        case aggregateId = "aggregate_id"
        case aggregateType = "aggregate_type"
        case eventType = "event_type"
        case eventVersion = "event_version"
        case eventData = "event_data"
        case metadata
        case timestamp
        case processedAt = "processed_at"
        case processingStatus = "processing_status"
        case retryCount = "retry_count"
        case error
        case idempotencyKey = "idempotency_key"
        case sourceSystem = "source_system"
        case correlationId = "correlation_id"
        case causationId = "causation_id"
    }
}

// Field by field: the log is read in long pages.
extension Event {
    public init(_ row: RecordRow<Columns>) throws {
        id = try row.uuid(.id)
        aggregateId = try row.required(.aggregateId)
        aggregateType = try row.required(.aggregateType)
        eventType = try row.required(.eventType)
        eventVersion = try row.required(.eventVersion)
        eventData = try row.json(.eventData)
        metadata = try row.optionalJSON(.metadata)
        timestamp = try row.date(.timestamp)
        processedAt = try row.optionalDate(.processedAt)
        processingStatus = try row.enumeration(.processingStatus)
        retryCount = try row.required(.retryCount)
        error = try row.optional(.error)
        idempotencyKey = try row.required(.idempotencyKey)
        sourceSystem = try row.required(.sourceSystem)
        correlationId = try row.optional(.correlationId)
        causationId = try row.optional(.causationId)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id.lowercased
        container[Columns.aggregateId] = aggregateId
        container[Columns.aggregateType] = aggregateType
        container[Columns.eventType] = eventType
        container[Columns.eventVersion] = eventVersion
        container[Columns.eventData] = eventData
        container[Columns.metadata] = metadata
        container[Columns.timestamp] = timestamp.databaseText
        container[Columns.processedAt] = processedAt?.databaseText
        container[Columns.processingStatus] = processingStatus.rawValue
        container[Columns.retryCount] = retryCount
        container[Columns.error] = error
        container[Columns.idempotencyKey] = idempotencyKey
        container[Columns.sourceSystem] = sourceSystem
        container[Columns.correlationId] = correlationId
        container[Columns.causationId] = causationId
    }
}
