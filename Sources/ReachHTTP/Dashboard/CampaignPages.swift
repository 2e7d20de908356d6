import Foundation
import Hummingbird
import ReachCore

/// The dashboard's campaigns: the list, a campaign with its searches and creators, new searches.
extension Dashboard {
    func usageView(_ usage: AccountStatus.Usage) -> [String: Any] {
        var view: [String: Any] = [
            "campaigns": meter(usage.campaigns), "creators": meter(usage.creators),
            "campaignsLimit": Display.limit(usage.campaigns.limit), "creatorsLimit": Display.limit(usage.creators.limit)]
        if usage.paymentPastDue {
            view["pastDue"] = ["planName": Display.plan(usage.plan),
                               "failedOn": usage.paymentFailedAt.map { " on " + String(WireFormat.timestamp($0).prefix(10)) } ?? ""]
        }
        return view
    }

    func meter(_ meter: AccountStatus.Meter) -> [String: Any] {
        var values: [String: Any] = ["used": NumberText.grouped(meter.used), "percentage": meter.percentage]
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
        search.limit = Self.creatorsPerPage
        search.offset = try query.int("from", range: 0...1_000_000) ?? 0
        return search
    }

    static let creatorsPerPage = 50

    func addCampaignPages(to group: RouterGroup<AppRequestContext>) {
        group.get("campaigns", use: campaignsPage)
        group.post("campaigns", use: createCampaign)
        group.get("campaigns/{id}", use: campaignPage)
        group.post("campaigns/{id}/searches", use: startSearch)
        group.post("campaigns/{id}/searches/{job}/cancel", use: cancelSearch)
    }

