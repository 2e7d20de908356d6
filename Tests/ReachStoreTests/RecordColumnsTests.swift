import Foundation
import GRDB
import Testing
@testable import ReachStore

/// Each record's `Columns` enum is the one list of its table's columns.
@Suite("Record columns")
struct RecordColumnsTests {
    static func columns<Record: ReachRecord>(_ type: Record.Type) -> (table: String, names: [String], ordinals: [Int]) {
        (Record.databaseTableName, Record.Columns.allCases.map(\.rawValue), Record.Columns.allCases.map(\.ordinal))
    }

    static let records: [(table: String, names: [String], ordinals: [Int])] = [
        columns(UserProfile.self), columns(Campaign.self), columns(ScrapingJob.self), columns(ScrapingResult.self),
        columns(SearchJob.self), columns(SearchResult.self), columns(SubscriptionPlan.self), columns(SystemConfiguration.self),
        columns(Event.self), columns(BackgroundJob.self),
    ]

    @Test("every platform table has a record whose columns are the table's, in its order")
    func columnsMatchTables() throws {
        let database = try ReachDatabase.inMemory()
        #expect(Set(Self.records.map(\.table)) == Set(ReachDatabase.platformTables))
        try database.reader.read { db throws in
            for record in Self.records {
                let schema = try db.columns(in: record.table).map(\.name)
                #expect(record.names == schema, "\(record.table)")
            }
        }
        let creators = try database.reader.read { db in try db.columns(in: "reach_creators").map(\.name) }
        #expect(Set(CreatorRow.Columns.allCases.map(\.rawValue)).isSubset(of: Set(creators)))
    }

    @Test("a column's ordinal is its place in the enum: layouts read by position through it")
    func ordinals() {
        for record in Self.records {
            #expect(record.ordinals == Array(record.ordinals.indices), "\(record.table)")
        }
    }

    @Test("an unknown enumeration value in a row is an error naming the row and column, not a default")
    func unknownEnumeration() throws {
        let database = try ReachDatabase.inMemory()
        let row = try database.reader.read { db in
            try Row.fetchOne(db, sql: """
                SELECT '00000000-0000-4000-8000-000000000001' AS id, 'u' AS user_id, 'n' AS name, 'lookalike' AS search_type,
                       'draft' AS status, '2026-01-01 00:00:00.000' AS created_at, '2026-01-01 00:00:00.000' AS updated_at
                """)!
        }
        let error = #expect(throws: StoreError.self) { try Campaign(row: row) }
        #expect(error?.description.contains("search_type") == true && error?.description.contains("keyword, similar") == true)
    }
}
