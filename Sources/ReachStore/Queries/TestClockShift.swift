import GRDB

/// How far a test-mode clock runs ahead of real time (`reach_test_clock`), in milliseconds.
public enum TestClockShift {
    /// The stored shift; 0 when none is stored.
    public static func fetch(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT shift_ms FROM reach_test_clock WHERE id = 1") ?? 0
    }

    public static func save(_ db: Database, milliseconds: Int64) throws {
        try db.execute(sql: """
            INSERT INTO reach_test_clock (id, shift_ms) VALUES (1, ?1)
            ON CONFLICT (id) DO UPDATE SET shift_ms = ?1
            """, arguments: [max(0, milliseconds)])
    }
}
