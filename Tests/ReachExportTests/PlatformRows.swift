import Foundation
import ReachCore
import ReachStore

/// Rows for the platform's database (schema/platform/database.sql) as its own code would write
/// them: microsecond timestamps, timestamptz written at several offsets, the columns Reach's seed
/// document lacks (run_id, region, clerk_*), the platform's default `Tiktok`, and a Supabase-style
/// `auth` schema beside them. And, from a seed, rows at the edges of every type.
enum PlatformRows {
    /// The plans, as the platform's script inserts them after its migrations.
    static let plans = """
        INSERT INTO public.subscription_plans (id, plan_key, display_name, description, monthly_price, yearly_price,
            stripe_monthly_price_id, stripe_yearly_price_id, campaigns_limit, creators_limit, features, sort_order, created_at, updated_at)
        VALUES
          ('5b8e0c1e-0000-4000-8000-000000000001', 'glow_up', 'Glow Up Plan', 'Start', 9900, 94800, 'price_glow_up_monthly',
           'price_glow_up_yearly', 3, 1000, '{"platforms": ["TikTok", "Instagram", "YouTube"], "exportFormats": ["CSV"], "support": "email"}',
           1, '2025-01-01 00:00:00.123456', '2025-01-01 00:00:00.123456'),
          ('5b8e0c1e-0000-4000-8000-000000000002', 'viral_surge', 'Viral Surge Plan', NULL, 24900, 238800, 'price_viral_surge_monthly',
           NULL, 10, 10000, '{"exportFormats": ["CSV", "Excel"]}', 2, '2025-01-01 00:00:00', '2025-01-01 00:00:00'),
          ('5b8e0c1e-0000-4000-8000-000000000003', 'fame_flex', 'Fame Flex Plan', NULL, 49900, 478800, 'price_fame_flex_monthly',
           'price_fame_flex_yearly', -1, -1, '{"exportFormats": ["CSV", "Excel", "JSON"], "apiAccess": true}', 3,
           '2025-01-01 00:00:00', '2025-01-01 00:00:00');
        """

