import Foundation
import Hummingbird
import ReachCore

/// `/api/scraping/...`: start a search per platform and mode, and poll any of the user's searches.
struct SearchesController {
    let app: ReachApp

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        for route in SearchRoute.allCases {
            group.post(RouterPath(route.path)) { request, context in try await start(request, context: context, route: route) }
            group.get(RouterPath(route.path)) { request, context in try await poll(request, context: context, variant: route.variant) }
        }
    }

    struct StartBody: Decodable {
        var keywords: [String]?
        var username: String?
        var targetResults: Int?
        var campaignId: String?
    }

    func start(_ request: Request, context: AppRequestContext, route: SearchRoute) async throws -> StartAnswer {
        let (platform, type) = (route.platform, route.type)
        let userId = try context.user().userId
        let body = try await request.decode(as: StartBody.self, context: context)
        switch type {
        case .keyword where body.username != nil:
            throw Problem.invalid("username", "this is a keyword search: send keywords (use /api/scraping/\(route.otherMode.path) for accounts)")
        case .similar where body.keywords != nil:
            throw Problem.invalid("keywords", "this is a similar search: send username (use /api/scraping/\(route.otherMode.path) for keywords)")
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
            userId: userId, request: searchRequest, campaignId: campaignId, reusingActive: route.reusesActiveSearch)
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
