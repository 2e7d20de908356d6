import Foundation
import GRDB
import Hummingbird
import ReachCore
import ReachStore

extension Dashboard {
    func usageView(_ usage: AccountStatus.Usage) -> [String: Any] {
        ["campaigns": meter(usage.campaigns), "creators": meter(usage.creators),
         "campaignsLimit": Display.limit(usage.campaigns.limit), "creatorsLimit": Display.limit(usage.creators.limit)]
    }

    func meter(_ meter: AccountStatus.Meter) -> [String: Any] {
        var values: [String: Any] = ["used": meter.used, "percentage": meter.percentage]
        if let warning = meter.warning { values["warning"] = warning }
        return values
    }

    /// The creator filters of a campaign page.
    func creatorQuery(_ query: QueryParameters, userId: String, campaignId: UUID) throws -> CreatorQuery {
        var search = CreatorQuery(userId: userId)
        search.campaignId = campaignId
        search.text = try query.string("q", maximum: 200) ?? ""
        search.platform = try query.value("platform", as: Platform.self)
        search.minFollowers = try query.int("minFollowers", range: 0...Int(Int32.max))
        search.verified = try query.bool("verified") == true ? true : nil
        search.hasEmail = try query.bool("hasEmail") == true ? true : nil
        search.sort = try query.string("sort", maximum: 50).flatMap(CreatorSort.init(rawValue:)) ?? .followers
        search.limit = 100
        search.cursor = try query.string("cursor", maximum: 1_000)
        return search
    }

