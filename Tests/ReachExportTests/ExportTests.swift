import Foundation
import GRDB
import ReachCore
import ReachStore
import Testing
@testable import ReachExport

@Suite("Export and import")
struct ExportTests {
    @Test("the PostgreSQL DDL has every SQLite column of the ten tables, and no reach_ table")
    func schemaMatches() throws {
        let database = try ReachDatabase.temporary()
        try database.reader.read { db throws in
            #expect(PostgresSchema.tables.map(\.name).sorted() == ReachDatabase.platformTables.sorted())
            for table in ReachDatabase.platformTables {
                let columns = try TableTransfer.columns(db, table: table)
                #expect(PostgresSchema.table(table)?.columns.map(\.name).sorted() == columns.sorted(), "\(table)")
            }
        }
        #expect(!PostgresSchema.tablesSQL.contains("reach_") && !PostgresSchema.constraintsSQL.contains("reach_"))
        #expect(PostgresSchema.table("user_profiles")?.kind(of: "is_admin") == .boolean)
        #expect(PostgresSchema.table("scraping_jobs")?.kind(of: "progress") == .numeric)
        #expect(PostgresSchema.table("search_results")?.kind(of: "job_id") == .text)
        #expect(PostgresSchema.table("events")?.kind(of: "timestamp") == .timestamptz)
        #expect(PostgresSchema.table("campaigns")?.kind(of: "created_at") == .timestamp)
    }

    @Test("the export's tables are the platform database's: its columns in its order and of its kinds, Reach's own last")
    func platformOrder() throws {
        let fixture = try String(contentsOf: packageRoot.appendingPathComponent("schema/platform/database.sql"), encoding: .utf8)
        let platform = PostgresSchema.parse(fixture.replacingOccurrences(of: "CREATE TABLE public.", with: "CREATE TABLE "))
        for table in ReachDatabase.platformTables {
            let theirs = try #require(platform.first { $0.name == table }, "\(table)")
            let ours = try #require(PostgresSchema.table(table))
            #expect(ours.platformColumns.map(\.name) == theirs.columns.map(\.name), "\(table)")
            #expect(ours.platformColumns.map(\.kind) == theirs.columns.map(\.kind), "\(table)")
            #expect(ours.columns.suffix(ours.columns.count - ours.platformColumns.count).allSatisfy { $0.isReachOwn }, "\(table)")
        }
        #expect(PostgresSchema.table("background_jobs")?.columns.filter(\.isReachOwn).map(\.name) == ["lease_expires_at", "leased_by", "dedupe_key"])
        #expect(PostgresSchema.table("scraping_results")?.columns.filter(\.isReachOwn).map(\.name) == ["cursor"])
    }

    @Test("COPY text escaping round-trips tabs, newlines, backslashes, \\N and unicode", arguments: [
        "", "plain", "tab\there", "new\nline", "cr\rlf\r\n", "back\\slash", "\\N", "\\.", "é🎉𝄞", "\"quotes\" 'and' ;",
        "\u{1}\u{1F}\u{7F}", "  spaces  ",
    ])
    func copyEscaping(_ text: String) throws {
        var line = ""
        CopyFormat.escape(text, into: &line)
        #expect(!line.contains("\n") && !line.contains("\t") && !line.contains("\r"))
        line += "\t" + CopyFormat.null
        #expect(try CopyFormat.fields(line[...]) == [text, nil])
    }

    @Test("PostgreSQL's other escapes and timestamps of 0 to 6 fractional digits are read")
    func readingPostgres() throws {
        #expect(try CopyFormat.fields(#"a\bb\fc\vd\101\x41"#) == ["a\u{08}b\u{0C}c\u{0B}dAA"])
        func stored(_ text: String) -> String? { ValueCodec.storedTimestamp(text)?.0 }
        #expect(stored("2026-11-24 22:06:18") == "2026-11-24 22:06:18.000")
        #expect(stored("2026-11-24 22:06:18.1") == "2026-11-24 22:06:18.100")
        #expect(stored("2026-11-24 22:06:18.123456") == "2026-11-24 22:06:18.123")
        #expect(ValueCodec.storedTimestamp("2026-11-24 22:06:18.123456")?.1 == true)
        #expect(ValueCodec.storedTimestamp("2026-11-24 22:06:18.123000")?.1 == false)
        #expect(stored("infinity") == nil && stored("-infinity") == nil && stored("2026-11-24 22:06:18 BC") == nil)
        #expect(stored("2026-02-30 00:00:00") == nil && stored("10000-01-01 00:00:00") == nil)
        // timestamptz, with any offset PostgreSQL prints, is the same instant in UTC.
        #expect(stored("2026-12-07 20:06:41.42099+00") == "2026-12-07 20:06:41.420")
        #expect(stored("2026-12-08 01:36:41.42+05:30") == "2026-12-07 20:06:41.420")
        #expect(stored("2026-12-07 12:06:41-08") == "2026-12-07 20:06:41.000")
        #expect(stored("1883-11-18 12:03:58+00:03:58") == "1883-11-18 12:00:00.000")
        #expect(stored("2027-01-01 00:30:00+01") == "2026-12-31 23:30:00.000")
        #expect(stored("0001-01-01 00:30:00+01") == nil && stored("9999-12-31 23:30:00-01") == nil)
        #expect(stored("2026-11-24T22:06:18Z") == "2026-11-24 22:06:18.000")
        // Near the ends of the range, a zone's offset prints a fifth digit or BC.
        #expect(stored("10000-01-01 05:29:59.999+05:30") == "9999-12-31 23:59:59.999")
        #expect(stored("0001-12-31 19:00:00-05 BC") == "0001-01-01 00:00:00.000")
        #expect(stored("0001-12-31 19:00:00 BC") == nil)
    }

