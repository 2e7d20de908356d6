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

    public enum Columns {
        public static let id = Column("id")
        public static let aggregateId = Column("aggregate_id")
        public static let aggregateType = Column("aggregate_type")
        public static let eventType = Column("event_type")
        public static let timestamp = Column("timestamp")
        public static let processingStatus = Column("processing_status")
        public static let idempotencyKey = Column("idempotency_key")
    }
}

// Field by field: the log is read in long pages.
extension Event {
    public init(row: Row) throws {
        id = row.uuid("id")
        aggregateId = row["aggregate_id"]
        aggregateType = row["aggregate_type"]
        eventType = row["event_type"]
        eventVersion = row["event_version"]
        eventData = row["event_data"] ?? .null
        metadata = row["metadata"]
        timestamp = row.date("timestamp")
        processedAt = row.optionalDate("processed_at")
        processingStatus = EventProcessingStatus(rawValue: row["processing_status"]) ?? .pending
        retryCount = row["retry_count"]
        error = row["error"]
        idempotencyKey = row["idempotency_key"]
        sourceSystem = row["source_system"]
        correlationId = row["correlation_id"]
        causationId = row["causation_id"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id.lowercased
        container["aggregate_id"] = aggregateId
        container["aggregate_type"] = aggregateType
        container["event_type"] = eventType
        container["event_version"] = eventVersion
        container["event_data"] = eventData
        container["metadata"] = metadata
        container["timestamp"] = timestamp.databaseText
        container["processed_at"] = processedAt?.databaseText
        container["processing_status"] = processingStatus.rawValue
        container["retry_count"] = retryCount
        container["error"] = error
        container["idempotency_key"] = idempotencyKey
        container["source_system"] = sourceSystem
        container["correlation_id"] = correlationId
        container["causation_id"] = causationId
    }
}