    /// A filled platform database, as SQL.
    static let sample = plans + """
        CREATE SCHEMA auth;
        CREATE TABLE auth.users (id uuid PRIMARY KEY, email text, raw_user_meta_data jsonb);
        INSERT INTO auth.users VALUES ('9a5e0a54-3c6c-4b43-9a51-6f3f0d0e7a01', 'ada@example.com', '{"name": "Ada"}');

        INSERT INTO public.user_profiles (id, user_id, name, email, created_at, updated_at, clerk_customer_id, clerk_subscription_id,
            signup_timestamp, onboarding_step, full_name, business_name, brand_description, email_schedule_status,
            trial_start_date, trial_end_date, trial_status, stripe_customer_id, stripe_subscription_id, subscription_status,
            current_plan, card_exp_month, card_exp_year, plan_campaigns_limit, plan_creators_limit, plan_features,
            usage_campaigns_current, usage_creators_current_month, usage_reset_date, is_admin, intended_plan)
        VALUES
          ('0c2b5a4e-1111-4111-8111-000000000001', 'user_staging_ada', 'Ada', 'ada@example.com',
           '2026-11-30 09:15:01.123456', '2026-12-01 10:00:00.5', 'cus_clerk_old_1', 'sub_clerk_old_1',
           '2026-11-30 09:15:01.123456', 'completed', 'Ada Lovelace-Nöther', 'Analytical "Engines" Ltd',
           E'Brand with a tab\\there, a newline\\nthere, a back\\\\slash and O''Brien''s quote, long enough for step two.',
           '{"welcome": {"status": "sent", "messageId": "m1", "timestamp": "2026-11-30T09:25:01.123Z"}}',
           '2026-11-30 09:20:00', '2026-12-07 09:20:00', 'active', 'cus_123', 'sub_123', 'trialing',
           'glow_up', 12, 2030, 3, 1000, '{"exportFormats": ["CSV"]}', 1, 140, '2026-11-30 09:20:00', false, 'glow_up'),
          ('0c2b5a4e-1111-4111-8111-000000000002', 'user_staging_admin', NULL, 'admin@example.com',
           '2026-10-01 00:00:00', '2026-10-01 00:00:00', NULL, NULL, '2026-10-01 00:00:00', 'pending', 'Ádmin Ünïcode 🎉',
           NULL, NULL, '{}', NULL, NULL, 'pending', NULL, NULL, 'none', 'free', NULL, NULL, NULL, NULL, NULL, 0, 0,
           '2026-10-01 00:00:00', true, NULL);

        INSERT INTO public.campaigns (id, name, description, search_type, status, created_at, updated_at, user_id) VALUES
          ('c0000000-0000-4000-8000-000000000001', 'Spring launch', 'Yoga & wellness', 'keyword', 'active',
           '2026-12-01 08:00:00.654321', '2026-12-01 08:00:00.654321', 'user_staging_ada'),
          ('c0000000-0000-4000-8000-000000000002', 'Lookalikes', NULL, 'similar', 'draft',
           '2026-12-02 08:00:00', '2026-12-02 08:00:00', 'user_staging_ada');

        INSERT INTO public.scraping_jobs (id, user_id, run_id, status, keywords, platform, region, created_at, started_at,
            completed_at, error, timeout_at, updated_at, "cursor", processed_runs, processed_results, target_results, progress,
            search_params, target_username, campaign_id, qstash_message_id)
        VALUES
          ('d0000000-0000-4000-8000-000000000001', 'user_staging_ada', NULL, 'completed', '["yoga", "wellness"]', 'Tiktok', 'US',
           '2026-12-01 08:01:00.111111', '2026-12-01 08:01:01', '2026-12-01 08:03:00', NULL, '2026-12-01 09:01:00',
           '2026-12-01 08:03:00', 2, 2, 2, 100, 100, '{"runs": 2}', NULL, 'c0000000-0000-4000-8000-000000000001', 'msg_1'),
          ('d0000000-0000-4000-8000-000000000002', 'user_staging_ada', 'apify_run_Xy12', 'error', NULL, 'Instagram', 'GB',
           '2026-12-02 08:01:00', NULL, NULL, E'Apify said:\\n"quota"', NULL, '2026-12-02 08:05:00', 0, 1, 0, 20, 33.3,
           NULL, 'some.creator', 'c0000000-0000-4000-8000-000000000002', NULL);

        INSERT INTO public.scraping_results (id, job_id, creators, created_at) VALUES
          ('e0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001',
           '[{"creator": {"name": "Yogi Ümit", "uniqueId": "yogi_umit", "followers": 125000, "bio": "Yoga daily\\nyogi@example.com", "emails": ["yogi@example.com"], "verified": true}, "video": {"description": "Sun salutation", "url": "https://www.tiktok.com/@yogi_umit/video/1", "statistics": {"likes": 10, "comments": 2, "views": 300, "shares": 1}}, "hashtags": ["#yoga"], "platform": "TikTok"}, {"creator": {"name": "Well Ness", "uniqueId": "wellness.now", "followers": 2147483647}, "platform": "TikTok"}]',
           '2026-12-01 08:02:00.999999');

        INSERT INTO public.search_jobs VALUES
          ('legacy-1', 'c0000000-0000-4000-8000-000000000001', 'TikTok', 'keyword', 'completed', 1, 1,
           '2025-06-01 00:00:00', '2025-06-01 00:00:00', '2025-06-01 00:01:00');
        INSERT INTO public.search_results (id, job_id, profile_id, username, display_name, platform, followers, is_verified, raw_data, created_at)
        VALUES ('f0000000-0000-4000-8000-000000000001', 'legacy-1', 'p1', 'legacy_user', 'Legacy', 'tiktok', -2147483648, 'true',
                '{"raw": [1, 2.5, null, {"deep": {"er": true}}]}', '2025-06-01 00:00:30');

        INSERT INTO public.events (id, aggregate_id, aggregate_type, event_type, event_version, event_data, metadata, "timestamp",
            processed_at, processing_status, retry_count, idempotency_key, source_system, correlation_id)
        VALUES
          ('a0000000-0000-4000-8000-000000000001', 'user_staging_ada', 'user', 'user_created', 1, '{"email": "ada@example.com"}',
           '{"requestId": "r1"}', '2026-11-30 09:15:01.123456+00', '2026-11-30 09:15:01.2+00', 'processed', 0,
           'clerk_msg_1', 'clerk_webhook', 'corr-1'),
          ('a0000000-0000-4000-8000-000000000002', 'user_staging_ada', 'subscription', 'subscription_created', 1, '{}', NULL,
           '2026-03-29 01:30:00.5+02', NULL, 'processed', 0, 'stripe_evt_1', 'stripe_webhook', NULL),
          ('a0000000-0000-4000-8000-000000000003', 'user_staging_ada', 'trial', 'trial_started', 1, '{"days": 7}', NULL,
           '2026-11-01 01:30:00-07', '2026-11-01 01:30:01-07', 'processed', 0, 'user_action_user_staging_ada_trial_started',
           'user_action', NULL);

        INSERT INTO public.background_jobs (id, job_type, payload, status, priority, max_retries, retry_count, scheduled_for,
            started_at, completed_at, error, result, created_at, updated_at)
        VALUES
          ('b0000000-0000-4000-8000-000000000001', 'send_trial_email', '{"userId": "user_staging_ada", "emailType": "trial_day2"}',
           'completed', 100, 3, 0, '2026-12-02 09:20:00.000001+00', '2026-12-02 09:20:01+00', '2026-12-02 09:20:02+00', NULL,
           '{"sent": true}', '2026-11-30 09:20:00+05:30', '2026-12-02 09:20:02+00'),
          ('b0000000-0000-4000-8000-000000000002', 'cleanup_jobs', '{}', 'failed', 50, 3, 3, '2026-12-03 00:00:00+00', NULL, NULL,
           E'gave up\\tafter 3', NULL, '2026-12-03 00:00:00+00', '2026-12-03 00:00:00+00');
        """

