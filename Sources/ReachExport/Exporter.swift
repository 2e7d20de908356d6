import Foundation
import GRDB
import ReachStore

/// Writes a Reach file as a script that `psql -v ON_ERROR_STOP=1 -f` loads into PostgreSQL 15 in
/// one transaction.
///
/// - The whole export (``Part/all``) is for an empty database: the platform's tables, the data as
///   `COPY … FROM stdin`, then keys, indexes and constraints, then `ANALYZE`.
/// - A data-only export loads into a database that has the platform's tables already, made by the
///   platform's migrations or by Reach's whole export: the rows go into temporary staging tables,
///   and `load_data.sql` moves them into the target's own columns and types (plans and
///   configuration merged on their keys, with ``replace`` the data tables emptied first).
///
/// A search's result pages are one `scraping_results` row, as the platform keeps them. It reads
/// one table at a time in one read transaction (a consistent snapshot) and writes as it reads, so
/// memory stays flat whatever the file's size.
public struct Exporter: Sendable {
    public enum Part: Sendable { case all, schemaOnly, dataOnly }

    public var part: Part = .all
    /// Only these tables' data (and, with the schema, all tables still).
    public var tables: [String] = ReachDatabase.platformTables
    /// Data only: empty the target's data tables before loading (plans and configuration still merge).
    public var replace = false

    public init(part: Part = .all, tables: [String]? = nil, replace: Bool = false) throws {
        self.part = part
        self.replace = replace
        if replace && part != .dataOnly { throw CopyError("--replace goes with --data-only: a whole export loads into an empty database") }
        if let tables {
            let unknown = tables.filter { !ReachDatabase.platformTables.contains($0) }
            guard unknown.isEmpty else {
                throw CopyError("unknown tables \(unknown.joined(separator: ", ")): use \(ReachDatabase.platformTables.joined(separator: ", "))")
            }
            self.tables = ReachDatabase.platformTables.filter(tables.contains)
        }
    }

    /// Rows per table, for progress.
    public func rowCounts(_ database: ReachDatabase) throws -> [String: Int] {
        try database.reader.read { db in
            Dictionary(uniqueKeysWithValues: try tables.map { ($0, try TableTransfer.exportedCount(db, table: $0)) })
        }
    }

    /// Writes the script to `sink`, reporting each row to `progress`.
    public func export(_ database: ReachDatabase, to sink: some ScriptSink, progress: (Int) -> Void = { _ in }) throws {
        try database.reader.read { db in
            let violations = try TableTransfer.foreignKeyViolations(db)
            guard violations.isEmpty else {
                throw CopyError("the file has rows whose foreign keys point nowhere (\(violations.prefix(3).joined(separator: "; "))): "
                    + "PostgreSQL would refuse them; run `reach doctor`")
            }
            try sink.write("""
                -- Reach export: \(part == .dataOnly ? "the data, for a database that has the platform's tables" : "the platform's schema and data") (PostgreSQL 15).
                -- psql -v ON_ERROR_STOP=1 -f FILE "$DATABASE_URL"
                SET client_encoding = 'UTF8';
                SET standard_conforming_strings = on;
                SET client_min_messages = warning;
                -- lz4 compresses the creator arrays far faster than pglz (scale 100: load 12.2 s
                -- with pglz, 7.4 s with lz4); a server built without lz4 keeps its default.
                DO $$ BEGIN PERFORM set_config('default_toast_compression', 'lz4', false);
                EXCEPTION WHEN OTHERS THEN NULL; END $$;
                BEGIN;

                """)
            var done = 0
            func row() {
                done += 1
                if done % 1_000 == 0 { progress(done) }
            }
            switch part {
            case .all:
                try sink.write(PostgresSchema.tablesSQL + "\n")
                for table in tables { try copy(db, table: table, into: table, staged: false, to: sink, row: row) }
                try sink.write(PostgresSchema.constraintsSQL + "\n")
                try sink.write("ANALYZE;\n")
            case .schemaOnly:
                try sink.write(PostgresSchema.tablesSQL + "\n")
                try sink.write(PostgresSchema.constraintsSQL + "\n")
            case .dataOnly:
                try sink.write("""
                    CREATE TEMPORARY TABLE reach_load_options (replace boolean NOT NULL) ON COMMIT DROP;
                    INSERT INTO reach_load_options VALUES (\(replace));

                    """)
                for table in tables {
                    try stage(table, to: sink)
                    try copy(db, table: table, into: "reach_stage_" + table, staged: true, to: sink, row: row)
                }
                try sink.write(PostgresSchema.loadDataSQL + "\n")
            }
            progress(done)
            try sink.write("COMMIT;\n")
        }
        try sink.flush()
    }

    /// A temporary table of text columns that takes a table's rows as the file holds them.
    private func stage(_ table: String, to sink: some ScriptSink) throws {
        guard let schema = PostgresSchema.table(table) else { throw CopyError("no PostgreSQL schema for \(table)") }
        let columns = schema.columns.map { "    \(Self.quoted($0.name)) text" }.joined(separator: ",\n")
        // JSON is parsed once, on its way into the target: compressing it here too would be wasted.
        let uncompressed = schema.columns.filter { $0.kind == .json }
            .map { "ALTER TABLE reach_stage_\(table) ALTER COLUMN \(Self.quoted($0.name)) SET STORAGE EXTERNAL;\n" }.joined()
        try sink.write("CREATE TEMPORARY TABLE reach_stage_\(table) (\n\(columns)\n) ON COMMIT DROP;\n\(uncompressed)")
    }

    /// A table's rows as one `COPY … FROM stdin` block into `target`.
    private func copy(
        _ db: Database, table: String, into target: String, staged: Bool, to sink: some ScriptSink, row: () -> Void
    ) throws {
        guard let schema = PostgresSchema.table(table) else { throw CopyError("no PostgreSQL schema for \(table)") }
        let columns = schema.columns.map(\.name)
        // A staging table is text: its timestamps stay UTC text, cast once they reach the target.
        let kinds = schema.columns.map { staged && $0.kind == .timestamptz ? .timestamp : $0.kind }
        try sink.write("COPY \(target) (\(columns.map(Self.quoted).joined(separator: ", "))) FROM stdin;\n")
        var line: [UInt8] = []
        let null = Array(CopyFormat.null.utf8)
        // The platform keeps one result row per job, and its code reads a job's first row only.
        let rows = table == "scraping_results"
            ? { body in try TableTransfer.forEachMergedResult(db, columns: columns, body) }
            : { body in try TableTransfer.forEachRow(db, table: table, columns: columns, body) }
            as (([DatabaseValue]) throws -> Void) throws -> Void
        try rows { values in
            line.removeAll(keepingCapacity: true)
            for index in values.indices {
                if index > 0 { line.append(UInt8(ascii: "\t")) }
                if let text = try ValueCodec.postgresText(values[index], kind: kinds[index]) {
                    CopyFormat.escape(text, into: &line)
                } else {
                    line.append(contentsOf: null)
                }
            }
            line.append(UInt8(ascii: "\n"))
            try sink.write(bytes: line)
            row()
        }
        try sink.write("\\.\n\n")
    }

    /// Column names that are words of SQL are quoted, as pg_dump writes them.
    static func quoted(_ name: String) -> String {
        ["key", "cursor", "timestamp"].contains(name) ? "\"\(name)\"" : name
    }
}
