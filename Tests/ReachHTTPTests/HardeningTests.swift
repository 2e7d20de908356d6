import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import ReachCore
import ReachStore
import Testing
@testable import ReachHTTP

/// Inputs that once stopped the process, subverted billing or admin rights, or left a session
/// usable after sign-out: each is refused now.
@Suite("Hardening")
struct HardeningTests {
    typealias Browser = DashboardTests.Browser

    func stripe(_ client: any TestClientProtocol, _ harness: Harness, _ event: JSONValue) async throws -> Answer {
        let body = event.jsonText
        let header = StripeSignature(secret: harness.stripeSecret).header(body: Array(body.utf8), at: harness.clock.now())
        return try await client.call(.post, "/api/webhooks/stripe", body: body, headers: [.init("Stripe-Signature")!: header])
    }

    func clerk(_ client: any TestClientProtocol, _ harness: Harness, _ event: JSONValue, id: String) async throws -> Answer {
        let body = event.jsonText
        let timestamp = Int(harness.clock.now().timeIntervalSince1970)
        let signature = SvixSignature(secret: harness.clerkSecret).sign(id: id, timestamp: timestamp, body: Array(body.utf8))!
        return try await client.call(.post, "/api/webhooks/clerk", body: body, headers: [
            .init("svix-id")!: id, .init("svix-timestamp")!: String(timestamp), .init("svix-signature")!: "v1,\(signature)",
        ])
    }

    /// A Stripe subscription event about `user_a` with its fields replaced.
    func subscriptionEvent(
        _ harness: Harness, type: String = "customer.subscription.updated", created: JSONValue,
        object overrides: [String: JSONValue] = [:]
    ) throws -> JSONValue {
        let event = try SampleWebhooks.stripe(type, userId: "user_a", profile: nil, plan: .fameFlex, status: "active",
                                              now: harness.clock.now())
        guard case .object(var fields) = event, case .object(var object)? = fields["data"]?["object"] else { return event }
        for (key, value) in overrides { object[key] = value }
        fields["data"] = ["object": .object(object)]
        fields["created"] = created
        return .object(fields)
    }

    @Test("a Stripe timestamp past year 9999 (or a fraction, a string) is a 400 naming the field, and changes nothing",
          arguments: ["created", "current_period_end", "trial_end", "canceled_at", "cancel_at"])
    func stripeTimestamps(_ field: String) async throws {
        let harness = try await Harness()
        try harness.insertUser("user_a", plan: .glowUp)
        let now = JSONValue.int(Int64(harness.clock.now().timeIntervalSince1970))
        for bad: JSONValue in [.double(9.3e15), .int(9_300_000_000_000_000), .double(1e300), .int(-1), .double(1.5), "soon"] {
            let event = field == "created"
                ? try subscriptionEvent(harness, created: bad)
                : try subscriptionEvent(harness, created: now, object: [field: bad])
            try await harness.test { client throws in
                let answer = try await stripe(client, harness, event)
                #expect(answer.status == 400 || answer.status == 422, "\(field) = \(bad.jsonText): \(answer.status) \(answer.body)")
                #expect(answer.json["detail"]?.stringValue?.contains(field) == true, "\(answer.body)")
                let health = try await client.call(.get, "/healthz")
                #expect(health.status == 200)
            }
        }
        let profile = try await harness.database.reader.read { db in try UserProfile.fetchOne(db, userId: "user_a") }
        #expect(profile?.currentPlan == .glowUp, "nothing was applied")
    }

