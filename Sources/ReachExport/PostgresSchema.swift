import Foundation

/// The platform's PostgreSQL schema (`schema/postgres/`), embedded: the DDL the export writes,
/// and, read from it, each column's PostgreSQL type, which decides how values convert.
public enum PostgresSchema {
    /// Tables, before the data.
    public static let tablesSQL = String(decoding: PackageResources.tables_sql, as: UTF8.self)
    /// Keys, foreign keys, indexes, the trigger and row level security, after the data.
    public static let constraintsSQL = String(decoding: PackageResources.constraints_sql, as: UTF8.self)

    /// How a column's values convert.
    public enum Kind: Sendable, Equatable {
        case uuid, timestamp, json, boolean, integer, numeric, text
    }

    public struct Table: Sendable {
        public var name: String
        public var columns: [(name: String, kind: Kind)]

        public func kind(of column: String) -> Kind? { columns.first { $0.name == column }?.kind }
    }

    /// Each table of `tables.sql`, with its columns' kinds.
    public static let tables: [Table] = parse(tablesSQL)

    public static func table(_ name: String) -> Table? { tables.first { $0.name == name } }

    static func parse(_ sql: String) -> [Table] {
        var tables: [Table] = []
        var current: Table?
        for rawLine in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("CREATE TABLE ") {
                let name = line.dropFirst("CREATE TABLE ".count).prefix { $0 != " " && $0 != "(" }
                current = Table(name: String(name), columns: [])
            } else if line.hasPrefix(")"), let table = current {
                tables.append(table)
                current = nil
            } else if current != nil, !line.isEmpty, !line.hasPrefix("--") {
                let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
                guard parts.count >= 2 else { continue }
                let name = parts[0].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                let type = parts[1].lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ","))
                let kind: Kind
                switch type {
                case "uuid": kind = .uuid
                case "timestamp": kind = .timestamp
                case "jsonb", "json": kind = .json
                case "boolean": kind = .boolean
                case "integer", "bigint", "smallint": kind = .integer
                case "numeric": kind = .numeric
                default: kind = .text
                }
                current?.columns.append((name, kind))
            }
        }
        return tables
    }
}
