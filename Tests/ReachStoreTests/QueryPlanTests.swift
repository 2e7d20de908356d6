import Foundation
import GRDB
import Testing
@testable import ReachStore

@Suite("Query plans")
struct QueryPlanTests {
    @Test("each seed query uses the index meant for it", arguments: QueryPatterns.plannedStatements.map { $0.name })
    func usesIndex(_ name: String) throws {
        let statement = QueryPatterns.plannedStatements.first { $0.name == name }!
        let database = try ReachDatabase.temporary()
        try database.reader.read { db throws in
            let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments)
                .map { $0["detail"] as String }
            #expect(plan.contains { $0.contains(statement.index) }, "\(name): \(plan)")
        }
    }
}