    @Sendable func campaignsPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let overview = try await app.campaigns.overview(userId: try context.user().userId)
        let allowance = overview.allowance
        var allowanceView: [String: Any] = ["canCreate": allowance.canCreate, "message": allowance.message]
        if let warning = allowance.warning { allowanceView["warning"] = warning }
        if let plan = allowance.recommendedPlan { allowanceView["recommendedPlan"] = plan }
        return try page("campaigns", [
            "title": "Campaigns", "navCampaigns": true, "allowance": allowanceView, "usage": usageView(overview.usage),
            "hasCampaigns": !overview.campaigns.isEmpty,
            "campaigns": overview.campaigns.map { campaign -> [String: Any] in
                ["id": campaign.id.lowercased, "name": campaign.name, "searchType": campaign.searchType.rawValue,
                 "status": campaign.status.rawValue, "created": Display.time(campaign.createdAt)]
            },
        ], request: request, context: context)
    }

    @Sendable func createCampaign(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await action(request, context: context, back: "/campaigns") { session, fields in
            let type = SearchType(parsing: fields["searchType"] ?? "keyword") ?? .keyword
            let description = fields["description"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            let campaign = try await app.campaigns.create(
                userId: session.identity.userId, name: fields["name"] ?? "", description: description, searchType: type)
            return redirect("/campaigns/\(campaign.id.lowercased)", flash: "Campaign created.")
        }
    }

    @Sendable func campaignPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.uuidParameter(what: "campaign")
        let query = request.query
        let search = try creatorQuery(query, userId: try context.user().userId, campaignId: id)
        let campaignPage = try await app.campaigns.page(id: id, userId: search.userId ?? "", creators: search)
        let campaign = campaignPage.campaign
        let creators = campaignPage.creators
        var filters: [String: Any] = ["q": search.text]
        if let minimum = search.minFollowers { filters["minFollowers"] = minimum }
        if search.verified == true { filters["verified"] = true }
        if search.hasEmail == true { filters["hasEmail"] = true }
        // Links keep the filters and change the sort or the page.
        let kept = query.values.filter { !["from", "sort"].contains($0.key) }.map { URLQueryItem(name: $0.key, value: $0.value) }
            .sorted { $0.name < $1.name }
        func link(sort: CreatorSort, from: Int = 0) -> String {
            var url = URLComponents()
            url.path = "/campaigns/\(id.lowercased)"
            url.queryItems = kept + [URLQueryItem(name: "sort", value: sort.rawValue)]
                + (from > 0 ? [URLQueryItem(name: "from", value: String(from))] : [])
            return (url.string ?? "") + "#creators"
        }
        let first = search.offset
        let shown = creators.creators.count
        var paging: [String: Any] = [
            "range": shown == 0 ? "none"
                : "\(NumberText.grouped(first + 1))–\(NumberText.grouped(first + shown)) of \(NumberText.grouped(campaignPage.creatorTotal))",
        ]
        if first > 0 { paging["previous"] = link(sort: search.sort, from: max(0, first - Self.creatorsPerPage)) }
        if creators.nextCursor != nil { paging["next"] = link(sort: search.sort, from: first + shown) }
        let sortLinks: [String: Any] = [
            "followers": link(sort: search.sort == .followers ? .followersAscending : .followers),
            "followersMark": search.sort == .followers ? " ↓" : search.sort == .followersAscending ? " ↑" : "",
            "name": link(sort: .name), "nameMark": search.sort == .name ? " ↑" : "",
            "recent": link(sort: .recent), "recentMark": search.sort == .recent ? " ↓" : "",
        ]
        let values: [String: Any] = [
            "title": campaign.name, "navCampaigns": true, "keywordMode": campaign.searchType == .keyword,
            "campaign": ["id": campaign.id.lowercased, "name": campaign.name, "description": campaign.description ?? ""],
            "jobs": campaignPage.jobs.map { job -> [String: Any] in
                var view: [String: Any] = [
                    "id": job.id.lowercased, "platform": job.platform.rawValue, "status": job.status.rawValue,
                    "query": job.targetUsername.map { "@" + $0 } ?? job.keywordList.joined(separator: ", "),
                    "progress": Int((job.progress ?? 0).rounded()), "processedResults": job.processedResults,
                    "targetResults": job.targetResults,
                ]
                if let error = job.error { view["error"] = error }
                if !job.status.isFinal { view["cancellable"] = true }
                view["creatorsLink"] = "/campaigns/\(campaign.id.lowercased)?platform=\(job.platform.slug)#creators"
                if job.status == .completed && campaignPage.canExport { view["csvLink"] = "/api/export/csv?jobId=\(job.id.lowercased)" }
                return view
            },
            "creators": creators.creators.map { creator -> [String: Any] in
                ["name": creator.name ?? "", "handle": creator.handle, "followers": creator.followers,
                 "followersText": Display.compact(creator.followers), "platform": creator.platform.rawValue,
                 "verified": creator.verified, "emailsText": creator.emails.joined(separator: ", "),
                 "initials": Display.initials(creator.name ?? creator.handle), "found": Display.time(creator.lastSeenAt)]
            },
            "creatorTotal": NumberText.grouped(campaignPage.creatorTotal), "canExport": campaignPage.canExport, "filters": filters,
            "sortLinks": sortLinks, "paging": paging, "hasCreators": shown > 0,
            "platformOptions": Platform.allCases.map { ["value": $0.slug, "label": $0.rawValue, "selected": $0 == search.platform] },
            "sortOptions": [("followers", "Most followers"), ("followers_asc", "Fewest followers"), ("recent", "Recently found"),
                            ("name", "Name")].map { ["value": $0.0, "label": $0.1, "selected": $0.0 == search.sort.rawValue] },
        ]
        return try page("campaign", values, request: request, context: context)
    }

    @Sendable func cancelSearch(_ request: Request, context: AppRequestContext) async throws -> Response {
        let idText = context.parameters.get("id") ?? ""
        return try await action(request, context: context, back: "/campaigns/\(idText)") { session, _ in
            let id = try context.uuidParameter(what: "campaign")
            guard let job = context.parameters.get("job").flatMap(UUID.init(uuidString:)) else { throw ReachError.notFound("search") }
            _ = try await app.searches.cancel(id: job, userId: session.identity.userId)
            return redirect("/campaigns/\(id.lowercased)", flash: "Search cancelled.")
        }
    }

    @Sendable func startSearch(_ request: Request, context: AppRequestContext) async throws -> Response {
        let idText = context.parameters.get("id") ?? ""
        return try await action(request, context: context, back: "/campaigns/\(idText)") { session, fields in
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
                targetResults: similar ? nil : target)
            _ = try await app.searches.start(userId: session.identity.userId, request: searchRequest, campaignId: id)
            return redirect("/campaigns/\(id.lowercased)", flash: "Search started: its progress shows below.")
        }
    }
}