    func addCampaignPages(to routes: Routes) {
        routes.get("/campaigns") { request, _ in
            await signedIn(request) { session in
                let userId = session.identity.userId
                let (campaigns, allowance, usage) = try await database.reader.read { db in
                    (try Campaign.fetchPage(db, userId: userId, page: 1, limit: 100).campaigns,
                     try Campaigns.allowance(db, userId: userId), try AccountStatus.usage(db, userId: userId))
                }
                var allowanceView: [String: Any] = ["canCreate": allowance.canCreate, "message": allowance.message]
                if let warning = allowance.warning { allowanceView["warning"] = warning }
                if let plan = allowance.recommendedPlan { allowanceView["recommendedPlan"] = plan }
                return page("campaigns", [
                    "title": "Campaigns", "navCampaigns": true, "allowance": allowanceView, "usage": usageView(usage),
                    "hasCampaigns": !campaigns.isEmpty,
                    "campaigns": campaigns.map { campaign -> [String: Any] in
                        ["id": campaign.id.lowercased, "name": campaign.name, "searchType": campaign.searchType.rawValue,
                         "status": campaign.status.rawValue, "created": Display.time(campaign.createdAt)]
                    },
                ], session: session, request: request)
            }
        }
        routes.post("/campaigns") { request, _ in
            await action(request, back: "/campaigns") { session, fields in
                let type = SearchType(parsing: fields["searchType"] ?? "keyword") ?? .keyword
                let now = clock.nowMilliseconds()
                let description = fields["description"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
                let campaign = try await database.writer.write { db in
                    try Campaigns.create(db, userId: session.identity.userId, name: fields["name"] ?? "", description: description,
                                         searchType: type, now: now)
                }
                return redirect("/campaigns/\(campaign.id.lowercased)", flash: "Campaign created.")
            }
        }
        routes.get("/campaigns/{id}") { request, context in
            await signedIn(request) { session in
                let id = try context.uuidParameter(what: "campaign")
                let userId = session.identity.userId
                let query = QueryParameters(request.uri.query)
                let search = try creatorQuery(query, userId: userId, campaignId: id)
                let request2 = search
                let (campaign, jobs, creators, total, canExport) = try await database.reader.read { db in
                    let campaign = try Campaigns.owned(db, id: id, userId: userId)
                    let jobs = try ScrapingJob.filter(ScrapingJob.Columns.campaignId == id.lowercased)
                        .order(ScrapingJob.Columns.createdAt.desc).fetchAll(db)
                    let profile = try Onboarding.profile(db, userId)
                    let page = try CreatorSearch.search(db, request2)
                    return (campaign, jobs, page, try CreatorSearch.count(db, request2, plan: page.plan),
                            try Plans.effectiveLimits(db, profile: profile).exportFormats.contains("CSV"))
                }
                var filters: [String: Any] = ["q": search.text]
                if let minimum = search.minFollowers { filters["minFollowers"] = minimum }
                if search.verified == true { filters["verified"] = true }
                if search.hasEmail == true { filters["hasEmail"] = true }
                var base = URLComponents()
                base.path = "/campaigns/\(id.lowercased)"
                var items = query.values.filter { $0.key != "cursor" && $0.key != "sort" }.map { URLQueryItem(name: $0.key, value: $0.value) }
                items.sort { $0.name < $1.name }
                base.queryItems = items + [URLQueryItem(name: "sort", value: search.sort == .followers ? "followers_asc" : "followers")]
                let sortLink = base.string ?? ""
                var next: String?
                if let cursor = creators.nextCursor {
                    base.queryItems = items + [URLQueryItem(name: "sort", value: search.sort.rawValue), URLQueryItem(name: "cursor", value: cursor)]
                    next = base.string
                }
                var values: [String: Any] = [
                    "title": campaign.name, "navCampaigns": true, "keywordMode": campaign.searchType == .keyword,
                    "campaign": ["id": campaign.id.lowercased, "name": campaign.name, "description": campaign.description ?? ""],
                    "jobs": jobs.map { job -> [String: Any] in
                        var view: [String: Any] = [
                            "id": job.id.lowercased, "platform": job.platform.rawValue, "status": job.status.rawValue,
                            "query": job.targetUsername.map { "@" + $0 } ?? job.keywordList.joined(separator: ", "),
                            "progress": Int((job.progress ?? 0).rounded()), "processedResults": job.processedResults,
                            "targetResults": job.targetResults,
                        ]
                        if let error = job.error { view["error"] = error }
                        return view
                    },
                    "creators": creators.creators.map { creator -> [String: Any] in
                        ["name": creator.name ?? "", "handle": creator.handle, "followers": creator.followers,
                         "followersText": Display.compact(creator.followers), "platform": creator.platform.rawValue,
                         "verified": creator.verified, "emailsText": creator.emails.joined(separator: ", "),
                         "initials": Display.initials(creator.name ?? creator.handle)]
                    },
                    "creatorTotal": total, "canExport": canExport, "filters": filters, "followersSortLink": sortLink,
                    "platformOptions": Platform.allCases.map { ["value": $0.slug, "label": $0.rawValue, "selected": $0 == search.platform] },
                    "sortOptions": [("followers", "Most followers"), ("followers_asc", "Fewest followers"), ("recent", "Recently found"),
                                    ("name", "Name")].map { ["value": $0.0, "label": $0.1, "selected": $0.0 == search.sort.rawValue] },
                ]
                if let next { values["nextPage"] = next }
                return page("campaign", values, session: session, request: request)
            }
        }
        routes.post("/campaigns/{id}/searches") { request, context in
            let idText = context.parameters.get("id") ?? ""
            return await action(request, back: "/campaigns/\(idText)") { session, fields in
                let id = try context.uuidParameter(what: "campaign")
                guard let platform = Platform(parsing: fields["platform"] ?? "") else {
                    throw ReachError.invalid(field: "platform", reason: "choose TikTok, Instagram or YouTube")
                }
                let text = fields["query"] ?? ""
                let similar = fields["mode"] == "similar"
                let target = Int(fields["target"] ?? "")
                let searchRequest = try Searches.validate(
                    platform: platform, keywords: similar ? nil : text.split(separator: ",").map(String.init),
                    username: similar ? text : nil,
                    targetResults: similar ? nil : (platform == .instagram ? min(target ?? 50, 1_000) : target))
                let now = clock.nowMilliseconds()
                _ = try await database.writer.write { db in
                    try Searches.start(db, userId: session.identity.userId, request: searchRequest, campaignId: id, now: now)
                }
                return redirect("/campaigns/\(id.lowercased)", flash: "Search started: its progress shows below.")
            }
        }
    }
}
