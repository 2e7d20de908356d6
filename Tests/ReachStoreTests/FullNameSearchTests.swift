import Foundation
import GRDB
import Testing
@testable import ReachStore

@Suite("Admin user search by full name")
struct FullNameSearchTests {
    @Test("the seed's own query: full_name ILIKE '%q%', both plans")
    func fullNameOnly() throws {
        let database = try ReachDatabase.temporary()
        try database.insertUser("by_name", fullName: "Anna Karenina", email: "x@example.com", createdAt: testNow)
        try database.insertUser("by_email", fullName: "Someone Else", email: "anna@example.com", createdAt: testNow.addingTimeInterval(1))
        try database.reader.read { db throws in
            for plan in [UserSearch.Plan.trigramIndex, .createdAtWalk] {
                #expect(try UserSearch.search(db, query: "ANNA", limit: 10, fields: .fullName, plan: plan).map(\.userId) == ["by_name"])
                #expect(try UserSearch.search(db, query: "anna", limit: 10, fields: .all, plan: plan).map(\.userId) == ["by_email", "by_name"])
            }
        }
    }
}
