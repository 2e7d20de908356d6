import Foundation
import Hummingbird
import ReachCore

/// `GET /api/creators`: every creator the user's searches found, de-duplicated, searchable.
struct CreatorsController {
    let app: ReachApp

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: search)
    }

    struct Answer: ResponseEncodable {
        var creators: [CreatorRow]
        var nextCursor: String?
        var hasMore: Bool
        /// Only with `total=true`: counting every match costs as much again as the page.
        var total: Int?
    }

    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> Answer {
        let identity = try context.user()
        let query = request.query
        let everyone = try query.bool("allUsers") ?? false
        if everyone && !identity.isAdmin { throw Problem.forbidden("allUsers=true is for admins") }
        var search = CreatorQuery(userId: everyone ? nil : identity.userId)
        search.text = try query.string("q", maximum: 200) ?? ""
        search.platform = try query.value("platform", as: Platform.self)
        search.minFollowers = try query.int("minFollowers", range: 0...Int(Int32.max))
        search.maxFollowers = try query.int("maxFollowers", range: 0...Int(Int32.max))
        search.verified = try query.bool("verified")
        search.hasEmail = try query.bool("hasEmail")
        search.campaignId = try query.uuid("campaignId")
        if let sort = try query.string("sort", maximum: 50) {
            guard let value = CreatorSort(rawValue: sort) else {
                throw Problem.badRequest("`sort` must be one of \(CreatorSort.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            search.sort = value
        }
        search.limit = try query.int("limit", default: 50, range: 1...500)!
        search.cursor = try query.string("cursor", maximum: 1_000)
        let (page, total) = try await app.creators.search(search, total: try query.bool("total") ?? false)
        return Answer(creators: page.creators, nextCursor: page.nextCursor, hasMore: page.nextCursor != nil, total: total)
    }
}
