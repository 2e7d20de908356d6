import Foundation
import Hummingbird
import NIOCore
import ReachCore

/// `GET /api/export/csv?jobId=` or `?campaignId=`: the creators as RFC 4180 CSV, streamed a few
/// pages at a time so that a large job never sits in memory. Needs CSV in the plan's export formats.
struct ExportController {
    let app: ReachApp

    static let header = [
        "platform", "handle", "name", "followers", "verified", "emails", "bio", "profile_url", "avatar_url",
        "video_url", "video_description", "views", "likes", "comments", "shares", "job_id", "found_at",
    ]

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("csv", use: csv)
    }

    @Sendable func csv(_ request: Request, context: AppRequestContext) async throws -> Response {
        let userId = try context.user().userId
        let jobId = try request.query.uuid("jobId")
        let campaignId = try request.query.uuid("campaignId")
        guard (jobId == nil) != (campaignId == nil) else { throw Problem.badRequest("give `jobId` or `campaignId`") }
        let selection = try await app.searches.exportSelection(userId: userId, jobId: jobId, campaignId: campaignId)
        let jobIds = selection.jobs.map(\.id)
        let searches = app.searches
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: CSV.line(Self.header)))
            var after: Int64 = 0
            while true {
                let batch = try await searches.resultBatch(jobIds: jobIds, after: after, limit: 20)
                guard let last = batch.last else { break }
                after = last.position
                var chunk = ""
                for (_, result) in batch {
                    for item in result.creatorItems { chunk += CSV.line(Self.row(item, result: result)) }
                }
                try await writer.write(ByteBuffer(string: chunk))
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8",
                      .contentDisposition: "attachment; filename=\"creators-\(selection.name).csv\""],
            body: body)
    }

    /// One creator item, in either shape, as a CSV row.
    static func row(_ item: JSONValue, result: ScrapingResult) -> [String] {
        let creator = item["creator"]
        func text(_ values: JSONValue?...) -> String {
            for value in values {
                switch value {
                case .string(let text)?: return text
                case .int(let number)?: return String(number)
                case .double(let number)?: return String(number)
                case .bool(let flag)?: return flag ? "true" : "false"
                default: continue
                }
            }
            return ""
        }
        let emails = (creator?["emails"] ?? item["emails"])?.arrayValue?.compactMap(\.stringValue) ?? []
        let statistics = item["video"]?["statistics"]
        return [
            text(item["platform"]),
            text(creator?["uniqueId"], creator?["username"], item["username"], creator?["handle"], creator?["channelId"]),
            text(creator?["name"], item["full_name"]),
            text(creator?["followers"], item["followers_count"], item["followerCount"], item["subscriberCount"]),
            text(creator?["verified"], item["is_verified"]),
            emails.joined(separator: "; "),
            text(creator?["bio"], item["bio"]),
            text(item["profileUrl"]),
            text(creator?["avatarUrl"], item["profile_pic_url"]),
            text(item["video"]?["url"]),
            text(item["video"]?["description"]),
            text(statistics?["views"]), text(statistics?["likes"]), text(statistics?["comments"]), text(statistics?["shares"]),
            result.jobId?.lowercased ?? "",
            WireFormat.timestamp(result.createdAt),
        ]
    }
}

