import Foundation
import GRDB
import ReachCore
import ReachStore
import Testing
@testable import ReachExport

@Suite("On a real PostgreSQL 15", .enabled(if: Postgres.available, Postgres.skipReason), .serialized)
struct PostgresTests {
    /// Loads `script` into a fresh database and dumps the ten tables back with PostgreSQL's own COPY.
    func loadAndDump(_ script: String, queries: String = "") throws -> (dump: String, queries: String) {
        let dumpCommands = ReachDatabase.platformTables.map { table -> String in
            let columns = PostgresSchema.table(table)!.columns.map { "\"\($0.name)\"" }.joined(separator: ", ")
            return "echo 'COPY \(table) (\(columns)) FROM stdin;'; psql -X -q -c \"COPY \(table) (\(columns.replacingOccurrences(of: "\"", with: "\\\""))) TO STDOUT\"; echo '\\.'"
        }.joined(separator: "; ")
        let output = try Postgres.run(
            "psql -X -q -v ON_ERROR_STOP=1 -f export.sql > /dev/null; { \(dumpCommands); } > dump.txt; "
                + "psql -X -q -At -F '|' -v ON_ERROR_STOP=1 -f queries.sql > queries.txt; cat dump.txt; echo '=====QUERIES====='; cat queries.txt",
            files: ["export.sql": script, "queries.sql": queries.isEmpty ? "SELECT 1;" : queries])
        let parts = output.components(separatedBy: "=====QUERIES=====\n")
        return (parts[0], parts.count > 1 ? parts[1] : "")
    }

    @Test("the demo database loads; each table's rows and per-column checksums equal the file's; the seed's queries agree")
    func demoDatabase() throws {
        let database = try ReachDatabase.temporary()
        _ = try DemoSeeder(database: database).seed(scale: 1)
        let script = try export(database)
        let campaignId = try database.reader.read { db in
            try Campaign.filter(Campaign.Columns.userId == "user_demo").order(Campaign.Columns.createdAt).fetchOne(db)!.id.lowercased
        }
        let cutoff = Date().addingTimeInterval(6 * 86_400).databaseText
        let queries = """
            SELECT string_agg(id::text, ',' ORDER BY created_at DESC, id) FROM (SELECT id, created_at FROM scraping_jobs WHERE user_id = 'user_demo' ORDER BY created_at DESC LIMIT 50) j;
            SELECT string_agg(r.id::text, ',' ORDER BY r.id) FROM scraping_results r JOIN scraping_jobs j ON j.id = r.job_id WHERE j.campaign_id = '\(campaignId)';
            SELECT string_agg(user_id, ',' ORDER BY created_at DESC) FROM (SELECT user_id, created_at FROM user_profiles WHERE full_name ILIKE '%ana%' OR name ILIKE '%ana%' OR email ILIKE '%ana%' OR business_name ILIKE '%ana%' OR company_name ILIKE '%ana%' ORDER BY created_at DESC LIMIT 50) u;
            SELECT string_agg(user_id, ',' ORDER BY user_id) FROM user_profiles WHERE trial_status = 'active' AND trial_end_date <= '\(cutoff)';
            SELECT string_agg(id::text, ',' ORDER BY "timestamp" DESC, id) FROM (SELECT id, "timestamp" FROM events WHERE aggregate_id = 'user_demo' AND aggregate_type = 'user' ORDER BY "timestamp" DESC LIMIT 100) e;
            SELECT string_agg("key", ',' ORDER BY "key") FROM system_configurations WHERE category = 'api_limits' AND is_hot_reloadable = 'true';
            """
        let (dump, answers) = try loadAndDump(script, queries: queries)
        let fileSums = try Checksums.of(copyText: script)
        let postgresSums = try Checksums.of(copyText: dump)
        #expect(Set(postgresSums.keys) == Set(ReachDatabase.platformTables))
        for table in ReachDatabase.platformTables {
            #expect(fileSums[table] == postgresSums[table], "\(table)")
        }
        #expect((Int(fileSums["scraping_results"]?["#rows"] ?? "0") ?? 0) > 100, "one row per search")

        let reach = try database.reader.read { db -> [String] in
            let jobs = try ScrapingJob.fetchDetails(db, userId: "user_demo").map(\.job)
                .sorted { ($0.createdAt, $0.id.lowercased) > ($1.createdAt, $1.id.lowercased) }.map(\.id.lowercased)
            // One row per job in PostgreSQL: the first page's id.
            let results = try Campaign.fetchDetail(db, id: UUID(uuidString: campaignId)!)!.jobs.flatMap(\.mergedResults)
                .map(\.id.lowercased).sorted()
            let users = try UserSearch.search(db, query: "ana", limit: 50).map(\.userId)
            let trials = try UserProfile.fetchExpiringTrials(db, endingBy: Date.fromDatabaseValue(cutoff.databaseValue)!).map(\.userId).sorted()
            let events = try Event.fetchUserHistory(db, userId: "user_demo").map(\.id.lowercased)
            let settings = try SystemConfiguration.fetchHotReloadable(db, category: "api_limits").map(\.key).sorted()
            return [jobs, results, users, trials, events, settings].map { $0.joined(separator: ",") }
        }
        let postgres = answers.split(separator: "\n", omittingEmptySubsequences: false).prefix(6).map(String.init)
        #expect(reach[0] == postgres[0], "a user's jobs")
        #expect(reach[1] == postgres[1], "a campaign's results")
        #expect(reach[2] == postgres[2], "admin user search")
        #expect(reach[3] == postgres[3], "expiring trials")
        #expect(reach[5] == postgres[5], "hot-reloadable configuration")
        #expect(Set(reach[4].split(separator: ",")) == Set(postgres[4].split(separator: ",")), "a user's events")
    }

    @Test("property: every row SQLite accepts loads into PostgreSQL, with equal content", arguments: [1, 2, 3] as [UInt64])
    func edgeValues(_ seed: UInt64) throws {
        let database = try ReachDatabase.temporary()
        try EdgeValues.insert(into: database, seed: seed, count: 60)
        let script = try export(database)
        let (dump, _) = try loadAndDump(script)
        let fileSums = try Checksums.of(copyText: script)
        let postgresSums = try Checksums.of(copyText: dump)
        for table in ReachDatabase.platformTables {
            #expect(fileSums[table] == postgresSums[table], "\(table), seed \(seed)")
        }
        // And the PostgreSQL dump reads back into an identical Reach file.
        let copy = try ReachDatabase.temporary()
        _ = try importScript(script, into: copy)
        #expect(try export(copy) == script)
    }
}
