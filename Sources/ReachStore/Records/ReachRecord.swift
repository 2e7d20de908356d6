import Foundation
import GRDB

/// A record of one of the platform's tables.
///
/// Its `Columns` enum is the one list of the table's column names: it drives the statement's
/// column lookup, ``init(_:)`` and `encode(to:)`. UUIDs are stored as lowercase text as the
/// platform's `uuid` columns export, dates as `YYYY-MM-DD HH:MM:SS.SSS` UTC, the form the schema
/// CHECKs. A stored value that cannot be read back (written around Reach) is an error that names
/// the row and column, never a trap, and never shows the row's values.
public protocol ReachRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    associatedtype Columns: RecordColumns
    /// Reads the record's fields from a row.
    init(_ row: RecordRow<Columns>) throws
}

extension ReachRecord {
    /// Keys such as `fetchOne(db, id:)` compare with lowercase text, as the ids are stored.
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy {
        .lowercaseString
    }

    public init(row: Row) throws {
        try self.init(RecordRow(row: row, layout: nil, table: Self.databaseTableName))
    }

    /// The column names, in the table's order.
    public static var columnNames: [String] { Columns.allCases.map(\.rawValue) }

    /// The records a statement returns, its columns located once rather than once per value:
    /// GRDB's by-name lookup lowercases and hashes the name on every read.
    public static func fetchAll(laidOut statement: Statement, arguments: StatementArguments) throws -> [Self] {
        let layout = ColumnLayout<Columns>(statement)
        var records: [Self] = []
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try rows.next() {
            records.append(try Self(RecordRow(row: row, layout: layout, table: databaseTableName)))
        }
        return records
    }

    /// The records a statement returns, and apart the rows that cannot be read (by id, with
    /// why): work over many rows goes on past one that was written around Reach.
    public static func fetchReadable(laidOut statement: Statement, arguments: StatementArguments) throws -> Readable<Self> {
        let layout = ColumnLayout<Columns>(statement)
        var readable = Readable<Self>()
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try rows.next() {
            do {
                readable.records.append(try Self(RecordRow(row: row, layout: layout, table: databaseTableName)))
            } catch let error as StoreError {
                let id = (try? row.decode(String?.self, forColumn: "id")).flatMap { $0 } ?? "?"
                readable.unreadable.append((id, error))
            }
        }
        return readable
    }

    /// How many rows of the table the record cannot read, and the first few of their ids: what
    /// `reach doctor` reports. One row is in memory at a time.
    public static func unreadableRows(_ db: Database) throws -> (count: Int, ids: [String]) {
        let statement = try db.makeStatement(sql: "SELECT * FROM \(databaseTableName)")
        let layout = ColumnLayout<Columns>(statement)
        var found = (count: 0, ids: [String]())
        let rows = try Row.fetchCursor(statement)
        while let row = try rows.next() {
            do {
                _ = try Self(RecordRow(row: row, layout: layout, table: databaseTableName))
            } catch is StoreError {
                found.count += 1
                if found.ids.count < 5 { found.ids.append((try? row.decode(String?.self, forColumn: "id")).flatMap { $0 } ?? "?") }
            }
        }
        return found
    }

    /// One record from a statement, by position.
    public static func fetchOne(laidOut statement: Statement, arguments: StatementArguments) throws -> Self? {
        let layout = ColumnLayout<Columns>(statement)
        guard let row = try Row.fetchOne(statement, arguments: arguments) else { return nil }
        return try Self(RecordRow(row: row, layout: layout, table: databaseTableName))
    }
}

extension Date {
    /// The one timestamp a query returns (`SELECT min(scheduled_for) …`), read by Reach's own
    /// parser: NULL, and a value it cannot read, are nil, never a trap.
    public static func fetchStored(_ statement: Statement, arguments: StatementArguments = StatementArguments()) throws -> Date? {
        guard let text = try String.fetchOne(statement, arguments: arguments) else { return nil }
        return Date(databaseText: text.utf8)
    }
}

extension Row {
    /// A value of a column read by GRDB's throwing decoding: an error naming the column for a value
    /// it cannot convert, where the subscript (`row["n"]`) would stop the process.
    public func value<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ column: String) throws -> Value? {
        try decode(Value?.self, forColumn: column)
    }

    /// A stored timestamp of a row outside the records (a query's computed column).
    public func optionalDate(_ column: String) -> Date? {
        dataNoCopy(named: column).flatMap { $0.withUnsafeBytes(Date.parse) }
    }

    /// A stored UUID (lowercase text) of a row outside the records.
    public func optionalUUID(_ column: String) -> UUID? {
        dataNoCopy(named: column).flatMap { $0.withUnsafeBytes(UUID.parse) }
    }
}
