import Foundation
import GRDB
import Logging
import ReachCore
import ReachStore

/// Processes pending events: each aggregate's in order, each with its follow-up work
/// (``EventReactions``) in the transaction that marks it processed. A failing event is retried
/// on later rounds, then marked failed, without blocking other aggregates.
public struct EventProcessor: Sendable {
    public static let maxRetries = 3

    let database: ReachDatabase
    let clock: any ReachClock
    let logger: Logger
    let reactions: @Sendable (Database, Event, Date) throws -> Void

    public init(
        database: ReachDatabase, clock: any ReachClock, logger: Logger,
        reactions: @escaping @Sendable (Database, Event, Date) throws -> Void = EventReactions.apply
    ) {
        self.database = database
        self.clock = clock
        self.logger = logger
        self.reactions = reactions
    }

    /// Processes up to `limit` events in one write transaction, each in its own savepoint, so
    /// that a failing event rolls back only its own work; returns how many were processed or failed.
    @discardableResult
    public func processPending(limit: Int) async throws -> Int {
        let now = clock.nowMilliseconds()
        let readable = try await database.reader.read { db in try Event.fetchProcessable(db, limit: limit) }
        let batch = readable.records
        guard !batch.isEmpty || !readable.unreadable.isEmpty else { return 0 }
        let failures = try await database.writer.write { db in
            try Event.markUnreadable(db, readable.unreadable, now: now)
            var failures: [(event: Event, message: String)] = []
            for event in batch {
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
                    failures.append((event, message))
                }
            }
            return failures
        }
        for failure in failures {
            logger.warning("event \(failure.event.eventType) \(failure.event.id) failed: \(failure.message)")
        }
        for (id, error) in readable.unreadable {
            logger.warning("event \(id) cannot be read and was marked failed: \(error)")
        }
        return batch.count + readable.unreadable.count
    }
}
