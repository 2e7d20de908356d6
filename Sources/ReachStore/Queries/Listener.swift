import Foundation
import GRDB

/// Where the latest `reach serve` on this file listens (`reach_listener`).
public enum Listener {
    public static func record(_ db: Database, url: String, pid: Int32, now: Date) throws {
        try db.execute(sql: """
            INSERT INTO reach_listener (id, url, pid, started_at) VALUES (1, ?1, ?2, ?3)
            ON CONFLICT (id) DO UPDATE SET url = ?1, pid = ?2, started_at = ?3
            """, arguments: [url, pid, now.databaseText])
    }

    /// Forgets the listener `pid` recorded (a server stopping), unless another took its place.
    public static func forget(_ db: Database, pid: Int32) throws {
        try db.execute(sql: "DELETE FROM reach_listener WHERE pid = ?", arguments: [pid])
    }

    public static func current(_ db: Database) throws -> (url: String, pid: Int32)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT url, pid FROM reach_listener WHERE id = 1"),
            let url: String = try row.value("url"), let pid: Int32 = try row.value("pid")
        else { return nil }
        return (url, pid)
    }
}
