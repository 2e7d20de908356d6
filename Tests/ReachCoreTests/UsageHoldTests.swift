import Foundation
import GRDB
import Testing
import ReachCore

/// The plan's creator limit counts what searches still running may add (a fix: the platform
/// counted completed searches only), and length limits count what PostgreSQL counts.
@Suite("Usage held by running searches, and length limits")
struct UsageHoldTests {
    static func search(_ target: Int) -> SearchRequest {
        SearchRequest(platform: .tiktok, keywords: ["yoga"], username: nil, targetResults: target)
    }

    @Test("at 380 of 1,000, searches of 100 start one after another until the seventh, which is refused")
    func oneAfterAnother() async throws {
        // Given a glow_up user (1,000 creators a month) who has used 380
        let app = try await makeApp()
        try await onboardedUser(app, plan: .glowUp)
        try await app.database.writer.write { db in
            try db.execute(sql: "UPDATE user_profiles SET usage_creators_current_month = 380 WHERE user_id = 'user_a'")
        }
        // When searches of 100 start while none has finished
        var started = 0
        var refusal: ReachError?
        for _ in 0..<10 {
            if let error = await reachError({ try await app.searches.start(userId: "user_a", request: Self.search(100), campaignId: nil) }) {
                refusal = error
                break
            }
            started += 1
        }
        // Then six start (380 + 600 = 980) and the seventh is refused, saying what holds the rest
        #expect(started == 6)
        guard case .planLimitExceeded(let details) = refusal else { Issue.record("no plan refusal: \(String(describing: refusal))"); return }
        #expect(details.currentUsage == 980 && details.limit == 1_000)
        #expect(details.message.contains("600 held by searches still running"), "\(details.message)")
    }

    @Test("thirty searches of 1,000 started at once: one starts, twenty-nine are refused")
    func atOnce() async throws {
        let app = try await makeApp()
        try await onboardedUser(app, plan: .glowUp)
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<30 {
                group.addTask { (try? await app.searches.start(userId: "user_a", request: Self.search(1_000), campaignId: nil)) != nil }
            }
            var started = 0
            for await ok in group where ok { started += 1 }
            return started
        }
        #expect(outcomes == 1)
    }

    @Test("a name of one letter and 100,000 combining marks is over the 200-character limit, as PostgreSQL counts")
    func combiningMarks() async throws {
        let app = try await makeApp()
        try await onboardedUser(app)
        let heavy = "e" + String(repeating: "\u{301}", count: 100_000)
        #expect(heavy.count == 1, "one grapheme cluster")
        guard case .invalid(let field, _) = await reachError({
            try await app.campaigns.create(userId: "user_a", name: heavy, description: nil, searchType: .keyword)
        }) else { Issue.record("accepted"); return }
        #expect(field == "name")
        let fine = "é" + String(repeating: "\u{301}", count: 198)
        #expect(try await app.campaigns.create(userId: "user_a", name: fine, description: nil, searchType: .keyword).name == fine)
        #expect(throws: ReachError.self, "a keyword of 101 scalars") {
            try Searches.validate(platform: .tiktok, keywords: ["y" + String(repeating: "\u{301}", count: 100)], username: nil, targetResults: 100)
        }
    }
}
