import Foundation
import Hummingbird
import ReachCore

/// `/api/scraping/...`: start a search per platform and mode, and poll any of the user's searches.
struct SearchesController {
    let app: ReachApp

    /// The platform's routes: path, platform, mode.
    static let routes: [(path: String, platform: Platform, type: SearchType)] = [
        ("tiktok", .tiktok, .keyword), ("youtube", .youtube, .keyword), ("instagram-reels", .instagram, .keyword),
        ("tiktok-similar", .tiktok, .similar), ("youtube-similar", .youtube, .similar), ("instagram", .instagram, .similar),
    ]

    /// Which of the platform's answer shapes a route's poll adds to the common one.
    static func variant(_ path: String) -> PollAnswer.Variant {
        switch path {
        case "instagram-reels": return .reels
        case "tiktok-similar", "youtube-similar": return .similar
        default: return .plain
        }
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        for route in Self.routes {
            group.post(RouterPath(route.path)) { request, context in
                try await start(request, context: context, platform: route.platform, type: route.type, path: route.path)
            }
            group.get(RouterPath(route.path)) { request, context in
                try await poll(request, context: context, variant: Self.variant(route.path))
            }
        }
    }

    struct StartBody: Decodable {
        var keywords: [String]?
        var username: String?
        var targetResults: Int?
        var campaignId: String?
    }

    func start(
        _ request: Request, context: AppRequestContext, platform: Platform, type: SearchType, path: String
    ) async throws -> StartAnswer {
        let userId = try context.user().userId
        let body = try await request.decode(as: StartBody.self, context: context)
        switch type {
        case .keyword where body.username != nil:
            throw Problem.invalid("username", "this is a keyword search: send keywords (use /\(path)-similar for accounts)")
        case .similar where body.keywords != nil:
            throw Problem.invalid("keywords", "this is a similar search: send username")
        default: break
        }
        let searchRequest = try Searches.validate(
            platform: platform, keywords: type == .keyword ? (body.keywords ?? []) : nil,
            username: type == .similar ? (body.username ?? "") : nil, targetResults: body.targetResults)
        guard let campaignText = body.campaignId else {
            throw Problem.badRequest("`campaignId` is required: the campaign this search belongs to")
        }
        guard let campaignId = UUID(uuidString: campaignText) else { throw Problem.invalid("campaignId", "must be a UUID") }
        let job = try await app.searches.start(
            userId: userId, request: searchRequest, campaignId: campaignId, reusingActive: path == "youtube-similar")
        return StartAnswer(job, message: "Scraping job started successfully")
    }

    func poll(_ request: Request, context: AppRequestContext, variant: PollAnswer.Variant) async throws -> PollAnswer {
        let userId = try context.user().userId
        guard let jobId = try request.query.uuid("jobId") else {
            throw Problem.badRequest("`jobId` is required: the id the POST answered")
        }
        return PollAnswer(detail: try await app.searches.detail(id: jobId, userId: userId), variant: variant)
    }
}
