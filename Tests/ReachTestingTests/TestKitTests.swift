import Foundation
import ReachCore
import ReachJobs
import ReachTesting
import Testing

@Suite("Test kit")
struct TestKitTests {
    @Test("the README's example: sign up, advance 8 days, the trial has expired")
    func trialExpires() async throws {
        try await ReachTestServer.withServer { server in
            let token = try await server.createUser("user_ada", plan: .glowUp)
            #expect(try await server.get("/api/billing/status", token: token).json["isTrialing"] == true)
            try await server.advanceClock("8d")
            let billing = try await server.get("/api/billing/status", token: token)
            #expect(billing.json["trialStatus"] == "expired")
            #expect(try await server.emails(type: .trialExpiry).first?.status == "sent")
        }
    }

    @Test("the trial journey by the clock: day 2's e-mail, then on day 8 the trial expired, the expiry e-mail, each event once")
    func trialJourney() async throws {
        try await ReachTestServer.withServer { server in
            let admin = server.adminToken
            let created = try await server.post("/_reach/users", token: admin, ["userId": "user_jo", "fullName": "Jo Journey"])
            #expect(created.status == 200 && created.json["profile"]?["onboardingStep"] == "pending")
            let token = try #require(created.json["token"]?.stringValue)
            // Onboarding, as the platform's modal does it.
            _ = try await server.send("PATCH", "/api/onboarding/step-1", token: token, body: ["fullName": "Jo", "businessName": "Jo Co"])
            _ = try await server.send("PATCH", "/api/onboarding/step-2", token: token,
                                      body: ["brandDescription": "Jo Co makes travel gear for long walks that lasts for many decades."])
            _ = try await server.post("/api/onboarding/save-plan", token: token, ["selectedPlan": "viral_surge"])
            let completed = try await server.send("PATCH", "/api/onboarding/complete", token: token, body: ["completed": true])
            #expect([6, 7].contains(completed.json["trial"]?["daysRemaining"]?.intValue), "6 days, 23 hours and some minutes")

            let day2 = try await server.post("/_reach/clock", token: admin, ["advance": "2d"])
            #expect(day2.status == 200, "\(day2.body)")
            var emails = try await server.get("/_reach/emails?to=user_jo@example.com", token: admin).json["emails"]?.arrayValue ?? []
            func status(_ type: String) -> String? { emails.first { $0["type"]?.stringValue == type }?["status"]?.stringValue }
            #expect(status("welcome") == "sent" && status("abandonment") == "cancelled" && status("trial_day2") == "sent")
            #expect(status("trial_day5") == "scheduled" && status("trial_expiry") == "scheduled")

            _ = try await server.post("/_reach/clock", token: admin, ["advance": "6d"])
            let billing = try await server.get("/api/billing/status", token: token)
            #expect(billing.json["trialStatus"] == "expired" && billing.json["subscriptionStatus"] == "canceled")
            #expect(billing.json["currentPlan"] == "free" && billing.json["isTrialing"] == false)
            emails = try await server.get("/_reach/emails?to=user_jo@example.com", token: admin).json["emails"]?.arrayValue ?? []
            #expect(status("trial_day5") == "sent" && status("trial_expiry") == "sent")
            let sent = emails.filter { $0["status"] == "sent" }
            #expect(sent.allSatisfy { email in
                guard let due = email["dueAt"]?.stringValue.flatMap(WireFormat.parseTimestamp),
                    let at = email["sentAt"]?.stringValue.flatMap(WireFormat.parseTimestamp) else { return false }
                return at >= due && at.timeIntervalSince(due) < 60
            }, "each sent when it fell due, not at the end of the jump")
            let events = try await server.app.events.log(aggregateId: "user_jo", limit: 200).map(\.eventType)
            for type in ["user_created", "trial_started", "onboarding_started", "onboarding_completed", "trial_expired"] {
                #expect(events.filter { $0 == type }.count == 1, "\(type) once: \(events)")
            }
        }
    }

    @Test("usage resets a month after its period began")
    func usageReset() async throws {
        try await ReachTestServer.withServer { server in
            let token = try await server.createUser("user_uses", plan: .fameFlex)
            let campaign = try await server.post("/api/campaigns", token: token, ["name": "Uses"])
            let campaignId = try #require(campaign.json["id"]?.stringValue)
            let search = try await server.post("/api/scraping/tiktok-similar", token: token, ["username": "maya", "campaignId": .string(campaignId)])
            #expect(search.status == 200)
            try await server.runWork()
            #expect(try await server.get("/api/usage/summary", token: token).json["creators"]?["used"] == 10)
            try await server.advanceClock("32d")
            let usage = try await server.get("/api/usage/summary", token: token)
            #expect(usage.json["creators"]?["used"] == 0, "\(usage.body)")
        }
    }

    @Test("a restore undoes campaigns, searches and the clock; reset empties the file; snapshots are named")
    func snapshots() async throws {
        try await ReachTestServer.withServer { server in
            let admin = server.adminToken
            let token = try await server.createUser("user_snap", plan: .fameFlex)
            let saved = try await server.post("/_reach/snapshots", token: admin, ["name": "clean"])
            #expect(saved.status == 200 && saved.json["ms"]?.doubleValue != nil)
            let before = try #require(try await server.get("/_reach/clock", token: admin).json["now"]?.stringValue)
            let campaign = try await server.post("/api/campaigns", token: token, ["name": "Temporary"])
            let campaignId = try #require(campaign.json["id"]?.stringValue)
            _ = try await server.post("/api/scraping/tiktok", token: token, ["keywords": ["x"], "targetResults": 100, "campaignId": .string(campaignId)])
            try await server.advanceClock("3d")
            let restored = try await server.post("/_reach/snapshots/clean/restore", token: admin)
            #expect(restored.status == 200)
            #expect(try await server.get("/api/campaigns", token: token).json["pagination"]?["total"] == 0)
            #expect(try await server.get("/api/campaigns/\(campaignId)", token: token).status == 404)
            let after = try #require(try await server.get("/_reach/clock", token: admin).json["now"]?.stringValue)
            #expect(after.prefix(13) == before.prefix(13), "the clock is back: \(before) → \(after)")
            #expect(try await server.post("/_reach/snapshots/nothing/restore", token: admin).status == 404)
            #expect(try await server.send("DELETE", "/_reach/snapshots/clean", token: admin).json["deleted"] == true)
            #expect(try await server.post("/_reach/snapshots/clean/restore", token: admin).status == 404)

            #expect(try await server.post("/_reach/reset", token: admin).status == 200)
            #expect(try await server.get("/api/onboarding/status", token: token).status == 404, "no users after a reset")
            #expect(try await server.get("/api/plans", token: token).json["plans"]?.arrayValue?.count == 3, "the plans stay")
            #expect(try await server.get("/api/campaigns", token: admin).status == 200, "tokens issued before stay valid")
        }
    }

    @Test("the routes refuse a non-admin, bad input and a clock going back; work runs what is due")
    func refusals() async throws {
        try await ReachTestServer.withServer { server in
            let token = try await server.createUser("user_plain")
            #expect(try await server.get("/_reach/clock", token: token).status == 403)
            #expect(try await server.get("/_reach/clock").status == 401)
            let admin = server.adminToken
            #expect(try await server.post("/_reach/clock", token: admin, ["advance": "soon"]).status == 400)
            #expect(try await server.post("/_reach/clock", token: admin, ["advance": "1d", "set": "2030-01-01T00:00:00Z"]).status == 400)
            let back = try await server.post("/_reach/clock", token: admin, ["set": "2020-01-01T00:00:00Z"])
            #expect(back.status == 400 && back.json["error"]?.stringValue?.contains("only moves forward") == true)
            #expect(try await server.post("/_reach/users", token: admin, ["userId": "has space"]).status == 400)
            #expect(try await server.post("/_reach/users", token: admin, ["userId": "u2", "plan": "gold"]).status == 400)
            #expect(try await server.post("/_reach/snapshots", token: admin, ["name": "../x"]).status == 400)
            #expect(try await server.get("/_reach/emails?type=nope", token: admin).status == 400)
            let work = try await server.post("/_reach/work", token: admin)
            #expect(work.status == 200 && work.json["pending"]?.intValue != nil && work.json["ran"]?.intValue != nil)
            let openapi = try await server.get("/openapi.json")
            #expect(openapi.json["paths"]?["/_reach/clock"]?["post"]?["tags"] == ["test-mode"])
        }
    }

    @Test("the file keeps the clock: a backend opened again goes on from it; a restore and a reset bring it back")
    func clockKeptInTheFile() async throws {
        let database = try ReachDatabase.temporary()
        func backend() async throws -> TestBackend {
            let clock = ShiftableClock()
            return try await TestBackend(app: try await ReachApp(database: database, clock: clock), clock: clock,
                                         handlers: MaintenanceHandlers.all)
        }
        let first = try await backend()
        #expect(first.clock.shift == 0)
        _ = try await first.snapshot("start")
        let moved = try await first.moveClock(to: Date().addingTimeInterval(8 * 86_400)).now
        let again = try await backend()
        #expect(abs(again.now().timeIntervalSince(moved)) < 5, "a restart goes on from \(moved): \(again.now())")
        _ = try await first.restore("start")
        #expect(first.clock.shift < 5, "the snapshot's clock: \(first.clock.shift)")
        _ = try await first.moveClock(to: Date().addingTimeInterval(86_400))
        _ = try await first.reset()
        let reopened = try await backend()
        #expect(first.clock.shift == 0 && reopened.clock.shift == 0)
    }

    @Test("a search a test starts finishes with one call of /_reach/work, and work due later (trial e-mails) waits for the clock")
    func workFinishesSearches() async throws {
        try await ReachTestServer.withServer { server in
            // Given a user with a TikTok search of 100, whose pages wait for the platform's continuation delay
            let token = try await server.createUser("user_work", plan: .glowUp)
            let campaign = try await server.post("/api/campaigns", token: token, ["name": "Work"])
            let started = try await server.post("/api/scraping/tiktok", token: token, [
                "keywords": ["yoga"], "targetResults": 100, "campaignId": campaign.json["id"] ?? .null])
            let jobId = try #require(started.json["jobId"]?.stringValue)
            // When the test asks for the work, without moving the clock
            let worked = try await server.post("/_reach/work", token: server.adminToken)
            // Then the search is done, and the trial's e-mails due in days are still scheduled
            #expect(worked.status == 200 && (worked.json["ran"]?.intValue ?? 0) >= 1, "\(worked.body)")
            let poll = try await server.get("/api/scraping/tiktok?jobId=\(jobId)", token: token)
            #expect(poll.json["status"] == "completed" && poll.json["processedResults"] == 100, "\(poll.body.prefix(300))")
            let emails = try await server.emails(to: "user_work@example.com")
            #expect(!emails.isEmpty && emails.allSatisfy { $0.status != "sent" }, "\(emails.map(\.status))")
        }
    }
}
