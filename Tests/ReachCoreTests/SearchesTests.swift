import Foundation
import Testing
import ReachCore

@Suite("Searches service")
struct SearchesTests {
    static let yoga = SearchRequest(platform: .instagram, keywords: ["yoga"], username: nil, targetResults: 20)

    @Test("a search starts pending with its first step queued, and activates a draft campaign")
    func start() async throws {
        let app = try await makeApp()
        try await onboardedUser(app)
        let campaign = try await app.campaigns.create(userId: "user_a", name: "A", description: nil, searchType: .keyword)
        let job = try await app.searches.start(userId: "user_a", request: Self.yoga, campaignId: campaign.id)
        #expect(job.status == .pending)
        #expect(job.campaignId == campaign.id)
        #expect(job.timeoutAt != nil)
        let steps = try await app.admin.jobs(status: .pending, jobType: SearchStepJob.jobType, after: nil, limit: 10).jobs
        #expect(steps.count == 1)
        #expect(steps.first?.id.uuidString.lowercased() == job.qstashMessageId)
        #expect(try await app.campaigns.detail(id: campaign.id, userId: "user_a").campaign.status == .active)
    }

    @Test("a step runs pending → processing → completed, storing each page once")
    func steps() async throws {
        let app = try await makeApp()
        try await onboardedUser(app)
        let job = try await app.searches.start(userId: "user_a", request: Self.yoga, campaignId: nil)
        guard case .fetch(let running) = try await app.searches.beginStep(jobId: job.id, cursor: 0) else {
            Issue.record("the first step fetches nothing"); return
        }
        #expect(running.job.status == .processing)
        let items: [JSONValue] = (0..<12).map { ["username": .string("creator\($0)")] }
        try await app.searches.recordPage(jobId: job.id, cursor: 0, items: items, nextCursor: 12)
        try await app.searches.recordPage(jobId: job.id, cursor: 0, items: items, nextCursor: 12)  // a re-run step
        #expect(try await app.searches.beginStep(jobId: job.id, cursor: 0) == .nothing, "stale cursor")
        _ = try await app.searches.beginStep(jobId: job.id, cursor: 12)
        // Three repeat creators of page 1 (any case, with @): each creator is stored once per search.
        let second: [JSONValue] = ["@Creator0", "creator1", "CREATOR2"].map { ["username": .string($0)] }
            + (12..<24).map { ["username": .string("creator\($0)")] }
        try await app.searches.recordPage(jobId: job.id, cursor: 12, items: second, nextCursor: 24)
        let detail = try await app.searches.detail(id: job.id, userId: "user_a")
        #expect(detail.job.status == .completed)
        #expect(detail.job.processedResults == 20, "kept up to the target")
        let names = detail.mergedResults.first?.creatorItems.compactMap { $0["username"]?.stringValue } ?? []
        #expect(names == (0..<20).map { "creator\($0)" }, "repeats dropped, page order kept")
        #expect(detail.results.count == 2)
        guard case .notAllowedNow(_, "Cannot cancel completed or failed jobs") = await reachError({
            try await app.searches.cancel(id: job.id, userId: "user_a")
        }) else {
            Issue.record("a completed search was cancelled"); return
        }
    }

