import Foundation
import Testing
import ReachCore

@Suite("Admin service")
struct AdminTests {
    @Test("promoting by user id or e-mail gives admin rights; an unknown id gets a profile, an unknown address is not found")
    func promote() async throws {
        let app = try await makeApp()
        try await newUser(app, "user_boss")
        try await newUser(app, "user_a", email: "ada@example.com")
        let promoted = try await app.admin.promote(userId: nil, email: "ada@example.com", admin: "user_boss", events: EventContext())
        #expect(promoted.userId == "user_a")
        #expect(promoted.isAdmin == true)
        let detail = try await app.admin.user("user_a")
        #expect(detail.profile.isAdmin == true)
        let created = try await app.admin.promote(userId: "user_new", email: nil, admin: "user_boss", events: EventContext())
        #expect(created.isAdmin == true && created.currentPlan == .free, "a user id without a profile gets one, as on the platform")
        guard case .notFound = await reachError({
            try await app.admin.promote(userId: nil, email: "nobody@example.com", admin: "user_boss", events: EventContext())
        }) else { Issue.record("promoted an address nobody has"); return }
    }

    @Test("setting a plan copies its limits; changing a plan pushes them to its users")
    func plans() async throws {
        let app = try await makeApp()
        try await newUser(app)
        let onPlan = try await app.admin.setPlan(userId: "user_a", plan: .viralSurge, admin: "user_boss", events: EventContext())
        #expect(onPlan.planCampaignsLimit == 10)
        #expect(try await app.accounts.usage(userId: "user_a").campaigns.limit == 10)
        let change = try await app.admin.updatePlan(
            key: "viral_surge", change: .init(campaignsLimit: 12), admin: "user_boss", events: EventContext())
        #expect(change.plan.campaignsLimit == 12)
        #expect(change.usersUpdated == 1)
        #expect(try await app.accounts.profile(userId: "user_a").planCampaignsLimit == 12)
        guard case .notFound = await reachError({
            try await app.admin.updatePlan(key: "no_such_plan", change: .init(campaignsLimit: 1), admin: "user_boss",
                                           events: EventContext())
        }) else { Issue.record("changed a plan that does not exist"); return }
    }

    @Test("a job is cancelled while pending and retried once cancelled; other moves are conflicts")
    func jobs() async throws {
        let app = try await makeApp()
        try await onboardedUser(app)
        _ = try await app.searches.start(userId: "user_a", request: SearchesTests.yoga, campaignId: nil)
        let step = try #require(try await app.admin.jobs(status: .pending, jobType: nil, after: nil, limit: 10).jobs
            .first { $0.jobType == SearchStepJob.jobType })
        guard case .conflict = await reachError({ try await app.admin.retryJob(id: step.id, admin: "user_boss", events: EventContext()) })
        else { Issue.record("retried a pending job"); return }
        #expect(try await app.admin.cancelJob(id: step.id).status == .cancelled)
        guard case .conflict = await reachError({ try await app.admin.cancelJob(id: step.id) }) else {
            Issue.record("cancelled a job twice"); return
        }
        #expect(try await app.admin.retryJob(id: step.id, admin: "user_boss", events: EventContext()).status == .pending)
        guard case .notFound = await reachError({ try await app.admin.cancelJob(id: UUID()) }) else {
            Issue.record("cancelled a job that does not exist"); return
        }
        let listed = try await app.admin.jobs(status: nil, jobType: nil, after: nil, limit: 10)
        #expect(listed.counts[.pending] == listed.jobs.filter { $0.status == .pending }.count)
    }

    @Test("cancelling a search's queue job cancels the search, in the same step; cancelling the search cancels its jobs")
    func cancelStepCancelsSearch() async throws {
        let app = try await makeApp()
        try await onboardedUser(app)
        let search = try await app.searches.start(userId: "user_a", request: SearchesTests.yoga, campaignId: nil)
        let step = try #require(try await app.admin.jobs(status: .pending, jobType: SearchStepJob.jobType, after: nil, limit: 10).jobs.first)
        _ = try await app.admin.cancelJob(id: step.id)
        #expect(try await app.searches.find(id: search.id).status == .cancelled, "not left pending forever")

        let other = try await app.searches.start(userId: "user_a", request: SearchesTests.yoga, campaignId: nil)
        _ = try await app.searches.cancel(id: other.id, userId: nil)
        let pending = try await app.admin.jobs(status: .pending, jobType: SearchStepJob.jobType, after: nil, limit: 10).jobs
        #expect(pending.isEmpty, "no step of a cancelled search waits: \(pending.map(\.payload))")
    }
}