    @Test("same-second subscription events: a deleted or a later period end wins whatever the arrival order")
    func sameSecondOrder() async throws {
        let harness = try await Harness()
        let second = JSONValue.int(Int64(harness.clock.now().timeIntervalSince1970))
        let early = Int64(harness.clock.now().timeIntervalSince1970) + 10 * 86_400
        let late = early + 30 * 86_400
        func updated(_ periodEnd: Int64, plan: String) throws -> JSONValue {
            try subscriptionEvent(harness, created: second, object: [
                "current_period_end": .int(periodEnd), "metadata": ["userId": "user_a", "plan": .string(plan)]])
        }
        let deleted = try subscriptionEvent(harness, type: "customer.subscription.deleted", created: second,
                                            object: ["status": "canceled", "canceled_at": second])
        // (first, second, outcome of the second, the plan after both)
        let orders: [(JSONValue, JSONValue, String, PlanKey)] = [
            (try updated(late, plan: "fame_flex"), try updated(early, plan: "viral_surge"), "stale", .fameFlex),
            (try updated(early, plan: "viral_surge"), try updated(late, plan: "fame_flex"), "applied", .fameFlex),
            (deleted, try updated(late, plan: "fame_flex"), "stale", .free),
            (try updated(late, plan: "fame_flex"), deleted, "applied", .free),
        ]
        for (index, (first, later, outcome, plan)) in orders.enumerated() {
            let user = "user_a"
            try? await harness.database.writer.write { db in _ = try UserProfile.deleteAll(db); _ = try Event.deleteAll(db) }
            try harness.insertUser(user, plan: .glowUp)
            try await harness.test { client throws in
                #expect(try await stripe(client, harness, renamed(first, "evt_first_\(index)")).json["outcome"] == "applied")
                let answer = try await stripe(client, harness, renamed(later, "evt_second_\(index)"))
                #expect(answer.json["outcome"]?.stringValue == outcome, "order \(index): \(answer.body)")
            }
            let profile = try await harness.database.reader.read { db in try UserProfile.fetchOne(db, userId: user) }
            #expect(profile?.currentPlan == plan, "order \(index)")
        }
    }

    func renamed(_ event: JSONValue, _ id: String) -> JSONValue {
        guard case .object(var fields) = event else { return event }
        fields["id"] = .string(id)
        return .object(fields)
    }