    @Test("a request's keywords, username and target are checked", arguments: [
        (["yoga"], "@someone", 20, "keywords"), ([], nil, 20, "keywords"), (["  "], "  ", 20, "keywords"),
        (Array(repeating: "k", count: 21), nil, 20, "keywords"), (["yoga"], nil, 0, "targetResults"),
        (["yoga"], nil, 1_001, "targetResults"), (nil, "two words", 20, "username"),
    ] as [([String]?, String?, Int, String)])
    func validation(_ keywords: [String]?, _ username: String?, _ target: Int, _ field: String) {
        let error = #expect(throws: ReachError.self) {
            try Searches.validate(platform: .instagram, keywords: keywords, username: username, targetResults: target)
        }
        guard case .invalid(let named, _) = error else { Issue.record("not invalid: \(String(describing: error))"); return }
        #expect(named == field)
    }

    @Test("TikTok keyword targets are 100, 500 or 1000; the default fills in")
    func targets() throws {
        #expect(throws: ReachError.self) {
            try Searches.validate(platform: .tiktok, keywords: ["yoga"], username: nil, targetResults: 200)
        }
        #expect(try Searches.validate(platform: .tiktok, keywords: ["yoga"], username: nil, targetResults: nil).targetResults == 1000)
        let similar = try Searches.validate(platform: .youtube, keywords: nil, username: "@channel", targetResults: nil)
        #expect(similar.username == "channel")
        #expect(similar.searchType == .similar)
    }

    @Test("over the plan's creators, into another's campaign, or without a profile: refused, nothing queued")
    func refusals() async throws {
        let app = try await makeApp()
        try await newUser(app, "user_free")
        try await onboardedUser(app, "user_a")
        try await onboardedUser(app, "user_b")
        let theirs = try await app.campaigns.create(userId: "user_b", name: "B", description: nil, searchType: .keyword)
        guard case .planLimitExceeded = await reachError({
            try await app.searches.start(userId: "user_free", request: Self.yoga, campaignId: nil)
        }) else { Issue.record("a free user searched"); return }
        let large = SearchRequest(platform: .tiktok, keywords: ["yoga"], username: nil, targetResults: 1_001)
        guard case .planLimitExceeded = await reachError({
            try await app.searches.start(userId: "user_a", request: large, campaignId: nil)
        }) else { Issue.record("past glow_up's 1000 creators"); return }
        guard case .notFound = await reachError({
            try await app.searches.start(userId: "user_a", request: Self.yoga, campaignId: theirs.id)
        }) else { Issue.record("a search into another user's campaign"); return }
        guard case .notFound = await reachError({
            try await app.searches.start(userId: "user_nobody", request: Self.yoga, campaignId: nil)
        }) else { Issue.record("a search without a profile"); return }
        #expect(try await app.admin.jobs(status: nil, jobType: SearchStepJob.jobType, after: nil, limit: 10).jobs.isEmpty)
    }

    @Test("cancelling: the owner's pending search is cancelled; another user's is not found")
    func cancel() async throws {
        let app = try await makeApp()
        try await onboardedUser(app, "user_a")
        try await onboardedUser(app, "user_b")
        let job = try await app.searches.start(userId: "user_a", request: Self.yoga, campaignId: nil)
        guard case .notFound = await reachError({ try await app.searches.cancel(id: job.id, userId: "user_b") }) else {
            Issue.record("user_b cancelled user_a's search"); return
        }
        #expect(try await app.searches.cancel(id: job.id, userId: "user_a").status == .cancelled)
        #expect(try await app.searches.beginStep(jobId: job.id, cursor: 0) == .nothing)
    }

    @Test("a search past its timeout times out, at its next step or by the recurring sweep")
    func timeout() async throws {
        let clock = ManualClock()
        let app = try await makeApp(clock: clock)
        try await onboardedUser(app)
        let swept = try await app.searches.start(userId: "user_a", request: Self.yoga, campaignId: nil)
        let stepped = try await app.searches.start(userId: "user_a", request: Self.yoga, campaignId: nil)
        #expect(try await app.searches.timeOutExpired() == 0)
        clock.advance(by: try await app.configuration.seconds(.standardJobTimeout) + 1)
        #expect(try await app.searches.beginStep(jobId: stepped.id, cursor: 0) == .nothing)
        #expect(try await app.searches.timeOutExpired() == 1)
        #expect(try await app.searches.job(id: swept.id, userId: "user_a").status == .timeout)
        #expect(try await app.searches.job(id: stepped.id, userId: "user_a").status == .timeout)
    }

    @Test("a failure ends the search in error with its message; a final search keeps its state")
    func failure() async throws {
        let app = try await makeApp()
        try await onboardedUser(app)
        let job = try await app.searches.start(userId: "user_a", request: Self.yoga, campaignId: nil)
        try await app.searches.recordFailure(jobId: job.id, message: "the provider refused the key")
        try await app.searches.recordFailure(jobId: job.id, message: "a second message")
        let failed = try await app.searches.job(id: job.id, userId: "user_a")
        #expect(failed.status == .error)
        #expect(failed.error == "the provider refused the key")
    }
}
