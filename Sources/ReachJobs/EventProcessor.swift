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

    /// Processes up to `limit` events; returns how many were processed or failed.
    @discardableResult
    public func processPending(limit: Int) async throws -> Int {
        let now = clock.nowMilliseconds()
        let batch = try await database.reader.read { db in try Event.fetchProcessable(db, limit: limit) }
        guard !batch.isEmpty else { return 0 }
        var handled = 0
        for event in batch {
            do {
                try await database.writer.write { db in
                    guard var current = try Event.fetchOne(db, id: event.id), current.processingStatus == .pending else { return }
                    try reactions(db, current, now)
                    current.processingStatus = .processed
                    current.processedAt = now
                    current.error = nil
                    try current.update(db)
                }
                handled += 1
            } catch {
                let message = String(describing: ReachError.from(error))
                logger.warning("event \(event.eventType) \(event.id) failed: \(message)")
                try await database.writer.write { db in
                    guard var current = try Event.fetchOne(db, id: event.id) else { return }
                    current.retryCount += 1
                    current.error = String(message.prefix(2_000))
                    if current.retryCount >= Self.maxRetries {
                        current.processingStatus = .failed
                        current.processedAt = now
                    }
                    try current.update(db)
                }
                handled += 1
            }
        }
        return handled
    }
}
