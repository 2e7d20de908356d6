import Foundation
import GRDB
import ReachStore

/// What every service holds: the database, and the clock that says when things happen.
///
/// A service method is one use case: it reads the clock once, runs one transaction, and returns
/// values. Nothing outside ReachCore opens a transaction or reads the clock.
public struct AppContext: Sendable {
    package let database: ReachDatabase
    package let clock: any ReachClock

    public init(database: ReachDatabase, clock: any ReachClock) {
        self.database = database
        self.clock = clock
    }

    /// Now, at the millisecond precision the database stores.
    package func now() -> Date { clock.nowMilliseconds() }

    /// Runs `body` in one write transaction. Store and SQLite errors come out as ``ReachError``s,
    /// so that callers of a service meet the platform's errors only.
    package func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await database.writer.write(body)
        } catch {
            throw ReachError.from(error)
        }
    }

    /// Runs `body` in one read transaction, a snapshot.
    package func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await database.reader.read(body)
        } catch {
            throw ReachError.from(error)
        }
    }
}
