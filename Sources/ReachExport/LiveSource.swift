import Foundation
import ReachStore

/// What `psql` runs to read the platform's tables straight from a running database
/// (`reach import postgres --from URL`): a catalog query, then one script whose output is a dump
/// of the tables in COPY form, read by ``Importer`` as it arrives.
public enum LiveSource {
    /// The platform's tables the database has, with their columns in order and an estimate of
    /// their rows: one line each, `table<TAB>column, column, …<TAB>rows`.
    public static let catalogQuery = """
        SELECT c.relname,
               string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum),
               greatest(c.reltuples, 0)::bigint
          FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
           AND c.relname IN (\(ReachDatabase.platformTables.map { "'\($0)'" }.joined(separator: ", ")))
         GROUP BY c.relname, c.reltuples;

        """

    public struct Table: Sendable {
        public var name: String
        public var columns: String
        public var estimatedRows: Int
    }

    /// The catalog query's rows; nil for a line that is not one.
    public static func tables(_ rows: [[String]]) -> [Table] {
        rows.compactMap { fields in
            guard fields.count == 3, ReachDatabase.platformTables.contains(fields[0]) else { return nil }
            return Table(name: fields[0], columns: fields[1], estimatedRows: Int(fields[2]) ?? 0)
        }
    }

    /// Reads the platform's tables of the database at `url` into `database`, in one snapshot and
    /// one transaction; `progress` gets the rows read and the database's estimate of them all.
    public static func importTables(
        from url: String, into database: ReachDatabase, with importer: Importer, progress: (_ rows: Int, _ estimate: Int) -> Void
    ) throws -> Importer.Report {
        let tables = tables(try PSQL.query(url: url, catalogQuery))
        guard !tables.isEmpty else {
            throw CopyError("\(PSQL.redacted(url)) has none of the platform's tables in its public schema")
        }
        let estimate = tables.map(\.estimatedRows).reduce(0, +)
        let session = try PSQL.start(url: url, script: copyScript(tables))
        do {
            return try importer.importInput(
                DumpInput(session.output ?? .nullDevice), into: database,
                progress: { progress($0, estimate) },
                beforeCommit: { try session.finish(failure: "nothing was imported") })
        } catch {
            // psql's own complaint (a lost connection, a refused query) says more than a stream that stopped short.
            session.stop()
            try session.finish(failure: "nothing was imported")
            throw error
        }
    }

    /// Every table's rows as a COPY block, all from one snapshot, with timestamps in UTC and ISO form.
    public static func copyScript(_ tables: [Table]) -> String {
        var script = """
            SET DateStyle = ISO;
            SET TimeZone = 'UTC';
            SET IntervalStyle = postgres;
            SET extra_float_digits = 3;
            BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;

            """
        for table in tables {
            script += """
                \\echo 'COPY public.\(table.name) (\(table.columns)) FROM stdin;'
                COPY public.\(table.name) (\(table.columns)) TO STDOUT;
                \\echo '\\\\.'

                """
        }
        return script + "COMMIT;\n"
    }
}
