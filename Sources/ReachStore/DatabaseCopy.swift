import Foundation
import GRDB

/// A whole database, copied page by page into memory (SQLite's backup API): a test-mode snapshot.
public struct DatabaseCopy: Sendable {
    let queue: DatabaseQueue

    /// The copy's size in bytes.
    public var size: Int {
        (try? queue.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0) * (try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0)
        }) ?? 0
    }
}