    @Test("export → import → export is byte-identical, and the search indexes are rebuilt")
    func roundTrip() throws {
        let source = try ReachDatabase.temporary()
        _ = try DemoSeeder(database: source, clock: ManualClock(Date(timeIntervalSince1970: 1_764_021_978.125))).seed(scale: 0)
        try EdgeValues.insert(into: source, seed: 7, count: 40)
        let first = try export(source)
        let copy = try ReachDatabase.temporary()
        let report = try importScript(first, into: copy)
        #expect(report.rows["user_profiles"] == (try source.reader.read { try TableTransfer.count($0, table: "user_profiles") }))
        #expect(try export(copy) == first)
        let doctor = try copy.doctor()
        #expect(doctor.isHealthy, "\(doctor.searchIndexes)")
        try copy.reader.read { db throws in
            #expect(try CreatorSearch.count(db, CreatorQuery(userId: "user_demo")) > 100)
            #expect(try UserSearch.search(db, query: "whitfield", limit: 5).map(\.userId) == ["user_demo"])
        }
    }

    @Test("a search's result pages export as one scraping_results row, creators in page order, as the platform keeps them")
    func oneResultRowPerJob() throws {
        let source = try ReachDatabase.temporary()
        let now = Date(timeIntervalSince1970: 1_764_021_978.125)
        let job = ScrapingJob(userId: "user_a", campaignId: nil, platform: .tiktok, keywords: ["x"], targetResults: 100,
                              timeoutAt: nil, now: now)
        let pages = [(20, ["c", "d"]), (0, ["a", "b"]), (40, ["e"])]  // stored out of page order
        try source.writer.write { db in
            try UserProfile(userId: "user_a", now: now).insert(db)
            try job.insert(db)
            for (cursor, names) in pages {
                try ScrapingResult(jobId: job.id, creators: names.map { ["creator": ["uniqueId": .string($0)]] }, cursor: cursor,
                                   now: now.addingTimeInterval(Double(cursor))).insert(db)
            }
        }
        let script = try export(source)
        let copy = try ReachDatabase.temporary()
        _ = try importScript(script, into: copy)
        let rows = try copy.reader.read { db in try ScrapingResult.fetchAll(db, jobId: job.id) }
        #expect(rows.count == 1)
        let first = try source.reader.read { db in try ScrapingResult.fetchAll(db, jobId: job.id) }.first
        #expect(rows.first?.id == first?.id && rows.first?.cursor == 0, "the first page's id and cursor")
        #expect(rows.first?.creatorItems.compactMap { $0["creator"]?["uniqueId"]?.stringValue } == ["a", "b", "c", "d", "e"])
        #expect(try export(copy) == script, "and exporting the merged file again changes nothing")
    }

    @Test("a file with data is not overwritten without --force; with it, the data is replaced")
    func force() throws {
        let source = try ReachDatabase.temporary()
        try source.writer.write { db in try UserProfile(userId: "user_source", now: Date()).insert(db) }
        let script = try export(source)
        let target = try ReachDatabase.temporary()
        try target.writer.write { db in try UserProfile(userId: "user_target", now: Date()).insert(db) }
        #expect(throws: CopyError.self) { try importScript(script, into: target) }
        #expect(try target.reader.read { try UserProfile.fetchOne($0, userId: "user_target") } != nil, "untouched")
        _ = try importScript(script, into: target, force: true)
        try target.reader.read { db throws in
            #expect(try UserProfile.fetchOne(db, userId: "user_target") == nil)
            #expect(try UserProfile.fetchOne(db, userId: "user_source") != nil)
        }
    }

