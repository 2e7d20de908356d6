import Foundation
import GRDB
import ReachCore
import ReachStore

/// Inserts one COPY block's or INSERT's rows into a platform table: the columns Reach keeps, each
/// value converted from PostgreSQL's text, every row read back as Reach's readers read it.
struct TableLoader {
    let table: String
    /// Where each kept column's value is in a row of the file.
    private let positions: [Int]
    private let columns: [String]
    private let kinds: [PostgresSchema.Kind]
    private let fieldCount: Int
    private let platformColumn: Int?
    private let statement: Statement
    private let readBack: Statement
    private let check: (@Sendable (Row) throws -> Void)?
    /// The file's columns that Reach does not keep.
    let skippedColumns: [String]

    init(_ db: Database, table: String, columns order: [String], line: Int) throws {
        guard let schema = PostgresSchema.table(table) else { throw Importer.Failure(line: line, reason: "\(table) has no known columns") }
        let kept = Set(try TableTransfer.columns(db, table: table))
        var positions: [Int] = [], columns: [String] = [], kinds: [PostgresSchema.Kind] = [], skipped: [String] = []
        for (index, column) in order.enumerated() {
            guard kept.contains(column), let kind = schema.kind(of: column) else {
                skipped.append(column)
                continue
            }
            guard !columns.contains(column) else { throw Importer.Failure(line: line, reason: "\(table): column \(column) is named twice") }
            positions.append(index)
            columns.append(column)
            kinds.append(kind)
        }
        self.table = table
        self.positions = positions
        self.columns = columns
        self.kinds = kinds
        self.fieldCount = order.count
        self.platformColumn = table == "scraping_jobs" || table == "search_results" ? columns.firstIndex(of: "platform") : nil
        self.skippedColumns = skipped
        self.statement = try TableTransfer.insertStatement(db, table: table, columns: columns)
        self.readBack = try TableTransfer.readBackStatement(db, table: table)
        self.check = Importer.readers[table]
    }

    func insert(_ db: Database, _ fields: [String?], line: Int, report: inout Importer.Report) throws {
        guard fields.count == fieldCount else {
            throw Importer.Failure(line: line, reason: "\(fields.count) values for the \(fieldCount) columns of \(table)")
        }
        var values: [DatabaseValue] = []
        values.reserveCapacity(columns.count)
        do {
            for index in columns.indices {
                var text = fields[positions[index]]
                if index == platformColumn, let given = text {
                    text = Importer.platformName(given)
                    if text != given { report.respelledPlatforms += 1 }
                }
                let reading = try ValueCodec.read(text, kind: kinds[index], column: "\(table).\(columns[index])")
                if reading.truncated { report.truncatedTimestamps += 1 }
                values.append(reading.value)
            }
            try statement.execute(arguments: StatementArguments(values))
            if let check, let stored = try Row.fetchOne(readBack, arguments: [db.lastInsertedRowID]) {
                try check(stored)
            }
        } catch StoreError.unreadableRow(let table, let column, _, let reason) {
            throw Importer.Failure(line: line, reason: "\(table).\(column): \(reason)")
        } catch let error as ReachError {
            throw Importer.Failure(line: line, reason: "\(table): \(error)")
        } catch let error as DatabaseError {
            throw Importer.Failure(line: line, reason: "\(table): \(error.message ?? "refused by the schema")")
        } catch let error as CopyError {
            throw Importer.Failure(line: line, reason: error.description)
        }
    }
}
