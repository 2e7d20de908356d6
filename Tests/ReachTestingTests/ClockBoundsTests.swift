import Foundation
import ReachCore
import ReachJobs
import ReachTesting
import Testing

/// The test clock against the ends of time: no date it is given or reaches can be stored past
/// 9999-12-31, impossible dates are refused, a long move costs what is due, and the kit's tokens
/// outlive every move.
@Suite("The test clock's bounds")
struct ClockBoundsTests {
    @Test("dates past the clock's reach, impossible dates and moves over 100 years are 400s, and the server goes on",
          arguments: [
            ["set": "9999-12-31T23:00:00Z"], ["set": "10000-01-01T00:00:00Z"], ["set": "2027-02-30T00:00:00Z"],
            ["set": "2027-04-31T00:00:00Z"], ["set": "2027-13-01T00:00:00Z"], ["set": "2027-01-01T24:00:00Z"],
            ["advance": "36501d"], ["advance": "99999999999d"], ["set": "not a date"],
          ] as [JSONValue])
    func refusedMoves(_ move: JSONValue) async throws {
        try await ReachTestServer.withServer { server in
            let answer = try await server.post("/_reach/clock", token: server.adminToken, move)
            #expect(answer.status == 400, "\(move): \(answer.body)")
            #expect(answer.json["code"]?.stringValue == "invalid_field", "\(answer.body)")
            let after = try await server.get("/_reach/clock", token: server.adminToken)
            let now = try #require(after.json["now"]?.stringValue.flatMap(WireFormat.parseTimestamp))
            #expect(after.status == 200 && abs(now.timeIntervalSinceNow) < 60, "the clock did not move: \(now)")
            #expect(try await server.get("/healthz").status == 200)
        }
    }

    @Test("the clock goes up to a year before 9999-12-31, and everything it schedules on the way stays storable")
    func upToTheLatest() async throws {
        try await ReachTestServer.withServer { server in
            // Given a user in trial, with work due ahead
            let token = try await server.createUser("user_far", plan: .glowUp)
            // When the clock goes as far as it goes, in moves of 100 years
            let latest = WireFormat.timestamp(TestKitInput.latestClock)
            var moved = 0
            while try await server.get("/_reach/clock", token: server.adminToken).json["now"]?.stringValue ?? "" < "9900" {
                let step = try await server.post("/_reach/clock", token: server.adminToken, ["advance": "36500d"])
                #expect(step.status == 200, "\(step.body)")
                moved += 1
                guard moved < 100 else { break }
            }
            let last = try await server.post("/_reach/clock", token: server.adminToken, ["set": .string(latest)])
            // Then it got there, the server answers, the test kit's tokens still work, nothing unreadable was stored
            #expect(last.status == 200 && (last.json["now"]?.stringValue ?? "") >= latest, "\(last.body)")
            #expect(try await server.get("/api/billing/status", token: token).status == 200)
            #expect(try await server.get("/_reach/emails", token: server.adminToken).status == 200)
            let report = try server.app.maintenance.doctor()
            #expect(report.unreadable.isEmpty, "\(report.unreadable)")
            #expect(try await server.post("/_reach/clock", token: server.adminToken, ["advance": "1h"]).status == 400)
        }
    }

    @Test("a ten-year move with many users costs what is due, not a step per month per user: usage resets land in the last month")
    func longMoveCostsWhatIsDue() async throws {
        try await ReachTestServer.withServer { server in
            for index in 0..<40 { _ = try await server.createUser("user_\(index)", plan: .glowUp) }
            let moved = try await server.post("/_reach/clock", token: server.adminToken, ["advance": "3650d"])
            #expect(moved.status == 200)
            let now = try #require(moved.json["now"]?.stringValue.flatMap(WireFormat.parseTimestamp))
            for index in 0..<40 {
                let profile = try await server.app.accounts.profile(userId: "user_\(index)")
                let reset = try #require(profile.usageResetDate)
                #expect(now.timeIntervalSince(reset) <= 31 * 86_400 && now >= reset, "\(profile.userId): \(reset) for \(now)")
            }
        }
    }

    @Test("snapshots are capped: past the count a clear refusal, and a deleted snapshot frees its room")
    func snapshotCap() async throws {
        try await ReachTestServer.withServer { server in
            let limit = TestBackend.snapshotLimit.count
            for index in 0..<limit {
                #expect(try await server.post("/_reach/snapshots", token: server.adminToken, ["name": .string("s\(index)")]).status == 200)
            }
            let refused = try await server.post("/_reach/snapshots", token: server.adminToken, ["name": "one_too_many"])
            #expect(refused.status == 400 && refused.body.contains("delete one first"), "\(refused.body)")
            #expect(try await server.send("DELETE", "/_reach/snapshots/s0", token: server.adminToken).status == 200)
            #expect(try await server.post("/_reach/snapshots", token: server.adminToken, ["name": "one_too_many"]).status == 200)
            #expect(try await server.post("/_reach/snapshots", token: server.adminToken, ["name": "s1"]).status == 200, "replacing is no new one")
        }
    }
}
