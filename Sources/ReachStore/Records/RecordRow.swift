import Foundation
import GRDB

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
