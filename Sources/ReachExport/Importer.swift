import Foundation
import GRDB
import ReachCore
import ReachStore

/// Reads a PostgreSQL script of the export's form, or a `pg_dump --data-only` of the platform's
/// tables, into a Reach file: every `COPY <table> (<columns>) FROM stdin;` block is loaded, other
/// statements are skipped. All in one transaction: a malformed file is refused with its line
/// number, and nothing is written. The search indexes fill through their triggers as rows arrive.
public struct Importer: Sendable {
    /// What was read.
    public struct Report: Sendable, Codable {
        public var rows: [String: Int] = [:]
        /// COPY blocks of tables that are not the platform's (e.g. a migrations table), skipped.
        public var skippedTables: [String] = []
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
        return try importLines(LineReader(handle), into: database, progress: progress)
    }

    public func importLines(_ reader: LineReader, into database: ReachDatabase, progress: (Int) -> Void) throws -> Report {
        var report = Report()
        try database.writer.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                if try TableTransfer.holdsData(db), !force {
                    throw CopyError("the database already holds data: import into a new file, or pass --force to replace it")
                }
                // Foreign keys are checked at commit, so blocks may come in any order.
                try TableTransfer.deferForeignKeys(db)
                try TableTransfer.deleteAll(db)
                report = try load(db, reader: reader, progress: progress)
                guard !report.rows.isEmpty else {
                    throw CopyError("the file holds no COPY block of the platform's tables: "
                        + "it is not a `reach export postgres` script or a pg_dump of them (nothing was changed)")
                }
                let violations = try TableTransfer.foreignKeyViolations(db)
                guard violations.isEmpty else {
                    throw CopyError("rows refer to rows the file does not hold: \(violations.prefix(3).joined(separator: "; "))")
                }
                return .commit
            }
        }
        return report
    }

    private func load(_ db: Database, reader: LineReader, progress: (Int) -> Void) throws -> Report {
        var report = Report()
        var total = 0
        while let (number, line) = try reader.next() {
            guard line.hasPrefix("COPY ") else { continue }
            let (table, columns) = try parseCopy(line, number: number)
            guard let schema = PostgresSchema.table(table) else {
                report.skippedTables.append(table)
                try skipBlock(reader, from: number)
                continue
            }
            let kinds = try columns.map { column -> PostgresSchema.Kind in
                guard let kind = schema.kind(of: column) else {
                    throw Failure(line: number, reason: "\(table) has no column \(column)")
                }
                return kind
            }
            let statement = try TableTransfer.insertStatement(db, table: table, columns: columns)
            let readBack = try TableTransfer.readBackStatement(db, table: table)
            let check = Self.readers[table]
            var count = 0
            var terminated = false
            while let (rowNumber, row) = try reader.next() {
                if row == "\\." {
                    terminated = true
                    break
                }
                do {
                    let fields = try CopyFormat.fields(row[...])
                    guard fields.count == columns.count else {
                        throw CopyError("\(fields.count) fields for \(columns.count) columns of \(table)")
                    }
                    var values: [DatabaseValue] = []
                    values.reserveCapacity(fields.count)
                    for index in fields.indices {
                        var text = fields[index]
                        if columns[index] == "platform", let value = text {
                            text = Self.platformName(value)
                        }
                        values.append(try ValueCodec.storedValue(text, kind: kinds[index], column: columns[index]))
                    }
                    try statement.execute(arguments: StatementArguments(values))
                    if let check, let stored = try Row.fetchOne(readBack, arguments: [db.lastInsertedRowID]) {
                        try check(stored)
                    }
                } catch StoreError.unreadableRow(let table, let column, _, let reason) {
                    throw Failure(line: rowNumber, reason: "\(table).\(column): \(reason)")
                } catch let error as ReachError {
                    throw Failure(line: rowNumber, reason: "\(table): \(error)")
                } catch let error as DatabaseError {
                    throw Failure(line: rowNumber, reason: "\(table): \(error.message ?? "refused by the schema")")
                } catch let error as CopyError {
                    throw Failure(line: rowNumber, reason: error.description)
                }
                count += 1
                total += 1
                if total % 1_000 == 0 { progress(total) }
            }
            guard terminated else { throw Failure(line: number, reason: "the COPY block of \(table) never ends with \\.") }
            report.rows[table, default: 0] += count
        }
        progress(total)
        return report
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

    /// `COPY public.campaigns (id, user_id, "key") FROM stdin;` → ("campaigns", ["id", "user_id", "key"]).
    func parseCopy(_ line: String, number: Int) throws -> (String, [String]) {
        guard line.hasSuffix("FROM stdin;"), let open = line.firstIndex(of: "("), let close = line.lastIndex(of: ")"), open < close
        else { throw Failure(line: number, reason: "expected COPY <table> (<columns>) FROM stdin;") }
        var table = line.dropFirst("COPY ".count).prefix { $0 != " " && $0 != "(" }
            .trimmingCharacters(in: .whitespaces)
        if table.hasPrefix("public.") { table = String(table.dropFirst("public.".count)) }
        table = table.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        let columns = line[line.index(after: open)..<close].split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        guard !columns.isEmpty, columns.allSatisfy({ !$0.isEmpty }) else {
            throw Failure(line: number, reason: "the COPY line names no columns")
        }
        return (table, columns)
    }

    private func skipBlock(_ reader: LineReader, from number: Int) throws {
        while let (_, line) = try reader.next() {
            if line == "\\." { return }
        }
    }

    /// Any casing of a platform is accepted on import: `tiktok` → `TikTok`.
    static func platformName(_ text: String) -> String {
        Platform(parsing: text)?.rawValue ?? text
    }
}
