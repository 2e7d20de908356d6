import Foundation
import Hummingbird
import NIOCore
import ReachCore
import ServiceLifecycle

/// `/api/jobs/{id}`: a search by id, its cancellation, and its live progress.
struct JobsController {
    let app: ReachApp

    /// How long a progress stream stays open at most.
    static let streamLimit: Duration = .seconds(30 * 60)

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("{id}", use: job)
        group.delete("{id}", use: cancel)
        group.get("{id}/events", use: events)
    }

    /// The job's fields and its results, merged into one entry.
    @Sendable func job(_ request: Request, context: AppRequestContext) async throws -> JobWithResults {
        JobWithResults(try await app.searches.detail(id: try context.uuidParameter(what: "job"), userId: try context.user().userId))
    }

    struct CancelAnswer: ResponseEncodable {
        var message: String
        var job: ScrapingJob
    }

    @Sendable func cancel(_ request: Request, context: AppRequestContext) async throws -> CancelAnswer {
        let job = try await app.searches.cancel(id: try context.uuidParameter(what: "job"), userId: try context.user().userId)
        return CancelAnswer(message: "Job cancelled successfully", job: job)
    }

    @Sendable func events(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.uuidParameter(what: "job")
        _ = try await app.searches.job(id: id, userId: try context.user().userId)
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                        body: progressStream(id))
    }

    /// Server-Sent Events: a `progress` event at each change of the job, then `done` at a final
    /// status; a comment every 15 s keeps proxies from closing the stream. A graceful shutdown
    /// ends the stream with a `shutdown` event (the client reconnects to another server, or later).
    func progressStream(_ id: UUID) -> ResponseBody {
        let updates = app.searches.progressUpdates(id: id)
        return ResponseBody { writer in
            let (events, continuation) = AsyncStream<ByteBuffer>.makeStream()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await progress in updates {
                        let data = String(decoding: try WireEncoder.encode(progress), as: UTF8.self)
                        continuation.yield(ByteBuffer(string: "event: progress\ndata: \(data)\n\n"))
                        if progress.status.isFinal { continuation.yield(ByteBuffer(string: "event: done\ndata: \(data)\n\n")) }
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
                group.addTask {
                    try await gracefulShutdown()
                    continuation.yield(ByteBuffer(string: "event: shutdown\ndata: {\"reason\":\"the server is shutting down\"}\n\n"))
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
