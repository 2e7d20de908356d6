import Foundation
import GRDB
import Testing
@testable import ReachStore

@Suite("Schema")
struct SchemaTests {
    /// Every column of the seed document, with its default as SQLite reports it (nil: none).
    static let seedColumns: [String: [(String, String?)]] = [
        "campaigns": [
            ("id", "uuid"), ("user_id", nil), ("name", nil), ("description", nil), ("search_type", nil),
            ("status", "'draft'"), ("created_at", "now"), ("updated_at", "now"),
        ],
        "scraping_jobs": [
            ("id", "uuid"), ("user_id", nil), ("campaign_id", nil), ("status", "'pending'"), ("keywords", nil),
            ("target_username", nil), ("platform", "'TikTok'"), ("search_params", nil), ("processed_runs", "0"),
            ("processed_results", "0"), ("target_results", "1000"), ("cursor", "0"), ("progress", "0"),
            ("qstash_message_id", nil), ("created_at", "now"), ("started_at", nil), ("completed_at", nil),
            ("timeout_at", nil), ("updated_at", "now"), ("error", nil),
        ],
        "scraping_results": [("id", "uuid"), ("job_id", nil), ("creators", nil), ("created_at", "now")],
        "user_profiles": [
            ("id", "uuid"), ("user_id", nil), ("name", nil), ("company_name", nil), ("industry", nil), ("email", nil),
            ("signup_timestamp", "now"), ("onboarding_step", "'pending'"), ("full_name", nil), ("business_name", nil),
            ("brand_description", nil), ("email_schedule_status", "'{}'"), ("trial_start_date", nil),
            ("trial_end_date", nil), ("trial_status", "'pending'"), ("current_plan", "'free'"),
            ("intended_plan", nil), ("stripe_customer_id", nil), ("stripe_subscription_id", nil),
            ("subscription_status", "'none'"), ("payment_method_id", nil), ("card_last_4", nil),
            ("card_brand", nil), ("card_exp_month", nil), ("card_exp_year", nil), ("billing_address_city", nil),
            ("billing_address_country", nil), ("billing_address_postal_code", nil), ("plan_campaigns_limit", nil),
            ("plan_creators_limit", nil), ("plan_features", nil), ("usage_campaigns_current", "0"),
            ("usage_creators_current_month", "0"), ("usage_reset_date", "now"), ("last_webhook_event", nil),
            ("last_webhook_timestamp", nil), ("billing_sync_status", "'pending'"), ("trial_conversion_date", nil),
            ("subscription_cancel_date", nil), ("subscription_renewal_date", nil), ("is_admin", "0"),
            ("created_at", "now"), ("updated_at", "now"),
        ],
        "system_configurations": [
            ("id", "uuid"), ("category", nil), ("key", nil), ("value", nil), ("value_type", nil), ("description", nil),
            ("is_hot_reloadable", "'true'"), ("created_at", "now"), ("updated_at", "now"),
        ],
        "events": [
            ("id", "uuid"), ("aggregate_id", nil), ("aggregate_type", nil), ("event_type", nil),
            ("event_version", "1"), ("event_data", nil), ("metadata", nil), ("timestamp", "now"),
            ("processed_at", nil), ("processing_status", "'pending'"), ("retry_count", "0"), ("error", nil),
            ("idempotency_key", nil), ("source_system", nil), ("correlation_id", nil), ("causation_id", nil),
        ],
        "background_jobs": [
            ("id", "uuid"), ("job_type", nil), ("payload", nil), ("status", "'pending'"), ("qstash_message_id", nil),
            ("priority", "100"), ("max_retries", "3"), ("retry_count", "0"), ("scheduled_for", "now"),
            ("started_at", nil), ("completed_at", nil), ("failed_at", nil), ("error", nil), ("result", nil),
            ("created_at", "now"), ("updated_at", "now"),
        ],
        "subscription_plans": [
            ("id", "uuid"), ("plan_key", nil), ("display_name", nil), ("description", nil), ("monthly_price", nil),
            ("yearly_price", nil), ("stripe_monthly_price_id", nil), ("stripe_yearly_price_id", nil),
            ("campaigns_limit", nil), ("creators_limit", nil), ("features", "'{}'"), ("is_active", "1"),
            ("sort_order", "0"), ("created_at", "now"), ("updated_at", "now"),
        ],
        "search_jobs": [
            ("id", nil), ("campaign_id", nil), ("platform", nil), ("search_type", nil), ("status", "'queued'"),
            ("total_count", nil), ("completed_count", "0"), ("created_at", "now"), ("updated_at", "now"),
            ("completed_at", nil),
        ],
        "search_results": [
            ("id", "uuid"), ("job_id", nil), ("profile_id", nil), ("username", nil), ("display_name", nil),
            ("platform", nil), ("profile_url", nil), ("post_url", nil), ("post_description", nil),
            ("avatar_url", nil), ("followers", "0"), ("is_verified", "'false'"), ("email", nil), ("bio", nil),
            ("raw_data", nil), ("created_at", "now"),
        ],
    ]

