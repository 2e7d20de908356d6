import Foundation
import GRDB
import Hummingbird
import NIOCore
import ReachCore
import ReachStore

/// `/api/scraping/...`: start a search per platform and mode, and poll it.
struct SearchesController {
    let database: ReachDatabase
    let clock: any ReachClock

    /// The platform's routes: path, platform, mode.
    static let routes: [(path: String, platform: Platform, type: SearchType)] = [
        ("tiktok", .tiktok, .keyword), ("youtube", .youtube, .keyword), ("instagram-reels", .instagram, .keyword),
        ("tiktok-similar", .tiktok, .similar), ("youtube-similar", .youtube, .similar), ("instagram", .instagram, .similar),
    ]

    struct StartBody: Decodable {
        var keywords: [String]?
        var username: String?
        var targetResults: Int?
        var campaignId: String?
    }

    /// What the frontend polls until a final status.
    struct PollAnswer: Encodable {
        var jobId: UUID
        var status: ScrapingJobStatus
        var platform: Platform
        var processedResults: Int
        var processedRuns: Int
        var targetResults: Int
        var progress: Double
        var error: String?
        var results: [ScrapingResult]
    }

    struct StartAnswer: Encodable {
        var message: String
        var jobId: UUID
        var job: ScrapingJob
    }

    func addRoutes(to routes: Routes) {
        for route in Self.routes {
            routes.post("/\(route.path)") { request, context in
                let userId = try context.user().userId
                let body = try await request.decode(as: StartBody.self, context: context)
                switch route.type {
                case .keyword where body.username != nil:
                    throw Problem.invalid("username", "this is a keyword search: send keywords (use /\(route.path)-similar for accounts)")
                case .similar where body.keywords != nil:
                    throw Problem.invalid("keywords", "this is a similar search: send username")
                default: break
                }
                let searchRequest = try Searches.validate(
                    platform: route.platform, keywords: route.type == .keyword ? (body.keywords ?? []) : nil,
                    username: route.type == .similar ? (body.username ?? "") : nil, targetResults: body.targetResults)
                let campaignId = try body.campaignId.map { text in
                    guard let id = UUID(uuidString: text) else { throw Problem.invalid("campaignId", "must be a UUID") }
                    return id
                }
                let now = clock.nowMilliseconds()
                let job = try await database.writer.write { db in
                    try Searches.start(db, userId: userId, request: searchRequest, campaignId: campaignId, now: now)
                }
                return try json(StartAnswer(message: "Scraping job started successfully", jobId: job.id, job: job))
            }
            routes.get("/\(route.path)") { request, context in
                let userId = try context.user().userId
                guard let jobId = try QueryParameters(request.uri.query).uuid("jobId") else {
                    throw Problem.badRequest("`jobId` is required: the id the POST answered")
                }
                let detail = try await database.reader.read { db -> JobDetail in
                    let job = try Searches.owned(db, id: jobId, userId: userId)
                    guard job.platform == route.platform, job.searchType == route.type else {
                        throw ReachError.notFound("\(route.path) job \(jobId.lowercased)")
                    }
                    return try ScrapingJob.fetchDetail(db, id: jobId)!
                }
                let job = detail.job
                return try json(PollAnswer(
                    jobId: job.id, status: job.status, platform: job.platform, processedResults: job.processedResults,
                    processedRuns: job.processedRuns, targetResults: job.targetResults, progress: job.progress ?? 0,
                    error: job.error, results: detail.results))
            }
        }
    }
}

/// `/api/jobs/{id}`: a search by id, its cancellation, and its live progress.
struct JobsController {
    let database: ReachDatabase
    let clock: any ReachClock

    /// How long a progress stream stays open at most.
    static let streamLimit: Duration = .seconds(30 * 60)

    struct Progress: Encodable, Equatable {
        var jobId: UUID
        var status: ScrapingJobStatus
        var processedResults: Int
        var processedRuns: Int
        var targetResults: Int
        var progress: Double
        var error: String?

        init(_ job: ScrapingJob) {
            jobId = job.id
            status = job.status
            processedResults = job.processedResults
            processedRuns = job.processedRuns
            targetResults = job.targetResults
            progress = job.progress ?? 0
            error = job.error
        }
    }

    func addRoutes(to routes: Routes) {
        // The job's status: the results come with the platform's poll route, or as CSV.
        routes.get("/{id}") { _, context in
            let userId = try context.user().userId
            let id = try context.uuidParameter(what: "job")
            let job = try await database.reader.read { db in try Searches.owned(db, id: id, userId: userId) }
            return try json(job)
        }
        routes.delete("/{id}") { _, context in
            let userId = try context.user().userId
            let id = try context.uuidParameter(what: "job")
            let now = clock.nowMilliseconds()
            let job = try await database.writer.write { db in try Searches.cancel(db, jobId: id, userId: userId, now: now) }
            struct Answer: Encodable { var message: String; var job: ScrapingJob }
            return try json(Answer(message: "Job cancelled", job: job))
        }
        routes.get("/{id}/events") { _, context in
            let userId = try context.user().userId
            let id = try context.uuidParameter(what: "job")
            _ = try await database.reader.read { db in try Searches.owned(db, id: id, userId: userId) }
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                            body: progressStream(id))
        }
    }

    /// Server-Sent Events: a `progress` event at each change of the job, then `done` at a final
    /// status; a comment every 15 s keeps proxies from closing the stream.
    func progressStream(_ id: UUID) -> ResponseBody {
        ResponseBody { writer in
            let (events, continuation) = AsyncStream<ByteBuffer>.makeStream()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    let observation = ValueObservation
                        .tracking { db in try ScrapingJob.fetchOne(db, id: id).map(Progress.init) }
                        .removeDuplicates()
                    for try await progress in observation.values(in: database.reader) {
                        guard let progress else { break }
                        let data = String(decoding: try WireEncoder.encode(progress), as: UTF8.self)
                        continuation.yield(ByteBuffer(string: "event: progress\ndata: \(data)\n\n"))
                        if progress.status.isFinal {
                            continuation.yield(ByteBuffer(string: "event: done\ndata: \(data)\n\n"))
                            break
                        }
                    }
                    continuation.finish()
                }
                group.addTask {
                    while true {
                        try await Task.sleep(for: .seconds(15))
                        continuation.yield(ByteBuffer(string: ": keep-alive\n\n"))
                    }
                }
                group.addTask {
                    try await Task.sleep(for: Self.streamLimit)
                    continuation.finish()
                }
                for await event in events {
                    try await writer.write(event)
                }
                group.cancelAll()
            }
            try await writer.finish(nil)
        }
    }
}