    static let stringEdges = [
        "", "plain", "tab\tand\nnewline\r\n", "back\\slash \\N \\. end", "quotes \" ' `", "émoji 🎉 𝄞 ﷽ 中文",
        "\u{1}\u{7}\u{1B} control", "  padded  ", "%_*()[];", "$$ dollar $tag$", "-- not a comment", "/* nor this */",
        "E'not an escape'", "line\\nnot newline",
    ]
    static let timestamps = [
        "0001-01-01 00:00:00", "9999-12-31 23:59:59.999999", "2024-02-29 12:00:00.123456", "1970-01-01 00:00:00",
        "2026-11-24 22:06:18.1",
    ]
    static let instants = [
        "0001-01-01 00:00:00+00", "9999-12-31 23:59:59.999+00", "2026-03-29 01:30:00.123456+02", "2026-11-01 01:30:00-07",
        "2024-02-29 23:59:59.999999-12", "1883-11-18 12:00:00+00", "2000-01-01 00:00:00+05:45",
    ]
    static let integers: [Int64] = [-2_147_483_648, 2_147_483_647, 0, -1, 1]

    /// A SQL string literal (standard_conforming_strings on: only quotes double).
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    static func json(_ random: inout SeededRandom, depth: Int) -> JSONValue {
        if depth == 0 {
            switch random.next() % 5 {
            case 0: return .string(random.pick(stringEdges))
            case 1: return .int(Int64(random.next() % 2_000_000_000) - 1_000_000_000)
            case 2: return .double(Double(random.next() % 100_000) / 8)
            case 3: return .bool(random.chance(0.5))
            default: return .null
            }
        }
        if random.chance(0.5) {
            return .array((0..<(1 + Int(random.next() % 3))).map { _ in json(&random, depth: depth - 1) })
        }
        var members: [String: JSONValue] = [:]
        for _ in 0..<(1 + Int(random.next() % 3)) { members[random.pick(stringEdges) + String(random.next() % 10)] = json(&random, depth: depth - 1) }
        return .object(members)
    }

