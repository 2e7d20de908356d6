import Foundation
import GRDB
import ReachStore

/// What admins do: find users, change their rights and plans, edit plans, watch the job queue.
/// Each change is recorded as an `admin_action` event naming the admin.
public struct Admin: Sendable {
    let context: AppContext

    public init(_ context: AppContext) {
        self.context = context
    }

    /// Admin user search: a `user_id` prefix, or a substring of full name, name, e-mail, business or
    /// company, any case; newest first. Empty text lists the newest users.
    public func searchUsers(_ text: String, limit: Int) async throws -> [UserMatch] {
        let now = context.now()
        return try await context.read { db in
            let found = try UserSearch.search(db, query: text, limit: limit)
            guard !text.isEmpty else { return found.map { UserMatch($0, now: now) } }
            let byId = try UserProfile.fetchAll(db, userIdPrefix: text, limit: limit)
            var seen = Set<String>()
            return (found + byId).filter { seen.insert($0.userId).inserted }
                .sorted { ($0.createdAt, $0.userId) > ($1.createdAt, $1.userId) }.prefix(limit).map { UserMatch($0, now: now) }
        }
    }

    /// Users whose id starts with `prefix`, newest first (the platform's cached admin search).
    public func usersByIdPrefix(_ prefix: String, limit: Int) async throws -> [UserMatch] {
        let now = context.now()
        return try await context.read { db in
            try UserProfile.fetchAll(db, userIdPrefix: prefix, limit: limit).map { UserMatch($0, now: now) }
        }
    }

    /// A user's billing state, as the admin pages read it (no profile is created here).
    public func billing(userId: String) async throws -> AccountStatus.Billing {
        let now = context.now()
        return try await context.read { db in try AccountStatus.billing(db, userId: userId, now: now) }
    }

    /// A user's profile, event timeline, campaign count and latest searches.
    public func user(_ userId: String) async throws -> UserDetail {
        try await context.read { db in
            guard let profile = try UserProfile.fetchOne(db, userId: userId) else { throw ReachError.notFound("user \(userId)") }
            return UserDetail(
                profile: profile, events: try Event.fetchLog(db, aggregateId: userId, limit: 200),
                campaigns: try Campaign.fetchPage(db, userId: userId, page: 1, limit: 1).total,
                searches: try ScrapingJob.fetchPage(db, userId: userId, limit: 20))
        }
    }

    public struct UserDetail: Sendable, Encodable {
        public var profile: UserProfile
        public var events: [Event]
        public var campaigns: Int
        public var searches: [ScrapingJob]
    }

    /// Gives a user admin rights, by user id or e-mail.
    public func promote(userId: String?, email: String?, admin: String, events: EventContext) async throws -> UserProfile {
        let now = context.now()
        return try await context.write { db in
            try AdminUsers.promote(db, userId: userId, email: email, admin: admin, now: now, context: events)
        }
    }

    /// Puts a user on a plan, limits and features copied.
    public func setPlan(userId: String, plan: PlanKey, admin: String, events: EventContext) async throws -> UserProfile {
        let now = context.now()
        return try await context.write { db in
            try AdminUsers.setPlan(db, userId: userId, plan: plan, admin: admin, now: now, context: events)
        }
    }

    /// Every plan, active or not, in their order.
    public func plans() async throws -> [SubscriptionPlan] {
        try await context.read { db in try SubscriptionPlan.fetchAllOrdered(db) }
    }

    /// Changes a plan and pushes its limits and features to the users on it.
    public func updatePlan(
        key: String, change: AdminUsers.PlanChange, admin: String, events: EventContext
    ) async throws -> (plan: SubscriptionPlan, usersUpdated: Int) {
        let now = context.now()
        return try await context.write { db in
            try AdminUsers.updatePlan(db, key: key, change: change, admin: admin, now: now, context: events)
        }
    }

    /// A page of background jobs, newest first, and the queue's counts.
    public func jobs(status: BackgroundJobStatus?, jobType: String?, after cursor: KeysetCursor?, limit: Int) async throws -> JobList {
        let before = cursor.map { ($0.date, $0.id) }
        let now = context.clock.now()
        return try await context.read { db in
            let stats = try JobQueue.stats(db, now: now)
            return JobList(
                jobs: try JobQueue.list(db, status: status, jobType: jobType, before: before, limit: limit),
                counts: Dictionary(uniqueKeysWithValues: BackgroundJobStatus.allCases.map { ($0, stats.byStatus[$0] ?? 0) }),
                oldestPendingAge: stats.oldestPending.map { max(0, now.timeIntervalSince($0)) })
        }
    }

    public struct JobList: Sendable {
        public var jobs: [BackgroundJob]
        public var counts: [BackgroundJobStatus: Int]
        /// Seconds the oldest due pending job has waited.
        public var oldestPendingAge: TimeInterval?
    }

    /// Runs a failed or cancelled job again now; recorded when an admin (not the command line) asks.
    public func retryJob(id: UUID, admin: String?, events: EventContext) async throws -> BackgroundJob {
        let now = context.now()
        return try await context.write { db in
            let job = try JobQueue.retry(db, id: id, now: now)
            if let admin {
                try AdminActions.record(db, admin: admin, action: "job_retried", target: id.lowercased,
                                        details: ["jobType": .string(job.jobType)], context: events, now: now)
            }
            return job
        }
    }

    /// Cancels a pending or running job.
    /// Cancels a queue job; a search's step cancels its search too (status `cancelled`, its other
    /// steps cancelled), in the same transaction, so that no search waits for a step that never runs.
    public func cancelJob(id: UUID) async throws -> BackgroundJob {
        let now = context.now()
        return try await context.write { db in
            let job = try JobQueue.cancel(db, id: id, now: now)
            if let step = try? job.parameters(SearchStepJob.self), let search = try ScrapingJob.fetchOne(db, id: step.scrapingJobId),
                !search.status.isFinal
            {
                _ = try Searches.cancel(db, jobId: step.scrapingJobId, userId: nil, now: now)
            }
            return job
        }
    }
}
