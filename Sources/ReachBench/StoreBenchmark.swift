import Foundation
import GRDB
import ReachCore
import ReachStore

/// `Scripts/bench store`: database creation, seeding, admin user search, creator search.
struct StoreBenchmark {
    /// A scale-100 file (100k users, ~1M creators), kept between runs because it takes a while to seed.
    let largeDatabasePath: String

    func run() throws -> [Figure] {
        var figures: [Figure] = []

        // 1. A fresh migrated temporary database.
        let creation = try measure(minimum: 30, budget: 2) { _ = try ReachDatabase.temporary() }
        figures.append(Figure(metric: "store.create_temporary_database_p50", value: milliseconds(creation.p50), unit: "ms",
                              target: "≤ 10 ms"))

        // 2. Seeding at scale 10.
        let seeded = try ReachDatabase.temporary()
        let start = Date()
        let summary = try DemoSeeder(database: seeded).seed(scale: 10)
        let elapsed = Date().timeIntervalSince(start)
        let rows = try seeded.reader.read { db in
            try ReachDatabase.platformTables.reduce(0) { $0 + (try Int.fetchOne(db, sql: "SELECT count(*) FROM \($1)") ?? 0) }
        }
        figures.append(Figure(metric: "store.seed_scale_10_rows_per_s", value: (Double(rows) / elapsed).rounded(), unit: "rows/s"))
        figures.append(Figure(metric: "store.seed_scale_10_creators_per_s", value: (Double(summary.creators) / elapsed).rounded(),
                              unit: "creators/s"))

        // 3. Admin substring search over 100k users, beside a LIKE scan of the same columns.
        let large = try openLarge()
        try large.reader.read { db in
            let users = try Int.fetchOne(db, sql: "SELECT count(*) FROM user_profiles") ?? 0
            FileHandle.standardError.write(Data("bench: admin search over \(users) users\n".utf8))
            for (label, query) in try pickSubstrings(db, users: users) {
                let matches = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM user_profiles
                    WHERE reach_contains_folded(full_name, name, email, business_name, company_name, ?)
                    """, arguments: [TextSearch.fold(query)]) ?? 0
                let reach = try measure { _ = try UserSearch.search(db, query: query, limit: 50) }
                let scan = try measure(minimum: 10, budget: 1) { _ = try UserSearch.likeScan(db, query: query, limit: 50) }
                let plan = try UserSearch.plan(db, query: query)
                figures.append(Figure(
                    metric: "store.admin_search_\(label)_p50", value: milliseconds(reach.p50), unit: "ms",
                    reference: milliseconds(scan.p50), referenceName: "LIKE scan",
                    target: (label == "rare" ? "≥ 30× faster than the scan" : "not slower than the scan")
                        + "; '\(query)' matches \(matches) (\(plan.rawValue))"))
            }

            // 4. Creator search over every creator.
            let creators = try Int.fetchOne(db, sql: "SELECT count(*) FROM reach_creators") ?? 0
            let items = try Int.fetchOne(db, sql: "SELECT count(*) FROM reach_creator_sightings") ?? 0
            FileHandle.standardError.write(Data("bench: creator search over \(creators) creators (\(items) found)\n".utf8))
            let busiest = try String.fetchOne(db, sql: """
                SELECT user_id FROM reach_creators GROUP BY user_id ORDER BY count(*) DESC LIMIT 1
                """) ?? "user_demo"
            for (label, text, userId) in [("user_text", "glow", busiest as String?), ("user_all", "", busiest),
                                          ("all_users_text", "yoga teacher", nil), ("all_users_rare", "kaveh_glam", nil)] {
                var query = CreatorQuery(userId: userId)
                query.text = text
                let reach = try measure { _ = try CreatorSearch.search(db, query) }
                let scan = try measure(minimum: 5, budget: 1) {
                    _ = try Row.fetchAll(db, sql: """
                        SELECT * FROM reach_creators NOT INDEXED
                        WHERE (?1 IS NULL OR user_id = ?1) AND (handle LIKE ?2 OR name LIKE ?2 OR bio LIKE ?2)
                        ORDER BY followers DESC LIMIT 50
                        """, arguments: [userId, "%\(text)%"])
                }
                figures.append(Figure(
                    metric: "store.creator_search_\(label)_p50", value: milliseconds(reach.p50), unit: "ms",
                    reference: milliseconds(scan.p50), referenceName: "LIKE scan",
                    target: "over \(creators) creators"))
            }
        }
        return figures
    }

    private func openLarge() throws -> ReachDatabase {
        let database = try ReachDatabase.open(path: largeDatabasePath)
        if try !DemoSeeder(database: database).isSeeded() {
            FileHandle.standardError.write(Data("bench: seeding scale 100 into \(largeDatabasePath) (once)\n".utf8))
            _ = try DemoSeeder(database: database).seed(scale: 100)
            try database.writer.write { db in try db.execute(sql: "ANALYZE") }
        }
        return database
    }

    /// A rare substring (one user), one matching about 1% of users, and a common one.
    private func pickSubstrings(_ db: Database, users: Int) throws -> [(String, String)] {
        let rare = try String.fetchOne(db, sql: "SELECT email FROM user_profiles WHERE user_id = 'user_gen_4242'")
            .map { String($0.prefix(while: { $0 != "@" })) } ?? "nakamura969"
        // Surnames are spread evenly; the one closest to 1% of users.
        let corpus = Corpus.shared
        var best = (corpus.lastNames[0], Int.max)
        for name in corpus.lastNames.prefix(40) {
            let count = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM user_profiles WHERE full_name LIKE ? OR email LIKE ?
                """, arguments: ["%\(name)%", "%\(name.lowercased())%"]) ?? 0
            if abs(count - users / 100) < abs(best.1 - users / 100) { best = (name, count) }
        }
        return [("rare", rare), ("1pct", best.0), ("common", "gmail.com")]
    }
}
