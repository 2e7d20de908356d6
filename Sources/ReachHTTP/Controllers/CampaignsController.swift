import Foundation
import Hummingbird
import ReachCore
import ReachStore

/// `/api/campaigns`: the platform's campaign routes, plus PATCH and archive.
struct CampaignsController {
    let database: ReachDatabase
    let clock: any ReachClock

    /// How many creators `GET /api/campaigns/{id}` embeds at most (about 5 MB of JSON).
    static let embeddedCreators = 10_000

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

    func addRoutes(to routes: Routes) {
        routes.get { request, context in
            let userId = try context.user().userId
            let query = QueryParameters(request.uri.query)
            let page = try query.int("page", default: 1, range: 1...1_000_000)!
            let limit = try query.int("limit", default: 10, range: 1...100)!
            let (campaigns, total) = try await database.reader.read { db in
                try Campaign.fetchPage(db, userId: userId, page: page, limit: limit)
            }
            struct Answer: Encodable { var campaigns: [Campaign]; var pagination: Pagination }
            return try json(Answer(
                campaigns: campaigns,
                pagination: Pagination(total: total, page: page, limit: limit, totalPages: (total + limit - 1) / limit)))
        }
        routes.post { request, context in
            let userId = try context.user().userId
            let body = try await request.decode(as: CreateBody.self, context: context)
            let searchType = try body.searchType.map { text in
                guard let type = SearchType(parsing: text) else { throw Problem.invalid("searchType", "use keyword or similar") }
                return type
            } ?? .keyword
            let now = clock.nowMilliseconds()
            let campaign = try await database.writer.write { db in
                try Campaigns.create(db, userId: userId, name: body.name, description: body.description, searchType: searchType, now: now)
            }
            return try json(campaign, status: .created)
        }
        routes.get("/can-create") { _, context in
            let userId = try context.user().userId
            return try json(try await database.reader.read { db in try Campaigns.allowance(db, userId: userId) })
        }
        routes.get("/{id}") { _, context in
            let userId = try context.user().userId
            let id = try context.uuidParameter(what: "campaign")
            let detail = try await database.reader.read { db -> CampaignDetail in
                _ = try Campaigns.owned(db, id: id, userId: userId)
                return try Campaign.fetchDetail(db, id: id)!
            }
            // Newest searches first carry their results, up to `embeddedCreators` creators in all; the
            // rest say `resultsOmitted` (their creators come from /api/creators or the CSV export).
            var room = Self.embeddedCreators
            let jobs = detail.jobs.map { item -> JobWithResults in
                guard item.job.processedResults <= room else { return JobWithResults(job: item.job, results: [], resultsOmitted: true) }
                room -= item.job.processedResults
                return JobWithResults(job: item.job, results: item.results)
            }
            return try json(CampaignWithJobs(campaign: detail.campaign, scrapingJobs: jobs))
        }
        routes.patch("/{id}") { request, context in
            let userId = try context.user().userId
            let id = try context.uuidParameter(what: "campaign")
            let body = try await request.decode(as: UpdateBody.self, context: context)
            let status = try body.status.map { text in
                guard let status = CampaignStatus(parsing: text) else {
                    throw Problem.invalid("status", "use one of \(CampaignStatus.valueList)")
                }
                return status
            }
            let now = clock.nowMilliseconds()
            let campaign = try await database.writer.write { db in
                try Campaigns.update(db, id: id, userId: userId, name: body.name, description: body.description, status: status, now: now)
            }
            return try json(campaign)
        }
        routes.post("/{id}/archive") { _, context in
            let userId = try context.user().userId
            let id = try context.uuidParameter(what: "campaign")
            let now = clock.nowMilliseconds()
            let campaign = try await database.writer.write { db in
                try Campaigns.update(db, id: id, userId: userId, name: nil, description: nil, status: .archived, now: now)
            }
            return try json(campaign)
        }
    }
}
