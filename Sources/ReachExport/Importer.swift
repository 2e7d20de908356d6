import Foundation
import GRDB
import ReachCore
import ReachStore

/// Reads the platform's tables into a Reach file from a `reach export postgres` script, any
/// `pg_dump` of the platform's database (plain, data only, COPY or INSERTs), Supabase's data
/// dump, or a live database's COPY stream (``DumpInput``).
///
/// Tables of other schemas and other tables are skipped and named in the report; columns Reach
/// does not keep are skipped and named too. Values are read as PostgreSQL prints them
/// (``ValueCodec``); timestamps with an offset are converted to UTC, and those cut from
/// microseconds to milliseconds are counted. The plans and settings the file holds replace the
/// file's own; when it holds none, Reach's stay. All in one transaction: a row Reach cannot hold
/// is refused with its line, table and column, and nothing is written. The search indexes fill
/// through their triggers as rows arrive.
public struct Importer: Sendable {
    /// What was read, and what was not carried across.
    public struct Report: Sendable, Codable {
        public var rows: [String: Int] = [:]
        /// Tables that are not the platform's (other schemas, a migrations table), skipped: `auth.users`.
        public var skippedTables: [String] = []
        /// Columns of the platform's tables that Reach does not keep, skipped: `table.column`.
        public var skippedColumns: [String] = []
        /// Timestamps whose digits past the millisecond were cut: Reach keeps milliseconds.
        public var truncatedTimestamps = 0
        /// Platform names spelt otherwise (the platform's default `Tiktok`), stored as `TikTok`.
        public var respelledPlatforms = 0
        /// Plans or settings the file holds none of: Reach's own were kept.
        public var keptTables: [String] = []
    }

    public struct Failure: Error, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// Replace a file that holds data of its own (`--force`).
    public var force = false

    public init(force: Bool = false) {
        self.force = force
    }

    public func importFile(_ path: String, into database: ReachDatabase, progress: (Int) -> Void = { _ in }) throws -> Report {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let handle = FileHandle(forReadingAtPath: path)
        else {
            throw CopyError("cannot read \(path): give a script written by `reach export postgres` or a pg_dump file")
        }
        defer { try? handle.close() }
        return try importInput(DumpInput(handle), into: database, progress: progress)
    }

    /// Reads `input` into `database`; `beforeCommit` may still refuse it all (the source's own failure).
    public func importInput(
        _ input: DumpInput, into database: ReachDatabase, progress: (Int) -> Void, beforeCommit: () throws -> Void = {}
    ) throws -> Report {
        var report = Report()
        try database.writer.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                if try TableTransfer.holdsData(db), !force {
                    throw CopyError("the database already holds data: import into a new file, or pass --force to replace it")
                }
                // Foreign keys are checked at commit, so tables may come in any order.
                try TableTransfer.deferForeignKeys(db)
                try TableTransfer.deleteData(db)
                report = try load(db, reader: DumpReader(input), progress: progress)
                guard !report.rows.isEmpty else {
                    throw CopyError("the file holds no rows of the platform's tables (no COPY block or INSERT of them): "
                        + "it is not a `reach export postgres` script or a pg_dump of the platform's database (nothing was changed)")
                }
                let violations = try TableTransfer.foreignKeyViolations(db)
                guard violations.isEmpty else {
                    throw CopyError("rows refer to rows the file does not hold: \(violations.prefix(3).joined(separator: "; "))")
                }
                try beforeCommit()
                return .commit
            }
        }
        return report
    }

    private func load(_ db: Database, reader: DumpReader, progress: (Int) -> Void) throws -> Report {
        var report = Report()
        var total = 0
        var replaced: Set<String> = []
        while let statement = try reader.nextStatement() {
            let name: DumpReader.TableName, columns: [String]?, line: Int
            switch statement {
            case .copy(let table, let list, let number), .insert(let table, let list, let number):
                (name, columns, line) = (table, list, number)
            }
            let nextRow: () throws -> (Int, [String?])?
            switch statement {
            case .copy: nextRow = reader.nextCopyRow
            case .insert: nextRow = reader.nextInsertRow
            }
            guard name.schema == nil || name.schema == "public", ReachDatabase.platformTables.contains(name.table) else {
                if !report.skippedTables.contains(name.description) { report.skippedTables.append(name.description) }
                while try nextRow() != nil {}
                continue
            }
            let table = name.table
            report.rows[table, default: 0] += 0
            var loader: TableLoader?
            while let (rowLine, fields) = try nextRow() {
                if loader == nil {
                    if TableTransfer.referenceTables.contains(table), replaced.insert(table).inserted {
                        try TableTransfer.deleteRows(db, table: table)
                    }
                    let order = try columns ?? reader.definitions[name] ?? Self.positional(table, count: fields.count, line: line)
                    loader = try TableLoader(db, table: table, columns: order, line: line)
                    for column in loader?.skippedColumns ?? [] where !report.skippedColumns.contains("\(table).\(column)") {
                        report.skippedColumns.append("\(table).\(column)")
                    }
                }
                try loader?.insert(db, fields, line: rowLine, report: &report)
                report.rows[table, default: 0] += 1
                total += 1
                if total % 1_000 == 0 { progress(total) }
            }
        }
        report.keptTables = TableTransfer.referenceTables.filter { !replaced.contains($0) }
        progress(total)
        return report
    }

    /// The columns of an INSERT that names none, in a dump without the table's definition: the
    /// platform database's order (which Reach's export keeps), with or without Reach's own columns.
    static func positional(_ table: String, count: Int, line: Int) throws -> [String] {
        guard let schema = PostgresSchema.table(table) else { throw Failure(line: line, reason: "\(table) has no known columns") }
        if count == schema.platformColumns.count { return schema.platformColumns.map(\.name) }
        if count == schema.columns.count { return schema.columns.map(\.name) }
        throw Failure(line: line, reason: "an INSERT into \(table) names no columns and the file holds no CREATE TABLE for it, "
            + "and its \(count) values are not the platform's \(schema.platformColumns.count) columns: "
            + "dump with --column-inserts (or pg_dump's default COPY)")
    }

    /// Each row is read back as Reach's readers read it, so that the import refuses what they or
    /// the write path would refuse (an unknown status, a setting outside its range), with its line.
    static let readers: [String: @Sendable (Row) throws -> Void] = [
        "user_profiles": { _ = try UserProfile(row: $0) },
        "campaigns": { _ = try Campaign(row: $0) },
        "scraping_jobs": { _ = try ScrapingJob(row: $0) },
        "scraping_results": { _ = try ScrapingResult(row: $0) },
        "search_jobs": { _ = try SearchJob(row: $0) },
        "search_results": { _ = try SearchResult(row: $0) },
        "subscription_plans": { _ = try SubscriptionPlan(row: $0) },
        "system_configurations": { try Settings.validate(try SystemConfiguration(row: $0)) },
        "events": { _ = try Event(row: $0) },
        "background_jobs": { _ = try BackgroundJob(row: $0) },
    ]

    /// Any casing of a platform is accepted on import: `tiktok` → `TikTok`.
    static func platformName(_ text: String) -> String {
        Platform(parsing: text)?.rawValue ?? text
    }
}
