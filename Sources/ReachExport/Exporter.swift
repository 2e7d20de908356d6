import Foundation
import GRDB
import ReachStore

/// Writes a Reach file as a script that `psql -v ON_ERROR_STOP=1 -f` loads into an empty
/// PostgreSQL 15 database in one transaction: the tables, the data as `COPY … FROM stdin`, then
/// keys, indexes and constraints, then `ANALYZE`. A search's result pages are one
/// `scraping_results` row, as the platform keeps them.
///
/// It reads one table at a time in one read transaction (a consistent snapshot) and writes as it
/// reads, so memory stays flat whatever the file's size.
public struct Exporter: Sendable {
    public enum Part: Sendable { case all, schemaOnly, dataOnly }

    public var part: Part = .all
    /// Only these tables' data (and, with the schema, all tables still).
    public var tables: [String] = ReachDatabase.platformTables

    public init(part: Part = .all, tables: [String]? = nil) throws {
        self.part = part
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
                -- Reach export: the platform's schema and data for PostgreSQL 15.
                -- Load into an empty database: psql -v ON_ERROR_STOP=1 -f FILE "$DATABASE_URL"
                SET client_encoding = 'UTF8';
                SET standard_conforming_strings = on;
                SET client_min_messages = warning;
                -- lz4 compresses the creator arrays far faster than pglz (scale 100: load 12.2 s
                -- with pglz, 7.4 s with lz4); a server built without lz4 keeps its default.
                DO $$ BEGIN PERFORM set_config('default_toast_compression', 'lz4', false);
                EXCEPTION WHEN OTHERS THEN NULL; END $$;
                BEGIN;

                """)
            if part != .dataOnly { try sink.write(PostgresSchema.tablesSQL + "\n") }
            if part != .schemaOnly {
                var done = 0
                for table in tables {
                    try exportTable(db, table: table, to: sink) {
                        done += 1
                        if done % 1_000 == 0 { progress(done) }
                    }
                }
                progress(done)
            }
            if part != .dataOnly { try sink.write(PostgresSchema.constraintsSQL + "\n") }
            if part != .schemaOnly { try sink.write("ANALYZE;\n") }
            try sink.write("COMMIT;\n")
        }
        try sink.flush()
    }

    private func exportTable(_ db: Database, table: String, to sink: some ScriptSink, row: () -> Void) throws {
        guard let schema = PostgresSchema.table(table) else { throw CopyError("no PostgreSQL schema for \(table)") }
        let columns = schema.columns.map(\.name)
        let kinds = schema.columns.map(\.kind)
        let list = columns.map { $0 == "key" || $0 == "cursor" || $0 == "timestamp" ? "\"\($0)\"" : $0 }
        try sink.write("COPY \(table) (\(list.joined(separator: ", "))) FROM stdin;\n")
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
}
