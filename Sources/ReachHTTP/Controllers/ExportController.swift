import Foundation
import Hummingbird
import NIOCore
import ReachCore

/// `GET /api/export/csv?jobId=` or `?campaignId=`: the creators as CSV in the platform's columns
/// (`&format=reach`: Reach's own), streamed a few pages at a time so that a large job never sits in
/// memory. Needs CSV in the plan's export formats.
struct ExportController {
    let app: ReachApp

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("csv", use: csv)
    }

    @Sendable func csv(_ request: Request, context: AppRequestContext) async throws -> Response {
        let userId = try context.user().userId
        let jobId = try request.query.uuid("jobId")
        let campaignId = try request.query.uuid("campaignId")
        guard (jobId == nil) != (campaignId == nil) else { throw Problem.badRequest("give `jobId` or `campaignId`") }
        let reachFormat: Bool
        switch try request.query.string("format", maximum: 20) {
        case nil, "platform": reachFormat = false
        case "reach": reachFormat = true
        default: throw Problem.invalid("format", "use platform (the default) or reach")
        }
        let selection = try await app.searches.exportSelection(userId: userId, jobId: jobId, campaignId: campaignId)
        let layout = campaignId != nil ? PlatformCSV.Layout.campaign : PlatformCSV.Layout(job: selection.jobs[0])
        let searches = app.searches
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: reachFormat ? CSV.line(ReachCSV.header) : CSV.quotedLine(layout.header)))
            for job in selection.jobs {  // in the order they were made, each job's pages in page order
                var after: Int64 = 0
                while true {
                    let batch = try await searches.resultBatch(jobIds: [job.id], after: after, limit: 20)
                    guard let last = batch.last else { break }
                    after = last.position
                    var chunk = ""
                    for (_, result) in batch {
                        for item in result.creatorItems {
                            chunk += reachFormat
                                ? CSV.line(ReachCSV.row(item, result: result))
                                : CSV.quotedLine(PlatformCSV.row(item, job: job, layout: layout))
                        }
                    }
                    try await writer.write(ByteBuffer(string: chunk))
                }
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8",
                      .contentDisposition: "attachment; filename=\"\(selection.fileName)\""],
            body: body)
    }
}