    /// Columns Reach adds after the platform's, which the export carries too.
    /// Columns beyond the seed document's: Reach's own, and the platform database's (migration 0010).
    static let reachAdditions: [String: [String]] = [
        "background_jobs": ["lease_expires_at", "leased_by", "dedupe_key"],
        "scraping_results": ["cursor"],
        "scraping_jobs": ["run_id", "region"],
        "user_profiles": ["clerk_customer_id", "clerk_subscription_id"],
    ]

    @Test("every table and column of the seed document exists, with its default")
    func seedColumnsExist() throws {
        let database = try ReachDatabase.temporary()
        try database.reader.read { db throws in
            #expect(Set(Self.seedColumns.keys) == Set(ReachDatabase.platformTables))
            for (table, expected) in Self.seedColumns {
                let columns = try db.columns(in: table)
                #expect(columns.map(\.name) == expected.map(\.0) + (Self.reachAdditions[table] ?? []), "columns of \(table)")
                for (column, (name, wantedDefault)) in zip(columns, expected) {
                    let actual = column.defaultValueSQL
                    switch wantedDefault {
                    case nil: #expect(actual == nil, "\(table).\(name) has no default")
                    case "uuid": #expect(actual?.contains("randomblob") == true, "\(table).\(name) defaults to a v4 UUID")
                    case "now": #expect(actual?.contains("'now'") == true, "\(table).\(name) defaults to now")
                    case let literal?: #expect(actual == literal, "\(table).\(name) defaults to \(literal)")
                    }
                }
            }
        }
    }

