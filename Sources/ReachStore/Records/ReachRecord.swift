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

    /// One record from a statement, by position.
    public static func fetchOne(laidOut statement: Statement, arguments: StatementArguments) throws -> Self? {
        let layout = ColumnLayout<Columns>(statement)
        guard let row = try Row.fetchOne(statement, arguments: arguments) else { return nil }
        return try Self(RecordRow(row: row, layout: layout, table: databaseTableName))
    }
}

extension Row {
    /// A stored timestamp of a row outside the records (a query's computed column).
    public func optionalDate(_ column: String) -> Date? {
        dataNoCopy(named: column).flatMap { $0.withUnsafeBytes(Date.parse) }
    }

    /// A stored UUID (lowercase text) of a row outside the records.
    public func optionalUUID(_ column: String) -> UUID? {
        dataNoCopy(named: column).flatMap { $0.withUnsafeBytes(UUID.parse) }
    }
}
