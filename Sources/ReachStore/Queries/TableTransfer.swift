import Foundation
import GRDB

/// Whole-table reads and writes for the PostgreSQL export and import.
///
/// Table and column names come from files a user hands to `reach import`: each is checked
/// against the schema before it reaches SQL.
public enum TableTransfer {
    /// The columns of a platform table, in order.
    public static func columns(_ db: Database, table: String) throws -> [String] {
        try checkTable(table)
        return try db.columns(in: table).map(\.name)
    }

    public static func count(_ db: Database, table: String) throws -> Int {
        try checkTable(table)
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM \(quoted(table))") ?? 0
    }

    /// Calls `body` with each row's values, in insertion (rowid) order, without holding the table in memory.
    public static func forEachRow(
        _ db: Database, table: String, columns: [String], _ body: ([DatabaseValue]) throws -> Void
    ) throws {
        try checkColumns(db, table: table, columns: columns)
        let list = columns.map(quoted).joined(separator: ", ")
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(list) FROM \(quoted(table)) ORDER BY rowid")
        var values = [DatabaseValue](repeating: .null, count: columns.count)
        while let row = try cursor.next() {
            for index in columns.indices { values[index] = row[index] as DatabaseValue }
            try body(values)
        }
    }

    /// Calls `body` with each row of `scraping_results` as the platform keeps them: one row per
    /// job, Reach's pages of it (those with a cursor) merged in page order under the first page's
    /// id, time and cursor (``ScrapingResult/merged(_:)``); rows without a cursor (imported from the
    /// platform, which wrote its own) and rows of no job as they are, last. One job's pages are in
    /// memory at a time.
    public static func forEachMergedResult(_ db: Database, columns: [String], _ body: ([DatabaseValue]) throws -> Void) throws {
        try checkColumns(db, table: "scraping_results", columns: columns)
        guard let creators = columns.firstIndex(of: "creators") else {
            return try forEachRow(db, table: "scraping_results", columns: columns, body)
        }
        let list = columns.map(quoted).joined(separator: ", ")
        let jobs = try String.fetchAll(db, sql: """
            SELECT job_id FROM scraping_results WHERE job_id IS NOT NULL AND "cursor" IS NOT NULL GROUP BY job_id ORDER BY min(rowid)
            """)
        let pages = try db.makeStatement(sql: """
            SELECT \(list) FROM scraping_results WHERE job_id = ? AND "cursor" IS NOT NULL ORDER BY "cursor", rowid
            """)
        for job in jobs {
            var first: [DatabaseValue]?
            var texts: [String] = []
            for row in try Row.fetchAll(pages, arguments: [job]) {
                let values = columns.indices.map { row[$0] as DatabaseValue }
                if first == nil { first = values }
                texts.append(String.fromDatabaseValue(values[creators]) ?? "[]")
            }
            guard var merged = first else { continue }
            if texts.count > 1 { merged[creators] = ScrapingResult.mergedArrays(texts).databaseValue }
            try body(merged)
        }
        let unpaged = try Row.fetchCursor(db, sql: """
            SELECT \(list) FROM scraping_results WHERE job_id IS NULL OR "cursor" IS NULL ORDER BY rowid
            """)
        while let row = try unpaged.next() {
            try body(columns.indices.map { row[$0] as DatabaseValue })
        }
    }

    /// The rows an export writes of `table`: a job's result pages are one row.
    public static func exportedCount(_ db: Database, table: String) throws -> Int {
        guard table == "scraping_results" else { return try count(db, table: table) }
        return try Int.fetchOne(db, sql: """
            SELECT (SELECT count(DISTINCT job_id) FROM scraping_results WHERE "cursor" IS NOT NULL)
                 + (SELECT count(*) FROM scraping_results WHERE job_id IS NULL OR "cursor" IS NULL)
            """) ?? 0
    }

    /// A prepared insert of `columns` into `table`.
    public static func insertStatement(_ db: Database, table: String, columns: [String]) throws -> Statement {
        try checkColumns(db, table: table, columns: columns)
        let list = columns.map(quoted).joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return try db.makeStatement(sql: "INSERT INTO \(quoted(table)) (\(list)) VALUES (\(marks))")
    }

    /// Reads back the row just inserted, by rowid.
    public static func readBackStatement(_ db: Database, table: String) throws -> Statement {
        try checkTable(table)
        return try db.makeStatement(sql: "SELECT * FROM \(quoted(table)) WHERE rowid = ?")
    }

    /// The tables every file holds rows of from its first migration: the plans and the settings.
    public static let referenceTables = ["subscription_plans", "system_configurations"]

    /// Whether the file holds data of its own: anything beyond migration 0003's plans and settings.
    public static func holdsData(_ db: Database) throws -> Bool {
        for table in ReachDatabase.platformTables where !referenceTables.contains(table) {
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(quoted(table)))") == true { return true }
        }
        return false
    }

    /// Empties the platform tables but the plans and settings (children first); the search
    /// indexes follow through their triggers.
    public static func deleteData(_ db: Database) throws {
        for table in ReachDatabase.platformTables.reversed() where !referenceTables.contains(table) {
            try deleteRows(db, table: table)
        }
    }

    /// Empties one platform table.
    public static func deleteRows(_ db: Database, table: String) throws {
        try checkTable(table)
        try db.execute(sql: "DELETE FROM \(quoted(table))")
    }

    /// Checks foreign keys at commit rather than at each row, so tables may load in any order.
    public static func deferForeignKeys(_ db: Database) throws {
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
    }

    /// Rows whose foreign keys point nowhere (written with foreign keys off, for instance).
    public static func foreignKeyViolations(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
            let table: String = try row.value("table") ?? "?", parent: String = try row.value("parent") ?? "?"
            let rowid: Int64 = try row.value("rowid") ?? 0
            return "\(table) row \(rowid) → \(parent)"
        }
    }

    static func checkTable(_ table: String) throws {
        guard ReachDatabase.platformTables.contains(table) else {
            throw StoreError.invalid(field: "table", reason: "\(table) is not one of the platform's tables")
        }
    }

    static func checkColumns(_ db: Database, table: String, columns: [String]) throws {
        let known = Set(try self.columns(db, table: table))
        if let unknown = columns.first(where: { !known.contains($0) }) {
            throw StoreError.invalid(field: "column", reason: "\(table) has no column \(unknown)")
        }
    }

    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
