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

    /// The latest event of `eventType` about `aggregateId` (a user's last failed payment, say).
    public static func fetchLatest(_ db: Database, aggregateId: String, eventType: String) throws -> Event? {
        try Event.fetchOne(laidOut: db.cachedStatement(sql: """
            SELECT * FROM events WHERE aggregate_id = ? AND event_type = ? ORDER BY "timestamp" DESC LIMIT 1
            """), arguments: [aggregateId, eventType])
    }

    /// The place of the latest applied Stripe subscription event about `aggregateId`: its
    /// `created` second and its order within that second, as ``Billing`` records them in `metadata`.
    public static func lastStripeOrder(_ db: Database, aggregateId: String) throws -> (created: Int64, order: Int64)? {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT metadata ->> '$.stripeCreated' AS created, metadata ->> '$.order' AS "order" FROM events
            WHERE aggregate_id = ? AND source_system = 'stripe_webhook'
              AND metadata ->> '$.outcome' = 'applied' AND metadata ->> '$.order' IS NOT NULL
            ORDER BY created DESC, "order" DESC
            LIMIT 1
            """), arguments: [aggregateId])
        guard let row, let created = try row.decode(Int64?.self, forColumn: "created"),
            let order = try row.decode(Int64?.self, forColumn: "order")
        else { return nil }
        return (created, order)
    }

    /// Whether an event with this idempotency key was recorded: a webhook delivered twice.
    public static func exists(_ db: Database, idempotencyKey key: String) throws -> Bool {
        try Event.filter(Columns.idempotencyKey == key).fetchCount(db) > 0
    }

    /// Events of the admin log, newest first, optionally filtered.
    public static func fetchLog(
        _ db: Database, aggregateId: String? = nil, eventType: String? = nil, before: (Date, UUID)? = nil, limit: Int
    ) throws -> [Event] {
        var request = Event.all()
        if let aggregateId { request = request.filter(Columns.aggregateId == aggregateId) }
        if let eventType { request = request.filter(Columns.eventType == eventType) }
        if let before {
            request = request.filter(sql: #"("timestamp", id) < (?, ?)"#, arguments: [before.0.databaseText, before.1.lowercased])
        }
        return try request.order(Columns.timestamp.desc, Columns.id.desc).limit(limit).fetchAll(db)
    }
}
