import Foundation
import Hummingbird
import ReachCore

/// `/api/admin/events` and `/api/admin/jobs`: the event log and the background job queue.
struct AdminQueueController {
    let app: ReachApp

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("events", use: events)
        group.get("jobs", use: jobs)
        group.post("jobs/{id}/retry", use: retry)
    }

    struct EventsAnswer: ResponseEncodable {
        var events: [Event]
        var nextCursor: String?
    }

    @Sendable func events(_ request: Request, context: AppRequestContext) async throws -> EventsAnswer {
        let query = request.query
        let limit = try query.int("limit", default: 50, range: 1...500)!
        let events = try await app.events.log(
            aggregateId: try query.string("aggregateId", maximum: 200), eventType: try query.string("eventType", maximum: 100),
            after: try query.keysetCursor(), limit: limit + 1)
        let page = Array(events.prefix(limit))
        return EventsAnswer(
            events: page,
            nextCursor: events.count > limit ? page.last.map { KeysetCursor(date: $0.timestamp, id: $0.id).encoded } : nil)
    }

    struct JobsAnswer: ResponseEncodable {
        var jobs: [BackgroundJob]
        var nextCursor: String?
        var counts: [String: Int]
        var oldestPendingAgeSeconds: Double?
    }

    @Sendable func jobs(_ request: Request, context: AppRequestContext) async throws -> JobsAnswer {
        let query = request.query
        let limit = try query.int("limit", default: 50, range: 1...500)!
        let list = try await app.admin.jobs(
            status: try query.value("status", as: BackgroundJobStatus.self), jobType: try query.string("jobType", maximum: 100),
            after: try query.keysetCursor(), limit: limit + 1)
        let page = Array(list.jobs.prefix(limit))
        return JobsAnswer(
            jobs: page,
            nextCursor: list.jobs.count > limit ? page.last.map { KeysetCursor(date: $0.createdAt, id: $0.id).encoded } : nil,
            counts: Dictionary(uniqueKeysWithValues: list.counts.map { ($0.key.rawValue, $0.value) }),
            oldestPendingAgeSeconds: list.oldestPendingAge)
    }

    @Sendable func retry(_ request: Request, context: AppRequestContext) async throws -> BackgroundJob {
        try await app.admin.retryJob(id: try context.uuidParameter(what: "job"), admin: try context.user().userId, events: context.events)
    }
}
