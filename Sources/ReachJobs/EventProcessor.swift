import Foundation
import GRDB
import Logging
import ReachCore
import ServiceLifecycle
import Synchronization

/// Processes pending events as they are committed (``EventLog/processPending(limit:)``: each
/// aggregate's in order, each with its follow-up work), polling slowly for other processes'.
public final class EventProcessor: Service, Sendable {
    public static let maxRetries = EventLog.maxRetries
    static let batch = 100

    let log: EventLog
    let database: ReachDatabase
    let logger: Logger
    let pollInterval: Duration
    let processedCount = Mutex(0)
    private let wake = WakeSignal()

    public init(
        database: ReachDatabase, clock: any ReachClock, logger: Logger, pollInterval: Duration = .seconds(1),
        reactions: @escaping @Sendable (Database, Event, Date) throws -> Void = EventReactions.apply
    ) {
        self.log = EventLog(AppContext(database: database, clock: clock), reactions: reactions)
        self.database = database
        self.logger = logger
        self.pollInterval = pollInterval
    }

    /// Processes up to `limit` events; returns how many were processed or failed.
    @discardableResult
    public func processPending(limit: Int) async throws -> Int {
        let outcome = try await log.processPending(limit: limit)
        for failure in outcome.failures {
            logger.warning("event \(failure.event.eventType) \(failure.event.id) failed: \(failure.message)")
        }
        for (id, error) in outcome.unreadable {
            logger.warning("event \(id) cannot be read and was marked failed: \(error)")
        }
        processedCount.withLock { $0 += outcome.count }
        return outcome.count
    }

    public func run() async throws {
        let observation = DatabaseRegionObservation(tracking: Event.all())
            .start(in: database.writer, onError: { [logger] error in
                logger.error("scheduler: watching events failed: \(ReachError.from(error)); polling instead")
            }, onChange: { [wake] _ in wake.signal() })
        defer { observation.cancel() }
        await withGracefulShutdownHandler {
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                do {
                    if try await processPending(limit: Self.batch) == Self.batch { continue }
                } catch is CancellationError {
                    return
                } catch {
                    logger.error("scheduler: processing events failed: \(ReachError.from(error)); retrying")
                }
                await wake.wait(timeout: pollInterval)
            }
        } onGracefulShutdown: {
            self.wake.signal()
        }
    }
}