    /// `count` users, campaigns, jobs, results, events and background jobs of edge values, as SQL.
    static func edges(seed: UInt64, count: Int) -> String {
        var random = SeededRandom(seed: seed)
        var sql = plans
        func text() -> String { literal(random.pick(stringEdges)) }
        func maybe(_ value: String) -> String { random.chance(0.3) ? "NULL" : value }
        for index in 0..<count {
            let user = "edge_\(seed)_\(index)"
            let campaign = String(format: "c%07d-0000-4000-8000-%012d", Int(seed), index)
            let job = String(format: "d%07d-0000-4000-8000-%012d", Int(seed), index)
            sql += """
                INSERT INTO public.user_profiles (user_id, name, full_name, email, card_last_4, card_exp_month, is_admin, plan_features,
                    email_schedule_status, trial_start_date, created_at, updated_at, clerk_customer_id, billing_address_country,
                    usage_creators_current_month)
                VALUES (\(literal(user)), \(maybe(text())), \(maybe(text())), \(maybe(text())), \(literal(String(random.pick(stringEdges).prefix(4)))),
                    \(random.pick(integers)), \(random.chance(0.5)), \(literal(json(&random, depth: 3).jsonText)),
                    \(maybe(literal(json(&random, depth: 2).jsonText))), \(maybe(literal(random.pick(timestamps)))),
                    \(literal(random.pick(timestamps))), \(literal(random.pick(timestamps))), \(maybe(text())),
                    \(literal(String(random.pick(stringEdges).prefix(2)))), \(random.pick(integers)));
                INSERT INTO public.campaigns (id, name, description, search_type, status, user_id, created_at)
                VALUES ('\(campaign)', \(text()), \(maybe(text())), 'keyword', 'active', \(literal(user)), \(literal(random.pick(timestamps))));
                INSERT INTO public.scraping_jobs (id, user_id, run_id, keywords, platform, region, processed_runs, target_results,
                    progress, search_params, campaign_id, error, created_at, timeout_at)
                VALUES ('\(job)', \(literal(user)), \(maybe(text())), \(literal(JSONValue.array([.string(random.pick(stringEdges))]).jsonText)),
                    \(literal(random.pick(["TikTok", "Instagram", "YouTube"]))), \(literal(String(random.pick(stringEdges).prefix(10)))),
                    \(random.pick(integers)), \(random.pick(integers)), \(random.pick(["0", "100", "33.3", "0.125"])),
                    \(literal(json(&random, depth: 4).jsonText)), '\(campaign)', \(maybe(text())), \(literal(random.pick(timestamps))),
                    \(maybe(literal(random.pick(timestamps)))));
                INSERT INTO public.scraping_results (job_id, creators, created_at)
                VALUES ('\(job)', \(literal(JSONValue.array([["creator": ["uniqueId": .string("h\(seed)_\(index)"), "name": .string(random.pick(stringEdges))], "extra": json(&random, depth: 3)]]).jsonText)),
                    \(literal(random.pick(timestamps))));
                INSERT INTO public.events (aggregate_id, aggregate_type, event_type, event_data, metadata, "timestamp", processed_at,
                    processing_status, idempotency_key, source_system, correlation_id)
                VALUES (\(literal(user)), 'user', \(literal(String(random.pick(stringEdges).prefix(100)))), \(literal(json(&random, depth: 5).jsonText)),
                    \(maybe(literal(json(&random, depth: 1).jsonText))), \(literal(random.pick(instants))), \(maybe(literal(random.pick(instants)))),
                    'processed', \(literal("edge_\(seed)_\(index)")), 'test', \(maybe(text())));
                INSERT INTO public.background_jobs (job_type, payload, status, priority, scheduled_for, started_at, error, created_at, updated_at)
                VALUES ('edge', \(literal(json(&random, depth: 3).jsonText)), 'completed', \(random.pick(integers)),
                    \(literal(random.pick(instants))), \(maybe(literal(random.pick(instants)))), \(maybe(text())),
                    \(literal(random.pick(instants))), \(literal(random.pick(instants))));

                """
        }
        return sql
    }
}