    @Test("defaults produce a lowercase v4 UUID and a timestamp in the stored form")
    func defaultsHaveTheStoredForm() throws {
        let database = try ReachDatabase.temporary()
        try database.writer.write { db throws in
            try db.execute(sql: "INSERT INTO campaigns (user_id, name, search_type) VALUES ('u', 'n', 'keyword')")
            let row = try Row.fetchOne(db, sql: "SELECT id, created_at FROM campaigns")!
            let id: String = row["id"]
            #expect(id.range(of: #"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"#,
                              options: .regularExpression) != nil)
            let createdAt: String = row["created_at"]
            #expect(createdAt.range(of: #"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$"#, options: .regularExpression) != nil)
        }
    }

    /// (what is wrong, SQL that writes it, the column the error must name)
    static let badWrites: [(String, String, String)] = [
        ("invalid JSON", "INSERT INTO scraping_results (creators) VALUES ('[1,')", "scraping_results_creators_check"),
        ("JSON with \\u0000", #"INSERT INTO scraping_results (creators) VALUES ('["a\u0000"]')"#, "scraping_results_creators_check"),
        ("malformed UUID", "INSERT INTO campaigns (id, user_id, name, search_type) VALUES ('ABC', 'u', 'n', 'keyword')", "campaigns_id_check"),
        ("uppercase UUID", "INSERT INTO campaigns (id, user_id, name, search_type) VALUES ('7623F469-2691-4272-B000-79DDFADED63E', 'u', 'n', 'keyword')", "campaigns_id_check"),
        ("unknown status", "INSERT INTO campaigns (user_id, name, search_type, status) VALUES ('u', 'n', 'keyword', 'paused')", "campaigns_status_check"),
        ("unknown search type", "INSERT INTO campaigns (user_id, name, search_type) VALUES ('u', 'n', 'lookalike')", "campaigns_search_type_check"),
        ("lowercase platform", "INSERT INTO scraping_jobs (user_id, platform) VALUES ('u', 'tiktok')", "scraping_jobs_platform_check"),
        ("over-long varchar", "INSERT INTO user_profiles (user_id, card_last_4) VALUES ('u', '12345')", "user_profiles_card_last_4_check"),
        ("boolean 2", "INSERT INTO user_profiles (user_id, is_admin) VALUES ('u', 2)", "user_profiles_is_admin_check"),
        ("integer over 32 bits", "INSERT INTO scraping_jobs (user_id, target_results) VALUES ('u', 2147483648)", "scraping_jobs_target_results_check"),
        ("integer under 32 bits", "INSERT INTO background_jobs (job_type, payload, priority) VALUES ('x', '{}', -2147483649)", "background_jobs_priority_check"),
        ("progress over 100", "INSERT INTO scraping_jobs (user_id, progress) VALUES ('u', 100.5)", "scraping_jobs_progress_check"),
        ("February 30", "INSERT INTO scraping_jobs (user_id, started_at) VALUES ('u', '2026-02-30 00:00:00.000')", "scraping_jobs_started_at_check"),
        ("year 0", "INSERT INTO scraping_jobs (user_id, started_at) VALUES ('u', '0000-01-01 00:00:00.000')", "scraping_jobs_started_at_check"),
        ("ISO form with T", "INSERT INTO scraping_jobs (user_id, started_at) VALUES ('u', '2026-01-01T00:00:00.000')", "scraping_jobs_started_at_check"),
        ("no milliseconds", "INSERT INTO scraping_jobs (user_id, started_at) VALUES ('u', '2026-01-01 00:00:00')", "scraping_jobs_started_at_check"),
        ("NUL in text", "INSERT INTO campaigns (user_id, name, search_type) VALUES ('u', 'a' || char(0) || 'b', 'keyword')", "campaigns_name_check"),
        ("unknown plan", "INSERT INTO user_profiles (user_id, current_plan) VALUES ('u', 'gold')", "user_profiles_current_plan_check"),
        ("unknown trial status", "INSERT INTO user_profiles (user_id, trial_status) VALUES ('u', 'paused')", "user_profiles_trial_status_check"),
        ("hot-reloadable yes", "INSERT INTO system_configurations (category, key, value, value_type, is_hot_reloadable) VALUES ('c', 'k', '1', 'number', 'yes')", "system_configurations_is_hot_reloadable_check"),
        ("unknown value type", "INSERT INTO system_configurations (category, key, value, value_type) VALUES ('c', 'k', '1', 'string')", "system_configurations_value_type_check"),
        ("unknown event status", "INSERT INTO events (aggregate_id, aggregate_type, event_type, event_data, idempotency_key, source_system, processing_status) VALUES ('a', 'user', 'x', '{}', 'k', 's', 'done')", "events_processing_status_check"),
        ("text in an integer column", "INSERT INTO scraping_jobs (user_id, target_results) VALUES ('u', 'many')", "scraping_jobs.target_results"),
    ]

    @Test("every CHECK refuses a bad value, naming the column", arguments: badWrites)
    func checksRefuseBadValues(_ bad: (String, String, String)) throws {
        let database = try ReachDatabase.temporary()
        let error = #expect(throws: DatabaseError.self, "\(bad.0) is refused") {
            try database.writer.write { db in try db.execute(sql: bad.1) }
        }
        #expect(error?.message?.contains(bad.2) == true, "\(bad.0): \(error?.message ?? "")")
    }

    @Test("values at the edges of each type are accepted")
    func edgeValuesAreAccepted() throws {
        let database = try ReachDatabase.temporary()
        try database.writer.write { db throws in
            try db.execute(sql: """
                INSERT INTO scraping_jobs (user_id, target_results, processed_runs, progress, started_at, keywords)
                VALUES ('u', 2147483647, -2147483648, 100, '0001-01-01 00:00:00.000', '{"deep":[[[["é🎉"]]]]}');
                INSERT INTO scraping_jobs (user_id, progress, started_at) VALUES ('u', 0, '9999-12-31 23:59:59.999');
                INSERT INTO scraping_jobs (user_id, started_at) VALUES ('u', '2024-02-29 12:00:00.000');
                INSERT INTO user_profiles (user_id, card_last_4, billing_address_country, is_admin)
                VALUES ('u', '4242', 'FR', 1);
                """)
        }
    }

    @Test("foreign keys hold")
    func foreignKeysHold() throws {
        let database = try ReachDatabase.temporary()
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db throws in
                try db.execute(sql: "INSERT INTO scraping_jobs (user_id, campaign_id) VALUES ('u', ?)",
                               arguments: [UUID().lowercased])
            }
        }
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db throws in
                try db.execute(sql: "INSERT INTO search_results (job_id) VALUES ('missing')")
            }
        }
        let job = try database.insertJob(userId: "u")
        #expect(throws: DatabaseError.self, "a campaign with jobs cannot go") {
            try database.writer.write { db throws in
                try db.execute(sql: "DELETE FROM campaigns WHERE id = ?", arguments: [job.campaignId!.lowercased])
            }
        }
    }

    @Test("updated_at is refreshed by triggers unless the write sets it")
    func updatedAtTrigger() throws {
        let database = try ReachDatabase.temporary()
        let job = try database.insertJob(userId: "u")
        try database.writer.write { db throws in
            try db.execute(sql: "UPDATE scraping_jobs SET status = 'processing' WHERE id = ?", arguments: [job.id.lowercased])
            let updated = try ScrapingJob.fetchOne(db, id: job.id)!
            #expect(updated.updatedAt > testNow, "refreshed to now")
            let chosen = testNow.addingTimeInterval(5)
            try db.execute(sql: "UPDATE scraping_jobs SET status = 'completed', updated_at = ? WHERE id = ?",
                           arguments: [chosen, job.id.lowercased])
            #expect(try ScrapingJob.fetchOne(db, id: job.id)!.updatedAt == chosen, "kept when set explicitly")
        }
    }

    @Test("profiles read by position equal profiles read by name, whatever the column list")
    func profilesByPositionAndByName() throws {
        let database = try ReachDatabase.temporary()
        var profile = UserProfile(userId: "user_pos", email: "pos@example.com", fullName: "Pos Ition", now: testNow)
        profile.cardBrand = "visa"
        profile.planFeatures = ["csv": true]
        profile.trialEndDate = testNow.addingTimeInterval(86_400)
        profile.trialStatus = .active
        profile.isAdmin = true
        try database.writer.write { db in try profile.insert(db) }
        try database.reader.read { db throws in
            let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(user_profiles)").map { $0["name"] as String }
            #expect(Set(columns) == Set(UserProfile.columnNames), "every column is read")
            for list in ["*", columns.reversed().map { "\"\($0)\"" }.joined(separator: ", ")] {
                let sql = "SELECT \(list) FROM user_profiles"
                #expect(try UserProfile.fetchAll(laidOut: db.makeStatement(sql: sql), arguments: []) == [profile])
                #expect(try UserProfile.fetchAll(db, sql: sql) == [profile])
            }
            // A column left out reads as NULL where the field is optional, by position as by name.
            let partial = "SELECT id, user_id, signup_timestamp, onboarding_step, created_at, updated_at, 1 AS extra FROM user_profiles"
            let byPosition = try UserProfile.fetchAll(laidOut: db.makeStatement(sql: partial), arguments: [])
            #expect(byPosition == (try UserProfile.fetchAll(db, sql: partial)))
            #expect(byPosition.first?.userId == "user_pos" && byPosition.first?.cardBrand == nil && byPosition.first?.isAdmin == nil)
        }
    }

    @Test("jobs read by position equal jobs read by name, whatever the column list")
    func jobsByPositionAndByName() throws {
        let database = try ReachDatabase.temporary()
        var job = BackgroundJob(jobType: "noop", payload: ["a": [1, "b"]], priority: 5, scheduledFor: testNow,
                                dedupeKey: "k1", now: testNow)
        job.result = ["done": true]
        job.error = "boom"
        job.startedAt = testNow.addingTimeInterval(1)
        job.leaseExpiresAt = testNow.addingTimeInterval(60)
        job.leasedBy = "host:1:abc"
        try database.writer.write { db in try JobQueue.enqueue(db, job) }
        try database.reader.read { db throws in
            let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(background_jobs)").map { $0["name"] as String }
            #expect(Set(columns) == Set(BackgroundJob.columnNames), "every column is read")
            for list in ["*", columns.reversed().map { "\"\($0)\"" }.joined(separator: ", ")] {
                let sql = "SELECT \(list) FROM background_jobs"
                #expect(try BackgroundJob.fetchAll(laidOut: db.makeStatement(sql: sql), arguments: []) == [job])
                #expect(try BackgroundJob.fetchAll(db, sql: sql) == [job])
            }
        }
    }

    @Test("records store UUIDs as lowercase text and round-trip")
    func recordsRoundTrip() throws {
        let database = try ReachDatabase.temporary()
        let job = try database.insertJob(userId: "user_1", platform: .youtube)
        try database.reader.read { db throws in
            let stored = try String.fetchOne(db, sql: "SELECT id FROM scraping_jobs")
            #expect(stored == job.id.uuidString.lowercased())
            let campaignId = try String.fetchOne(db, sql: "SELECT campaign_id FROM scraping_jobs")
            #expect(campaignId == job.campaignId?.uuidString.lowercased())
            #expect(try ScrapingJob.fetchOne(db, id: job.id) == job)
            #expect(try String.fetchOne(db, sql: "SELECT created_at FROM scraping_jobs") == "2025-11-24 22:06:18.125")
        }
    }

    @Test("the plans and configuration defaults are in every file")
    func defaultsArePresent() throws {
        let database = try ReachDatabase.temporary()
        try database.reader.read { db throws in
            let plans = try SubscriptionPlan.fetchAllOrdered(db)
            #expect(plans.map(\.planKey) == ["glow_up", "viral_surge", "fame_flex"])
            #expect(plans.map(\.monthlyPrice) == [9900, 24900, 49900])
            #expect(plans.map(\.campaignsLimit) == [3, 10, -1])
            #expect(plans[0].features?["exportFormats"] == ["CSV"])
            let configuration = try SystemConfiguration.fetchAll(db)
            #expect(configuration.count == 29, "the platform's 21 and Reach's 8 providers.* settings")
            #expect(configuration.filter { $0.category == "providers" }.map(\.key).sorted() == [
                "apify_interval", "apify_run_timeout", "max_retries", "rapidapi_interval", "request_timeout", "retry_after_cap",
                "scrapecreators_interval", "secondary_concurrency",
            ])
            #expect(configuration.allSatisfy { $0.isHotReloadable == "true" })
            let timeout = try SystemConfiguration.fetchOne(db, category: "timeouts", key: "standard_job_timeout")
            #expect(timeout?.value == "60m")
        }
    }
}
