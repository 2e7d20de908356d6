import Foundation
import GRDB
import ReachCore
import ReachStore
import Testing
@testable import ReachExport

/// The PostgreSQL path against the platform's real database (schema/platform/database.sql) on a
/// real PostgreSQL 15: Reach's data-only export loads into it, and every form of dump people make
/// of it (by the real pg_dump) reads into Reach and goes back equal.
@Suite("The platform's real database, both ways", .enabled(if: Postgres.available, Postgres.skipReason), .serialized)
struct PlatformDatabaseTests {
    static let dumpForms: [(name: String, options: String)] = [
        ("plain", ""),
        ("data only", "--data-only"),
        ("inserts, with the schema", "--inserts"),
        ("inserts", "--data-only --inserts"),
        ("column inserts", "--data-only --column-inserts"),
        ("rows per insert", "--data-only --rows-per-insert 3"),
        ("quoted identifiers", "--data-only --quote-all-identifiers"),
        ("quoted column inserts", "--data-only --quote-all-identifiers --column-inserts --rows-per-insert 2"),
    ]

    /// A Reach file with a demo's rows, and values in the platform's extra columns.
    func reachFile() throws -> ReachDatabase {
        let database = try ReachDatabase.temporary()
        _ = try DemoSeeder(database: database, clock: ManualClock(Date(timeIntervalSince1970: 1_764_021_978.125))).seed(scale: 0)
        try EdgeValues.insert(into: database, seed: 11, count: 12)
        try database.writer.write { db in
            try db.execute(sql: "UPDATE scraping_jobs SET run_id = 'run_' || rowid, region = 'GB' WHERE rowid % 3 = 0")
            try db.execute(sql: "UPDATE user_profiles SET clerk_customer_id = 'cus_clerk_' || rowid WHERE rowid % 2 = 0")
        }
        return database
    }

    func dataOnly(_ database: ReachDatabase, replace: Bool = false) throws -> String {
        let sink = StringSink()
        try Exporter(part: .dataOnly, replace: replace).export(database, to: sink)
        return sink.text
    }

    /// Per-column checksums of the platform's columns of each table, as PostgreSQL holds them.
    func postgresSums(_ server: PostgresServer, _ name: String) throws -> [String: [String: String]] {
        var text = ""
        for table in ReachDatabase.platformTables {
            let columns = try #require(PostgresSchema.table(table)).platformColumns.map { "\"\($0.name)\"" }.joined(separator: ", ")
            text += "COPY \(table) (\(columns)) FROM stdin;\n"
            text += try server.psql(name, "COPY public.\(table) (\(columns)) TO STDOUT;")
            text += "\\.\n"
        }
        return try Checksums.of(copyText: text)
    }

    @Test("a data-only export loads into the platform's database: its columns only, timestamps as instants, refusals by name")
    func intoThePlatformDatabase() throws {
        let server = try PostgresServer()
        defer { server.stop() }
        let database = try reachFile()
        let script = try dataOnly(database)
        let fileSums = try Checksums.of(copyText: try export(database))

        // Given the database the platform's migrations made, in a session far from UTC
        try server.createDatabase("platform")
        try server.load("platform", script: script, timeZone: "Pacific/Chatham")
        // Then every platform column holds the file's values (the migrations' event aside)
        try server.psql("platform", "DELETE FROM public.events WHERE idempotency_key LIKE 'migration_0011_%';")
        let sums = try postgresSums(server, "platform")
        for table in ReachDatabase.platformTables {
            for column in try #require(PostgresSchema.table(table)).platformColumns.map(\.name) {
                #expect(sums[table]?[column] == fileSums[table]?[column], "\(table).\(column)")
            }
            #expect(sums[table]?["#rows"] == fileSums[table]?["#rows"], "\(table) rows")
        }
        // The timestamptz columns hold the same instants: read back in UTC, they are the file's text.
        let firstEvent = try database.reader.read { db in try Event.order(Event.Columns.timestamp).fetchOne(db) }
        let stored = try #require(firstEvent)
        let instant = try server.psql("platform", """
            SELECT to_char("timestamp" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') FROM public.events WHERE id = '\(stored.id.lowercased)';
            """, timeZone: "America/St_Johns")
        #expect(instant.trimmingCharacters(in: .newlines) == stored.timestamp.databaseText)

        // When it is loaded again, the keys it holds already are refused, with the table, and nothing changes
        let before = try server.psql("platform", "SELECT count(*) FROM public.campaigns;")
        let again = #expect(throws: PostgresFailure.self) { try server.load("platform", script: script) }
        #expect(again?.stderr.contains("loading table user_profiles") == true, "\(String(describing: again))")
        #expect(again?.stderr.contains("--replace") == true)
        #expect(try server.psql("platform", "SELECT count(*) FROM public.campaigns;") == before)

