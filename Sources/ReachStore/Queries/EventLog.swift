import Foundation
import GRDB

extension Event {
    /// Appends an event in the caller's transaction, unless its idempotency key exists.
    ///
    /// Call it inside the write that makes the change it records, so the change and its event
    /// commit together (the outbox). A duplicate key returns the existing event and changes nothing.
    ///
    /// ```swift
    /// try database.writer.write { db in
    ///     try profile.update(db)
    ///     try Event.append(db, event)
    /// }
    /// ```
    @discardableResult
    public static func append(_ db: Database, _ event: Event) throws -> (event: Event, inserted: Bool) {
        if let existing = try Event.filter(Columns.idempotencyKey == event.idempotencyKey).fetchOne(db) {
            return (existing, false)
        }
        try event.eventData.validateForPostgres()
        try event.metadata?.validateForPostgres()
        try event.insert(db)
        return (event, true)
    }

    /// Events of the admin log, newest first, optionally filtered.
    public static func fetchLog(
        _ db: Database, aggregateId: String? = nil, eventType: String? = nil, before: (Date, UUID)? = nil, limit: Int
    ) throws -> [Event] {
        var request = Event.all()
        if let aggregateId { request = request.filter(Columns.aggregateId == aggregateId) }
        if let eventType { request = request.filter(Columns.eventType == eventType) }
        if let before {
            request = request.filter(sql: #"("timestamp", id) < (?, ?)"#, arguments: [before.0, before.1.lowercased])
        }
        return try request.order(Columns.timestamp.desc, Columns.id.desc).limit(limit).fetchAll(db)
    }
}
