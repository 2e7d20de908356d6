import Foundation
import GRDB

extension ReachDatabase {
    /// The whole file as it is now, in memory.
    public func copy() throws -> DatabaseCopy {
        let queue = try DatabaseQueue(configuration: Self.configuration())
        try writer.backup(to: queue)
        return DatabaseCopy(queue: queue)
    }

    /// Replaces the whole file with `copy`, while it stays open: readers see it at their next read.
    public func restore(_ copy: DatabaseCopy) throws {
        try copy.queue.backup(to: writer)
    }

    /// A freshly migrated database (plans and configuration defaults only), in memory.
    public static func pristine() throws -> DatabaseCopy {
        let queue = try DatabaseQueue(configuration: configuration())
        try copyTemplate(to: queue)
        return DatabaseCopy(queue: queue)
    }

    /// Empties the file back to its migrations' rows, keeping its own secrets (the token-signing
    /// key: tokens already issued stay valid).
    public func resetKeepingSecrets() throws {
        let secrets = try writer.read { db in try Row.fetchAll(db, sql: "SELECT name, value FROM reach_secrets") }
        try restore(try Self.pristine())
        try writer.write { db in
            for secret in secrets {
                try db.execute(sql: "INSERT OR REPLACE INTO reach_secrets (name, value) VALUES (?, ?)",
                               arguments: [try secret.value("name") as String?, try secret.value("value") as String?])
            }
        }
    }
}
