import Foundation
import GRDB
import ReachStore

/// The event log: the audit trail, and the follow-up work its pending events ask for.
public struct EventLog: Sendable {
    public static let maxRetries = 3

    let context: AppContext
    let reactions: @Sendable (Database, Event, Date) throws -> Void

    /// - Parameter reactions: the follow-up work of each event (tests replace it).
    public init(_ context: AppContext, reactions: @escaping @Sendable (Database, Event, Date) throws -> Void = EventReactions.apply) {
        self.context = context
        self.reactions = reactions
    }

    /// Events newest first, optionally of one aggregate or type, `limit` after the position `before`.
    public func log(aggregateId: String? = nil, eventType: String? = nil, after cursor: KeysetCursor? = nil, limit: Int) async throws
        -> [Event]
    {
        let before = cursor.map { ($0.date, $0.id) }
        return try await context.read { db in
            try Event.fetchLog(db, aggregateId: aggregateId, eventType: eventType, before: before, limit: limit)
        }
    }

    /// What processing a batch did.
    public struct Processed: Sendable {
        public var processed = 0
        /// Events that failed (and will be retried, or are failed for good), with why.
        public var failures: [(event: Event, message: String)] = []
        /// Events whose row cannot be read, marked failed.
        public var unreadable: [(id: String, error: StoreError)] = []

        public var count: Int { processed + failures.count + unreadable.count }
    }

    /// Processes up to `limit` pending events, each aggregate's in order, in one write transaction:
    /// each event with its follow-up work in a savepoint of its own, so that a failing one rolls
    /// back alone and is retried later, then marked failed, without blocking other aggregates.
    public func processPending(limit: Int) async throws -> Processed {
        let now = context.now()
        let readable = try await context.read { db in try Event.fetchProcessable(db, limit: limit) }
        guard !readable.records.isEmpty || !readable.unreadable.isEmpty else { return Processed() }
        let reactions = self.reactions
        return try await context.write { db in
            var outcome = Processed()
            try Event.markUnreadable(db, readable.unreadable, now: now)
            outcome.unreadable = readable.unreadable
            for event in readable.records {
                do {
                    try db.inSavepoint {
                        guard let original = try Event.fetchOne(db, id: event.id), original.processingStatus == .pending else {
                            return .commit
                        }
                        try reactions(db, original, now)
                        var current = original
                        current.processingStatus = .processed
                        current.processedAt = now
                        current.error = nil
                        try current.updateChanges(db, from: original)
                        return .commit
                    }
                    outcome.processed += 1
                } catch {
                    let message = String(describing: ReachError.from(error))
                    guard var current = try Event.fetchOne(db, id: event.id) else { continue }
                    current.retryCount += 1
                    current.error = String(message.prefix(2_000))
                    if current.retryCount >= Self.maxRetries {
                        current.processingStatus = .failed
                        current.processedAt = now
                    }
                    try current.update(db)
                    outcome.failures.append((event, message))
                }
            }
            return outcome
        }
    }
}
