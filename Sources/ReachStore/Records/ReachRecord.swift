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

/// The columns of a record's table, in the table's order, named as in the schema.
public protocol RecordColumns: RawRepresentable<String>, CaseIterable, ColumnExpression, Sendable, Hashable
where AllCases == [Self] {}

extension RecordColumns {
    /// The column's place in `allCases`: the declaration order is the enum's tag, so this costs
    /// nothing, where a dictionary lookup per field was most of the cost of decoding wide rows.
    @inline(__always) var ordinal: Int {
        withUnsafeBytes(of: self) { $0.isEmpty ? 0 : Int($0[0]) }
    }
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

/// Records read from many rows, and the ids of the rows that could not be read.
public struct Readable<Record: Sendable>: Sendable {
    public var records: [Record] = []
    public var unreadable: [(id: String, error: StoreError)] = []
}

/// Where a statement's columns are: per column of the record, its index, or -1 when absent.
public struct ColumnLayout<Columns: RecordColumns>: Sendable {
    let indexes: [Int]

    public init(_ statement: Statement) {
        indexes = Columns.allCases.map { statement.index(ofColumn: $0.rawValue) ?? -1 }
    }
}

/// A row as a record reads it: by position with a layout, by name without one. Every accessor
/// throws ``StoreError/unreadableRow(table:column:key:reason:)`` for a value it cannot read.
public struct RecordRow<Columns: RecordColumns> {
    let row: Row
    let layout: ColumnLayout<Columns>?
    let table: String

    /// The column's bytes (nil for NULL and a missing column), without a copy.
    @inline(__always) func data(_ column: Columns) -> Data? {
        guard let layout else { return row.dataNoCopy(named: column.rawValue) }
        let index = layout.indexes[column.ordinal]
        return index < 0 ? nil : row.dataNoCopy(atIndex: index)
    }

    func failure(_ column: Columns, _ reason: String) -> StoreError {
        let key = (try? row.decode(String?.self, forColumn: "id")).flatMap { $0 } ?? "?"
        return StoreError.unreadableRow(table: table, column: column.rawValue, key: "id \(key)", reason: reason)
    }

    /// A value GRDB converts, or nil for NULL and a missing column.
    public func optional<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ column: Columns) throws -> Value? {
        do {
            guard let layout else { return try row.decode(Value?.self, forColumn: column.rawValue) }
            let index = layout.indexes[column.ordinal]
            return index < 0 ? nil : try row.decode(Value?.self, atIndex: index)
        } catch {
            throw failure(column, "not \(Value.self)")
        }
    }

    public func required<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ column: Columns) throws -> Value {
        guard let value: Value = try optional(column) else { throw failure(column, "missing") }
        return value
    }

    public func optionalDate(_ column: Columns) throws -> Date? {
        guard let data = data(column) else { return nil }
        guard let date = data.withUnsafeBytes(Date.parse) else { throw failure(column, "not a timestamp") }
        return date
    }

    public func date(_ column: Columns) throws -> Date {
        guard let date = try optionalDate(column) else { throw failure(column, "missing") }
        return date
    }

    public func optionalUUID(_ column: Columns) throws -> UUID? {
        guard let data = data(column) else { return nil }
        guard let id = data.withUnsafeBytes(UUID.parse) else { throw failure(column, "not a UUID") }
        return id
    }

    public func uuid(_ column: Columns) throws -> UUID {
        guard let id = try optionalUUID(column) else { throw failure(column, "missing") }
        return id
    }

    /// Stored JSON, parsed by the same rules as the write path (depth, surrogates, NUL).
    public func optionalJSON(_ column: Columns) throws -> JSONValue? {
        guard let data = data(column) else { return nil }
        do {
            return try JSONValue(parsing: [UInt8](data))
        } catch let error as JSONParseError {
            throw failure(column, error.description)
        }
    }

    public func json(_ column: Columns) throws -> JSONValue {
        guard let value = try optionalJSON(column) else { throw failure(column, "missing") }
        return value
    }

    /// JSON kept as text (creator pages): the schema's CHECK holds it to `json_valid`.
    public func rawJSON(_ column: Columns) throws -> RawJSON {
        guard let text: String = try optional(column) else { throw failure(column, "missing") }
        return RawJSON(trusted: text)
    }

    /// A value of one of the schema's enumerations; an unknown one is an error, not a default.
    public func optionalEnumeration<Value: StoredEnum>(_ column: Columns, parsing: Bool = false) throws -> Value? {
        guard let text: String = try optional(column) else { return nil }
        guard let value = parsing ? Value(parsing: text) : Value(rawValue: text) else {
            throw failure(column, "not one of \(Value.valueList)")
        }
        return value
    }

    public func enumeration<Value: StoredEnum>(_ column: Columns, parsing: Bool = false) throws -> Value {
        guard let value: Value = try optionalEnumeration(column, parsing: parsing) else { throw failure(column, "missing") }
        return value
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