    @Test("a Clerk user.updated whose primary address is unverified or missing never makes an admin")
    func unverifiedAdminAddress() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_x", plan: .glowUp, email: "x@example.com")
        let token = try await harness.token("user_x")
        let addresses: [(String, JSONValue, JSONValue)] = [
            // primary id matching no entry, the first entry an admin address
            ("idn_none", [["id": "idn_1", "email_address": "boss@reach.test", "verification": ["status": "verified"]]], "x@example.com"),
            // the primary is the admin address, unverified
            ("idn_1", [["id": "idn_1", "email_address": "boss@reach.test", "verification": ["status": "unverified"]]], "x@example.com"),
            ("idn_1", [["id": "idn_1", "email_address": "boss@reach.test"]], "x@example.com"),
        ]
        for (index, (primary, list, expected)) in addresses.enumerated() {
            let event: JSONValue = ["type": "user.updated", "object": "event", "data": [
                "id": "user_x", "first_name": "X", "primary_email_address_id": .string(primary), "email_addresses": list]]
            try await harness.test { client throws in
                #expect(try await clerk(client, harness, event, id: "msg_\(index)").status == 200)
                harness.clock.advance(by: 10)  // past the identity cache
                let admin = try await client.call(.get, "/api/admin/config", token: token)
                #expect(admin.status == 403, "case \(index): \(admin.body)")
            }
            let profile = try await harness.database.reader.read { db in try UserProfile.fetchOne(db, userId: "user_x") }
            #expect(profile?.email.map(JSONValue.string) == expected, "case \(index)")
        }
        // A verified primary address updates the e-mail (and here, being listed, makes an admin).
        let verified: JSONValue = ["type": "user.updated", "object": "event", "data": [
            "id": "user_x", "primary_email_address_id": "idn_2",
            "email_addresses": [["id": "idn_2", "email_address": "boss@reach.test", "verification": ["status": "verified"]]]]]
        try await harness.test { client throws in
            #expect(try await clerk(client, harness, verified, id: "msg_v").status == 200)
            harness.clock.advance(by: 10)
            #expect(try await client.call(.get, "/api/admin/config", token: token).status == 200)
        }
    }

    @Test("mock checkout is 404 unless the server offers it; with it, it changes the plan")
    func mockCheckout() async throws {
        for offered in [false, true] {
            var configured = try await Harness(seed: true)
            configured.configuration.demoSignIn = true
            configured.configuration.mockBilling = offered
            let harness = configured
            try await harness.test { client throws in
                let browser = Browser(client)
                try await browser.signIn(as: "user_demo")
                let account = try await browser.request(.get, "/account")
                #expect(account.body.contains("/account/checkout") == offered)
                let csrf = Browser.csrf(account.body) ?? ""
                let answer = try await browser.request(.post, "/account/checkout", form: ["csrf": csrf, "plan": "fame_flex"])
                #expect(answer.status == (offered ? 303 : 404), "offered \(offered): \(answer.status)")
            }
            let plan = try await harness.database.reader.read { db in try UserProfile.fetchOne(db, userId: "user_demo")?.currentPlan }
            #expect(plan == (offered ? .fameFlex : .viralSurge))
        }
    }

    @Test("sign-out needs its CSRF token, and revokes the session: the same cookie no longer signs in")
    func signOut() async throws {
        var configured = try await Harness(seed: true)
        configured.configuration.demoSignIn = true
        let harness = configured
        try await harness.test { client throws in
            let browser = Browser(client)
            try await browser.signIn(as: "user_demo")
            let session = browser.cookies["reach_session"] ?? ""
            let forged = try await browser.request(.post, "/session/delete", form: ["csrf": "00"])
            #expect(forged.status == 403)
            #expect(try await browser.request(.get, "/campaigns").status == 200, "still signed in")
            let page = try await browser.request(.get, "/campaigns")
            let out = try await browser.request(.post, "/session/delete", form: ["csrf": Browser.csrf(page.body) ?? ""])
            #expect(out.status == 303)
            // The old token, replayed: refused, as a cookie and as a bearer token.
            let replay = try await client.call(.get, "/api/campaigns", headers: [.cookie: "reach_session=\(session)"])
            #expect(replay.status == 401)
            #expect(try await client.call(.get, "/api/campaigns", token: session).status == 401)
        }
        // Every token of a user issued before a cutoff goes too.
        let token = try await harness.token("user_admin")
        try await harness.database.writer.write { db in
            try TokenRevocations.revokeAll(db, userId: "user_admin", issuedBefore: harness.clock.now().addingTimeInterval(1))
        }
        harness.clock.advance(by: 10)
        try await harness.test { client throws in
            #expect(try await client.call(.get, "/api/campaigns", token: token).status == 401)
            harness.clock.advance(by: 2)
            #expect(try await client.call(.get, "/api/campaigns", token: try await harness.token("user_admin")).status == 200)
        }
    }

    @Test("pages carry CSP, frame, sniffing and referrer headers; the cookie is Secure behind TLS")
    func browserHeaders() async throws {
        var configured = try await Harness(seed: true)
        configured.configuration.demoSignIn = true
        let harness = configured
        try await harness.test { client throws in
            for path in ["/", "/api/campaigns", "/nowhere"] {
                let answer = try await client.call(.get, "\(path)")
                #expect(answer.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true, "\(path)")
                #expect(answer.headers[.init("X-Frame-Options")!] == "DENY", "\(path)")
                #expect(answer.headers[.init("X-Content-Type-Options")!] == "nosniff", "\(path)")
                #expect(answer.headers[.init("Referrer-Policy")!] != nil, "\(path)")
            }
            let browser = Browser(client)
            let page = try await browser.request(.get, "/")
            let plain = try await browser.request(.post, "/session", form: ["csrf": Browser.csrf(page.body) ?? "", "as": "user_demo"])
            #expect(plain.headers[values: .setCookie].first { $0.hasPrefix("reach_session=") }?.contains("Secure") == false)
            let proxied = try await client.call(
                .post, "/session", body: "csrf=\(Browser.csrf(page.body) ?? "")&as=user_demo",
                headers: [.contentType: "application/x-www-form-urlencoded", .init("X-Forwarded-Proto")!: "https",
                          .cookie: browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")])
            #expect(proxied.headers[values: .setCookie].first { $0.hasPrefix("reach_session=") }?.contains("Secure") == true)
        }
    }

    @Test("configuration of 1e20 jobs, 1.5 calls or a 999999999999h timeout is a 4xx; a stored one reads as the default")
    func configurationRanges() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_a", plan: .fameFlex, admin: true)
        let token = try await harness.token("user_a")
        let writes: [(String, String, String)] = [
            ("job_processing", "max_concurrent_jobs", "100000000000000000000"),
            ("api_limits", "max_api_calls_tiktok", "100000000000000000000"), ("api_limits", "max_api_calls_tiktok", "1.5"),
            ("timeouts", "standard_job_timeout", "999999999999h"), ("job_processing", "job_timeout", "1e300s"),
        ]
        try await harness.test { client throws in
            for (category, key, value) in writes {
                let answer = try await client.call(.put, "/api/admin/config", token: token,
                                                   body: #"{"category":"\#(category)","key":"\#(key)","value":"\#(value)"}"#)
                #expect((400..<500).contains(answer.status), "\(category).\(key)=\(value): \(answer.body)")
            }
        }
        // Written around Reach (or by an older Reach): the scheduler and searches read the defaults.
        try await harness.database.writer.write { db in
            try db.execute(sql: "UPDATE system_configurations SET value = '100000000000000000000' WHERE key IN ('max_concurrent_jobs', 'max_api_calls_tiktok')")
            try db.execute(sql: "UPDATE system_configurations SET value = '999999999999h' WHERE key = 'standard_job_timeout'")
        }
        try await harness.database.reader.read { db throws in
            #expect(try Settings.count(db, .maxConcurrentJobs) == 10)
            #expect(try Settings.count(db, .maxAPICalls(.tiktok, .keyword)) == 50)
            #expect(try Settings.seconds(db, .standardJobTimeout) == 3_600)
        }
        try await harness.scheduler.runUntilIdle()
        try await harness.test { client throws in
            let campaign = try await client.call(.post, "/api/campaigns", token: token, body: #"{"name":"c"}"#).json["id"]!.stringValue!
            let search = try await client.call(.post, "/api/scraping/tiktok", token: token,
                                               body: #"{"keywords":["yoga"],"targetResults":100,"campaignId":"\#(campaign)"}"#)
            #expect(search.status == 200, "\(search.body)")
        }
    }

    @Test("a stored row whose JSON no reader can read is an error for that row: the server goes on")
    func unreadableRows() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_a", plan: .fameFlex, admin: true)
        try harness.insertUser("user_b", plan: .fameFlex)
        let token = try await harness.token("user_a")
        let deep = String(repeating: "[", count: 2_000) + String(repeating: "]", count: 2_000)
        try await harness.database.writer.write { db in
            try db.execute(sql: #"UPDATE user_profiles SET plan_features = '{"x":"\ud800"}' WHERE user_id = 'user_b'"#)
            try db.execute(sql: "UPDATE user_profiles SET email_schedule_status = ? WHERE user_id = 'user_a'", arguments: [deep])
            try JobQueue.enqueue(db, BackgroundJob(jobType: "noop", payload: [:], scheduledFor: start, now: start))
            try db.execute(sql: "UPDATE background_jobs SET payload = ? WHERE job_type = 'noop'", arguments: [deep])
        }
        let error = #expect(throws: StoreError.self) {
            try harness.database.reader.read { db in try UserProfile.fetchOne(db, userId: "user_b") }
        }
        #expect(error?.description.contains("plan_features") == true)
        #expect(error?.description.contains("user_b@example.com") == false, "no row contents in the message")
        try await harness.scheduler.runUntilIdle()
        let job = try harness.database.reader.read { db in
            try Row.fetchOne(db, sql: "SELECT status, error FROM background_jobs WHERE job_type = 'noop'")
        }
        #expect((job?["status"] as String?) == "failed", "the unreadable job fails instead of failing every claim")
        #expect((job?["error"] as String?)?.contains("payload") == true)
        try await harness.test { client throws in
            #expect(try await client.call(.get, "/healthz").status == 200)
            let users = try await client.call(.get, "/api/admin/users?q=user", token: token)
            #expect(users.status >= 500 && users.json["detail"] != nil, "an error answer, not a crash")
        }
    }
}