        // With --replace the data tables are emptied first; plans and settings merge
        try server.psql("platform", """
            INSERT INTO public.system_configurations (category, "key", value, value_type) VALUES ('team', 'own_setting', '1', 'number');
            """)
        try server.load("platform", script: try dataOnly(database, replace: true))
        let events = try database.reader.read { try Event.fetchCount($0) }
        #expect(try server.psql("platform", "SELECT count(*) FROM public.events;") == "\(events)\n")
        #expect(try server.psql("platform", "SELECT value FROM public.system_configurations WHERE category = 'team';") == "1\n",
                "the target's other settings stay")
        #expect(try server.psql("platform", """
            SELECT value FROM public.system_configurations WHERE category = 'job_processing' AND "key" = 'default_retry_delay';
            """) == "30s\n", "the file's settings win")

        // A column the target requires that the file cannot fill is refused by name
        try server.createDatabase("strict")
        try server.psql("strict", "ALTER TABLE public.campaigns ADD COLUMN team_id text NOT NULL;")
        let strict = #expect(throws: PostgresFailure.self) { try server.load("strict", script: script) }
        #expect(strict?.stderr.contains("campaigns") == true && strict?.stderr.contains("team_id") == true, "\(String(describing: strict))")
        #expect(try server.psql("strict", "SELECT count(*) FROM public.user_profiles;") == "0\n", "all or nothing")

        // And a database Reach's whole export made takes it too, Reach's own columns included
        try server.createDatabase("whole", platform: false)
        try server.load("whole", script: try export(try ReachDatabase.temporary()))
        try server.load("whole", script: try dataOnly(database, replace: true))
        let leases = try database.reader.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM background_jobs WHERE dedupe_key IS NOT NULL OR lease_expires_at IS NOT NULL") ?? 0
        }
        #expect(try server.psql("whole", "SELECT count(*) FROM public.background_jobs WHERE dedupe_key IS NOT NULL OR lease_expires_at IS NOT NULL;")
                == "\(leases)\n")
        #expect(try server.psql("whole", "SELECT count(*) FROM public.scraping_jobs WHERE region = 'GB';") != "0\n")
        // under the platform's names for its keys and its trigger, so that its own migrations find them
        let names = """
            SELECT string_agg(conname, ',' ORDER BY conname) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
             WHERE n.nspname = 'public' AND contype IN ('p', 'u', 'f')
            UNION ALL SELECT string_agg(tgname, ',' ORDER BY tgname) FROM pg_trigger WHERE NOT tgisinternal;
            """
        #expect(try server.psql("whole", names) == (try server.psql("platform", names)))
    }

    /// The platform's database filled, and what the import must report of it.
    func filledPlatformDatabase(_ server: PostgresServer, _ name: String, rows: String) throws
        -> (contents: [String: String], truncated: Int, respelled: Int, counts: [String: Int])
    {
        try server.createDatabase(name)
        try server.psql(name, rows)
        try server.psql(name, "ALTER DATABASE \(name) SET timezone TO 'Asia/Kolkata';")
        let columns = try server.psql(name, """
            SELECT table_name, column_name FROM information_schema.columns
             WHERE table_schema = 'public' AND data_type LIKE 'timestamp%';
            """)
        let counts = columns.split(separator: "\n").map { line -> String in
            let fields = line.split(separator: "\t")
            return "(SELECT count(*) FROM public.\(fields[0]) WHERE \"\(fields[1])\" <> date_trunc('milliseconds', \"\(fields[1])\"))"
        }
        let truncated = Int(try server.psql(name, "SELECT \(counts.joined(separator: " + "));").trimmingCharacters(in: .newlines)) ?? -1
        let respelled = Int(try server.psql(name, """
            SELECT (SELECT count(*) FROM public.scraping_jobs WHERE platform NOT IN ('TikTok', 'Instagram', 'YouTube'))
                 + (SELECT count(*) FROM public.search_results WHERE platform NOT IN ('TikTok', 'Instagram', 'YouTube'));
            """).trimmingCharacters(in: .newlines)) ?? -1
        var rowCounts: [String: Int] = [:]
        for table in ReachDatabase.platformTables {
            rowCounts[table] = Int(try server.psql(name, "SELECT count(*) FROM public.\(table);").trimmingCharacters(in: .newlines))
        }
        return (try server.contents(name, foldPlatforms: true), truncated, respelled, rowCounts)
    }

    /// Reach's data-only export of `database` into a new platform database, and its contents.
    func exportedBack(_ server: PostgresServer, _ database: ReachDatabase, as name: String) throws -> [String: String] {
        try server.createDatabase(name)
        try server.load(name, script: try dataOnly(database, replace: true), timeZone: "America/Los_Angeles")
        return try server.contents(name, foldPlatforms: true)
    }

    @Test("every form of dump of the platform's database reads into Reach, which exports it back equal", arguments: dumpForms.indices)
    func everyDumpForm(_ index: Int) throws {
        let server = try PostgresServer()
        defer { server.stop() }
        let original = try filledPlatformDatabase(server, "original", rows: PlatformRows.sample)
        let form = Self.dumpForms[index]
        let path = try server.dump("original", options: form.options)

        let database = try ReachDatabase.temporary()
        let report = try Importer().importFile(path, into: database)
        try expectReport(report, of: original, other: ["auth.users", "drizzle.__drizzle_migrations"], form.name)
        let back = try exportedBack(server, database, as: "back")
        for table in ReachDatabase.platformTables {
            #expect(back[table] == original.contents[table], "\(form.name): \(table)")
        }
    }

    @Test("Supabase's data dump (INSERTs, every schema, replication role) and a live database read the same")
    func supabaseAndLive() throws {
        let server = try PostgresServer()
        defer { server.stop() }
        let original = try filledPlatformDatabase(server, "original", rows: PlatformRows.sample)
        let dump = try server.dump("original", options: "--data-only --column-inserts --quote-all-identifiers --schema='*'")
        let supabase = server.directory.appendingPathComponent("supabase.sql")
        try Data(("SET session_replication_role = replica;\n\n" + (try String(contentsOfFile: dump, encoding: .utf8))
            + "\nRESET ALL;\n").utf8).write(to: supabase)

        let fromDump = try ReachDatabase.temporary()
        try expectReport(try Importer().importFile(supabase.path, into: fromDump), of: original,
                         other: ["auth.users", "drizzle.__drizzle_migrations"], "supabase")
        #expect(try exportedBack(server, fromDump, as: "back_dump") == original.contents)

        let live = try ReachDatabase.temporary()
        var progressed = 0
        let report = try LiveSource.importTables(from: server.url("original"), into: live, with: Importer()) { rows, _ in progressed = rows }
        try expectReport(report, of: original, other: [], "live")
        #expect(progressed == original.counts.values.reduce(0, +))
        #expect(try exportedBack(server, live, as: "back_live") == original.contents)
    }

    func expectReport(
        _ report: Importer.Report, of original: (contents: [String: String], truncated: Int, respelled: Int, counts: [String: Int]),
        other: [String], _ form: String
    ) throws {
        #expect(report.rows.filter { $0.value > 0 } == original.counts.filter { $0.value > 0 }, "\(form)")
        #expect(report.truncatedTimestamps == original.truncated && original.truncated > 0, "\(form)")
        #expect(report.respelledPlatforms == original.respelled && original.respelled > 0, "\(form)")
        #expect(report.skippedColumns.isEmpty, "\(form): \(report.skippedColumns)")
        #expect(report.keptTables.isEmpty, "\(form)")
        for table in other { #expect(report.skippedTables.contains(table), "\(form): \(report.skippedTables)") }
    }

    @Test("property: rows at the edges of every type go platform database → dump → Reach → platform database unchanged",
          arguments: [1, 2, 3] as [UInt64])
    func edgeRows(_ seed: UInt64) throws {
        let server = try PostgresServer()
        defer { server.stop() }
        let original = try filledPlatformDatabase(server, "edges", rows: PlatformRows.edges(seed: seed, count: 25))
        for (index, options) in ["--data-only", "--data-only --column-inserts --rows-per-insert 4"].enumerated() {
            let database = try ReachDatabase.temporary()
            let report = try Importer().importFile(try server.dump("edges", options: options), into: database)
            #expect(report.rows.filter { $0.value > 0 } == original.counts.filter { $0.value > 0 }, "seed \(seed), \(options)")
            #expect(report.truncatedTimestamps == original.truncated, "seed \(seed), \(options)")
            let back = try exportedBack(server, database, as: "back_\(index)")
            for table in ReachDatabase.platformTables {
                #expect(back[table] == original.contents[table], "seed \(seed), \(options): \(table)")
            }
        }
    }

    @Test("a row Reach cannot hold is refused with its line, table and column, and nothing is written")
    func refusedRows() throws {
        let server = try PostgresServer()
        defer { server.stop() }
        try server.createDatabase("bad")
        try server.psql("bad", PlatformRows.sample)
        try server.psql("bad", """
            INSERT INTO public.campaigns (id, name, search_type, status, user_id)
            VALUES ('c0000000-0000-4000-8000-0000000000ff', 'Paused one', 'keyword', 'paused', 'user_staging_ada');
            """)
        for options in ["--data-only", "--data-only --column-inserts"] {
            let path = try server.dump("bad", options: options)
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            let line = try #require(lines.firstIndex { $0.contains("Paused one") }) + 1
            let database = try ReachDatabase.temporary()
            let before = try export(database)
            let error = #expect(throws: Importer.Failure.self) { try Importer().importFile(path, into: database) }
            #expect(error?.line == line, "\(options): \(String(describing: error))")
            #expect(error?.reason.contains("campaigns") == true && error?.reason.contains("status") == true, "\(String(describing: error))")
            #expect(try export(database) == before)
        }
    }
}
