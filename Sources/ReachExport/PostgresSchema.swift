import Foundation

/// The platform's PostgreSQL schema (`schema/postgres/`), embedded: the DDL the export writes,
/// and, read from it, each column's PostgreSQL type, which decides how values convert.
public enum PostgresSchema {
    /// Tables, before the data.
    public static let tablesSQL = String(decoding: PackageResources.tables_sql, as: UTF8.self)
    /// Keys, foreign keys, indexes, the trigger and row level security, after the data.
    public static let constraintsSQL = String(decoding: PackageResources.constraints_sql, as: UTF8.self)
    /// The load of a data-only export: from staging tables into whatever schema the target has.
    public static let loadDataSQL = String(decoding: PackageResources.load_data_sql, as: UTF8.self)

    /// How a column's values convert.
    public enum Kind: Sendable, Equatable {
        case uuid, timestamp, timestamptz, json, boolean, integer, numeric, text

        /// Either kind of timestamp: both are stored as UTC text in Reach's file.
        public var isTimestamp: Bool { self == .timestamp || self == .timestamptz }
    }

    public struct Column: Sendable, Equatable {
        public var name: String
        public var kind: Kind
        /// A column Reach adds (the queue's lease, a result page's cursor): the platform's
        /// database has no such column, so a data-only export leaves it behind there.
        public var isReachOwn: Bool
    }

    public struct Table: Sendable {
        public var name: String
        public var columns: [Column]

        public func kind(of column: String) -> Kind? { columns.first { $0.name == column }?.kind }

        /// The platform's columns, in its database's order (Reach's own left out).
        public var platformColumns: [Column] { columns.filter { !$0.isReachOwn } }
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
                let definition = line.components(separatedBy: " --").first ?? line
                let parts = definition.split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { continue }
                let name = parts[0].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                current?.columns.append(Column(
                    name: name, kind: kind(ofType: parts[1]), isReachOwn: line.contains("-- Reach's own")))
            }
        }
        return tables
    }

    /// The kind of a column from its type as DDL or `format_type` writes it.
    static func kind(ofType definition: String) -> Kind {
        let type = definition.lowercased()
        if type.hasPrefix("timestamp with time zone") || type.hasPrefix("timestamptz") { return .timestamptz }
        if type.hasPrefix("timestamp") { return .timestamp }
        let word = type.prefix { $0.isLetter || $0 == "_" }
        switch word {
        case "uuid": return .uuid
        case "jsonb", "json": return .json
        case "boolean", "bool": return .boolean
        case "integer", "bigint", "smallint", "int", "int4", "int8", "int2", "serial", "bigserial": return .integer
        case "numeric", "decimal", "real", "double": return .numeric
        default: return .text
        }
    }
}