    /// (a malformed script, the line the error must name)
    static let malformed: [(String, Int)] = [
        ("COPY campaigns (id, user_id) FROM stdin;\n00000000-0000-4000-8000-000000000001\n\\.\n", 2),  // too few fields
        ("-- ok\nINSERT INTO campaigns (id) VALUES (now());\n", 2),                                       // an expression
        ("COPY user_profiles (id, user_id, is_admin) FROM stdin;\n00000000-0000-4000-8000-000000000001\tu\tmaybe\n\\.\n", 2),
        ("COPY user_profiles (id, user_id, created_at) FROM stdin;\n00000000-0000-4000-8000-000000000001\tu\t2026-13-01 00:00:00\n\\.\n", 2),
        ("COPY user_profiles (id, user_id) FROM stdin;\nnot-a-uuid\tu\n\\.\n", 2),
        ("COPY campaigns (id, user_id, name, search_type, status) FROM stdin;\n00000000-0000-4000-8000-000000000001\tu\tn\tkeyword\tpaused\n\\.\n", 2),
        ("\n\nCOPY user_profiles (id, user_id) FROM stdin;\n00000000-0000-4000-8000-000000000001\tu\n", 3),  // never ends
        ("COPY scraping_jobs (id, user_id, campaign_id) FROM stdin;\n00000000-0000-4000-8000-000000000001\tu\t00000000-0000-4000-8000-000000000009\n\\.\n", 0),
        ("COPY campaigns (id) FROM stdin\n", 1),
    ]

    @Test("a malformed file is refused with the line number, and nothing is written", arguments: malformed.indices)
    func malformedFiles(_ index: Int) throws {
        let (script, line) = Self.malformed[index]
        let database = try ReachDatabase.temporary()
        let before = try export(database)
        let error = #expect(throws: (any Error).self) { try importScript(script, into: database) }
        if line > 0 {
            #expect((error as? Importer.Failure)?.line == line, "\(String(describing: error))")
        } else {
            #expect("\(String(describing: error))".contains("refer"), "a dangling foreign key: \(String(describing: error))")
        }
        #expect(try export(database) == before, "nothing half-written")
    }

    @Test("a pg_dump --data-only of the platform's tables is read: public. names, other statements, unknown tables, any platform casing")
    func pgDump() throws {
        let dump = """
            --
            -- PostgreSQL database dump
            --
            SET statement_timeout = 0;
            SELECT pg_catalog.set_config('search_path', '', false);

            COPY public.__drizzle_migrations (id, hash) FROM stdin;
            1\tabc
            \\.

            COPY public.user_profiles (id, user_id, email, is_admin, created_at, updated_at, signup_timestamp, onboarding_step) FROM stdin;
            7623F469-2691-4272-B000-79DDFADED63E\tuser_pg\tpg@example.com\tt\t2026-01-02 03:04:05.678901\t2026-01-02 03:04:05\t2026-01-02 03:04:05\tpending
            \\.

            COPY public.scraping_jobs (id, user_id, platform, status, processed_runs, processed_results, target_results, created_at, updated_at, progress) FROM stdin;
            11111111-1111-4111-8111-111111111111\tuser_pg\tTiktok\tcompleted\t1\t1\t100\t2026-01-02 03:04:05\t2026-01-02 03:04:05\t33.3333333333333
            \\.

            COPY public.scraping_results (id, job_id, creators, created_at) FROM stdin;
            22222222-2222-4222-8222-222222222222\t11111111-1111-4111-8111-111111111111\t[{"creator": {"name": "Pg Creator", "uniqueId": "pgc"}}]\t2026-01-02 03:04:06
            \\.

            SELECT pg_catalog.setval('public.x_seq', 1, false);
            """
        let database = try ReachDatabase.temporary()
        let report = try importScript(dump, into: database)
        #expect(report.skippedTables == ["public.__drizzle_migrations"])
        #expect(report.rows["user_profiles"] == 1 && report.rows["scraping_results"] == 1)
        try database.reader.read { db throws in
            let profile = try #require(try UserProfile.fetchOne(db, userId: "user_pg"))
            #expect(profile.id.lowercased == "7623f469-2691-4272-b000-79ddfaded63e" && profile.isAdmin == true)
            #expect(profile.createdAt.databaseText == "2026-01-02 03:04:05.678")
            let job = try #require(try ScrapingJob.fetchOne(db, id: UUID(uuidString: "11111111-1111-4111-8111-111111111111")!))
            #expect(job.platform == .tiktok && job.progress == 33.3333333333333)
            #expect(try CreatorSearch.search(db, { var q = CreatorQuery(userId: "user_pg"); q.text = "pg creator"; return q }()).creators.count == 1)
        }
    }
}
