import Foundation
import Hummingbird
import NIOCore
import ReachCore
import ReachStore

/// `GET /api/export/csv?jobId=` or `?campaignId=`: the creators as RFC 4180 CSV, streamed a few
/// pages at a time so that a large job never sits in memory. Needs CSV in the plan's export formats.
struct ExportController {
    let database: ReachDatabase

    static let header = [
        "platform", "handle", "name", "followers", "verified", "emails", "bio", "profile_url", "avatar_url",
        "video_url", "video_description", "views", "likes", "comments", "shares", "job_id", "found_at",
    ]

    func addRoutes(to routes: Routes) {
        routes.get("/csv") { request, context in
            let userId = try context.user().userId
            let query = QueryParameters(request.uri.query)
            let jobId = try query.uuid("jobId")
            let campaignId = try query.uuid("campaignId")
            guard (jobId == nil) != (campaignId == nil) else {
                throw Problem.badRequest("give `jobId` or `campaignId`")
            }
            let (jobIds, name) = try await database.reader.read { db -> ([UUID], String) in
                guard let profile = try UserProfile.fetchOne(db, userId: userId) else { throw ReachError.notFound("profile of \(userId)") }
                let limits = try Plans.effectiveLimits(db, profile: profile)
                guard limits.exportFormats.contains("CSV") else {
                    throw ReachError.planLimitExceeded(PlanLimitExceeded(
                        message: "CSV export is not part of your plan. Upgrade to export creators.", currentUsage: 0, limit: 0,
                        recommendedPlan: try Plans.recommendedPlan(db, above: profile.currentPlan ?? .free)))
                }
                if let jobId {
                    _ = try Searches.owned(db, id: jobId, userId: userId)
                    return ([jobId], "job-\(jobId.lowercased)")
                }
                let campaign = try Campaigns.owned(db, id: campaignId!, userId: userId)
                return (try ScrapingJob.fetchIds(db, campaignId: campaign.id), "campaign-\(campaign.id.lowercased)")
            }
            let body = ResponseBody { writer in
                try await writer.write(ByteBuffer(string: CSV.line(Self.header)))
                var after: Int64 = 0
                while true {
                    let position = after
                    let batch = try await database.reader.read { db in
                        try ScrapingResult.fetchBatch(db, jobIds: jobIds, afterRowID: position, limit: 20)
                    }
                    guard let last = batch.last else { break }
                    after = last.0
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
                          .contentDisposition: "attachment; filename=\"creators-\(name).csv\""],
                body: body)
        }
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

/// RFC 4180 CSV, with cells neutralised against formula injection.
enum CSV {
    static func line(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    /// A cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR) gets a
    /// leading `'`; a cell with a comma, quote or line break is quoted, quotes doubled.
    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            text = "'" + text
        }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}
