import Foundation
import Hummingbird
import ReachCore

/// `/api/campaigns`: the platform's campaign routes, plus PATCH and archive.
struct CampaignsController {
    let app: ReachApp

    /// How many creators `GET /api/campaigns/{id}` embeds at most (about 5 MB of JSON).
    static let embeddedCreators = 10_000

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: list)
        group.post(use: create)
        group.get("can-create", use: canCreate)
        group.get("{id}", use: detail)
        group.patch("{id}", use: update)
        group.post("{id}/archive", use: archive)
    }

    struct CreateBody: Decodable {
        var name: String
        var description: String?
        var searchType: String?
    }

    struct UpdateBody: Decodable {
        var name: String?
        var description: String??
        var status: String?

        enum CodingKeys: String, CodingKey { case name, description, status }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decodeIfPresent(String.self, forKey: .name)
            // Absent leaves the description; null clears it.
            description = container.contains(.description) ? .some(try container.decodeIfPresent(String.self, forKey: .description)) : .none
            status = try container.decodeIfPresent(String.self, forKey: .status)
        }
    }

    struct ListAnswer: ResponseEncodable {
        var campaigns: [CampaignSummary]
        var pagination: Pagination
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> ListAnswer {
        let userId = try context.user().userId
        let page = try request.query.int("page", default: 1, range: 1...1_000_000)!
        let limit = try request.query.int("limit", default: 10, range: 1...100)!
        let list = try await app.campaigns.list(userId: userId, page: page, limit: limit)
        return ListAnswer(
            campaigns: list.campaigns.map { CampaignSummary(campaign: $0, latestJob: list.latestJobs[$0.id]) },
            pagination: Pagination(total: list.total, page: page, limit: limit))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Campaign {
        let userId = try context.user().userId
        let body = try await request.decode(as: CreateBody.self, context: context)
        let searchType = try body.searchType.map { text in
            guard let type = SearchType(parsing: text) else { throw Problem.invalid("searchType", "use keyword or similar") }
            return type
        } ?? .keyword
        return try await app.campaigns.create(userId: userId, name: body.name, description: body.description, searchType: searchType)
    }

    @Sendable func canCreate(_ request: Request, context: AppRequestContext) async throws -> CanCreateAnswer {
        CanCreateAnswer(allowance: try await app.campaigns.allowance(userId: try context.user().userId))
    }

    /// Newest searches first carry their results, up to ``embeddedCreators`` creators in all; the
    /// rest say `resultsOmitted` (their creators come from /api/creators or the CSV export).
    @Sendable func detail(_ request: Request, context: AppRequestContext) async throws -> CampaignWithJobs {
        let userId = try context.user().userId
        let detail = try await app.campaigns.detail(id: try context.uuidParameter(what: "campaign"), userId: userId)
        var room = Self.embeddedCreators
        let jobs = detail.jobs.map { item -> JobWithResults in
            guard item.job.processedResults <= room else { return JobWithResults(omitting: item.job) }
            room -= item.job.processedResults
            return JobWithResults(item)
        }
        return CampaignWithJobs(campaign: detail.campaign, scrapingJobs: jobs)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Campaign {
        let userId = try context.user().userId
        let id = try context.uuidParameter(what: "campaign")
        let body = try await request.decode(as: UpdateBody.self, context: context)
        let status = try body.status.map { text in
            guard let status = CampaignStatus(parsing: text) else {
                throw Problem.invalid("status", "use one of \(CampaignStatus.valueList)")
            }
            return status
        }
        return try await app.campaigns.update(id: id, userId: userId, name: body.name, description: body.description, status: status)
    }

    @Sendable func archive(_ request: Request, context: AppRequestContext) async throws -> Campaign {
        let userId = try context.user().userId
        let id = try context.uuidParameter(what: "campaign")
        return try await app.campaigns.update(id: id, userId: userId, name: nil, description: nil, status: .archived)
    }
}
