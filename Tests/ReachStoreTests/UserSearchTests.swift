import Foundation
import GRDB
import Testing
@testable import ReachStore

@Suite("Admin user search")
struct UserSearchTests {
    /// Users whose names exercise case, accents, scripts, emoji and FTS5 syntax.
    static let people: [(String, String?, String?, String?)] = [
        ("u_ecole", "ÉCOLE Martin", "ecole@example.com", "École de Cuisine"),
        ("u_john", "John Smith", "jsmith@example.com", "Smith & Sons"),
        ("u_johanna", "Johanna Berg", "jo@berg.se", nil),
        ("u_quote", "Dwayne \"The Rock\" J", "rock@example.com", "Quotes \"R\" Us"),
        ("u_star", "Star*Power", "star@example.com", "A AND B OR C"),
        ("u_near", "NEAR(x y) Ltd", "near@example.com", "(parens) - dash"),
        ("u_emoji", "Mia 🎉 Party", "mia@example.com", "🎉🎉 Events"),
        ("u_greek", "ΣΩΚΡΆΤΗΣ Παπάς", "socrates@example.gr", nil),
        ("u_none", nil, nil, nil),
        ("u_percent", "100% Real_Name", "p@example.com", nil),
    ]

    func database() throws -> ReachDatabase {
        let database = try ReachDatabase.temporary()
        for (offset, person) in Self.people.enumerated() {
            try database.insertUser(
                person.0, fullName: person.1, email: person.2, businessName: person.3,
                createdAt: testNow.addingTimeInterval(Double(offset)))
        }
        return database
    }

    /// What PostgreSQL's `col ILIKE '%q%'` (any of the five columns, newest first) returns.
    static func ilike(_ query: String) -> [String] {
        people.enumerated().reversed().filter { _, person in
            [person.1, person.2, person.3].compactMap { $0 }.contains { $0.lowercased().contains(query.lowercased()) }
        }.map(\.element.0)
    }

    static let queries = [
        "éco", "ÉCO", "ecole", "École", "john", "JOHN", "ohn", "smith &", "\"The Rock\"", "\"", "Star*", "*",
        "AND B", "OR", "NEAR(", "(parens)", "- dash", "🎉", "🎉🎉", "Mia 🎉", "σωκ", "ΠΑΠ", "jo", "J", "e", "100%",
        "_Name", "zzz", "   ", "@example.com",
    ]

    @Test("agrees with ILIKE '%q%', newest first", arguments: queries)
    func agreesWithILIKE(_ query: String) throws {
        let database = try database()
        let found = try database.reader.read { db in try UserSearch.search(db, query: query, limit: 50) }
        #expect(found.map(\.userId) == Self.ilike(query), "query \(query)")
    }

    @Test("both plans return the same users", arguments: queries.filter { $0.unicodeScalars.count >= 3 })
    func plansAgree(_ query: String) throws {
        let database = try database()
        try database.reader.read { db throws in
            let index = try UserSearch.search(db, query: query, limit: 50, plan: .trigramIndex)
            let walk = try UserSearch.search(db, query: query, limit: 50, plan: .createdAtWalk)
            #expect(index.map(\.userId) == walk.map(\.userId), "query \(query)")
        }
    }

    @Test("updates and deletes are reflected")
    func followsChanges() throws {
        let database = try database()
        try database.writer.write { db throws in
            try db.execute(sql: "UPDATE user_profiles SET full_name = 'Zebulon Quux' WHERE user_id = 'u_john'")
            try db.execute(sql: "DELETE FROM user_profiles WHERE user_id = 'u_johanna'")
        }
        try database.reader.read { db throws in
            #expect(try UserSearch.search(db, query: "zebulon", limit: 10).map(\.userId) == ["u_john"])
            #expect(try UserSearch.search(db, query: "Johanna", limit: 10).isEmpty)
            #expect(try UserSearch.search(db, query: "John Smith", limit: 10).isEmpty, "the old name is gone")
        }
    }

    @Test("a profile saved whole leaves the search index alone unless a searched field changed")
    func savesWithoutNameChangesSkipTheIndex() throws {
        let database = try database()
        try database.writer.write { db throws in
            var profile = try #require(try UserProfile.fetchOne(db, userId: "u_john"))
            profile.trialStatus = .expired  // every column is in the UPDATE's SET, names unchanged
            profile.updatedAt = testNow.addingTimeInterval(60)  // as services do: no updated_at trigger
            var before = db.totalChangesCount
            try profile.update(db)
            #expect(db.totalChangesCount - before == 1, "only the profile row is written")

            profile.businessName = "Smith & Daughters"
            before = db.totalChangesCount
            try profile.update(db)
            #expect(db.totalChangesCount - before > 1, "the trigram entries are rewritten")
        }
        try database.reader.read { db throws in
            #expect(try UserSearch.search(db, query: "daughters", limit: 10).map(\.userId) == ["u_john"])
            #expect(try UserSearch.search(db, query: "John Smith", limit: 10).map(\.userId) == ["u_john"])
            #expect(try UserSearch.search(db, query: "& Sons", limit: 10).isEmpty, "the old business name is gone")
        }
    }

    @Test("the plan follows selectivity: rare substrings use the index, common ones the created_at walk")
    func planBySelectivity() throws {
        let database = try ReachDatabase.temporary()
        try database.writer.write { db throws in
            for index in 0..<(UserSearch.commonThreshold + 10) {
                var profile = UserProfile(userId: "u\(index)", email: "person\(index)@common.example", now: testNow)
                profile.fullName = index == 7 ? "Rare Xylophonist" : "Common Name"
                try profile.insert(db)
            }
        }
        try database.reader.read { db throws in
            #expect(try UserSearch.plan(db, query: "xyloph") == .trigramIndex)
            #expect(try UserSearch.plan(db, query: "common") == .createdAtWalk)
            #expect(try UserSearch.plan(db, query: "co") == .createdAtWalk)
            #expect(try UserSearch.search(db, query: "common", limit: 5).count == 5)
            #expect(try UserSearch.search(db, query: "XYLOPH", limit: 5).map(\.userId) == ["u7"])
        }
    }

    @Test("the LIKE scan reference finds ASCII substrings")
    func likeScan() throws {
        let database = try database()
        try database.reader.read { db throws in
            #expect(try UserSearch.likeScan(db, query: "JOHN", limit: 10).map(\.userId) == ["u_john"])
            #expect(try UserSearch.likeScan(db, query: "100%", limit: 10).map(\.userId) == ["u_percent"])
        }
    }
}
