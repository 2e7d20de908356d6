import Foundation
import Hummingbird
import HummingbirdTesting
import ReachCore
import Testing
@testable import ReachHTTP

/// The platform's campaign and search pages, as its frontend calls them and reads their answers
/// (platform-routes.md): each field it reads, with its type.
@Suite("Contract: campaigns and searches")
struct ContractSearchTests {
    static let modes: [(route: String, body: String, pollRoute: String)] = [
        ("tiktok", #"{"keywords":["fitness"],"targetResults":100,"campaignId":"CAMPAIGN"}"#, "tiktok"),
        ("youtube", #"{"keywords":["tech review"],"targetResults":100,"campaignId":"CAMPAIGN"}"#, "youtube"),
        ("instagram-reels", ##"{"keywords":["#yoga"],"targetResults":100,"campaignId":"CAMPAIGN"}"##, "instagram"),
        ("tiktok-similar", #"{"username":"@glowwithmaya","campaignId":"CAMPAIGN"}"#, "tiktok"),
        ("youtube-similar", #"{"username":"techwithtom","campaignId":"CAMPAIGN"}"#, "youtube"),
        ("instagram", #"{"username":"yogawithana","campaignId":"CAMPAIGN"}"#, "instagram"),
    ]

    @Test("the campaign list: create with the form's body, then page as CampaignList.jsx does")
    func campaignList() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_a", plan: .fameFlex)
        let token = try await harness.token("user_a")
        try await harness.test { client throws in
            for index in 1...11 {
                let created = try await client.call(
                    .post, "/api/campaigns", token: token,
                    body: #"{"name":"Campaign \#(index)","description":"About \#(index)","searchType":"keyword"}"#)
                #expect(created.status == 200, "the platform answers 200 with the row")
                expectFields(created.json, ["id": .string, "name": .string, "userId": .string, "searchType": .string,
                                            "status": .string, "createdAt": .string, "updatedAt": .string], "POST /api/campaigns")
                #expect(created.json["status"] == "draft")
                harness.clock.advance(by: 1)
            }
            let first = try await client.call(.get, "/api/campaigns?page=1&limit=9", token: token)
            expectFields(first.json, ["campaigns": .array, "pagination.pages": .integer, "pagination.currentPage": .integer,
                                      "pagination.limit": .integer, "pagination.total": .integer], "GET /api/campaigns")
            #expect(first.json["pagination"]?["pages"] == 2 && first.json["pagination"]?["currentPage"] == 1)
            for campaign in first.json["campaigns"]?.arrayValue ?? [] {
                expectFields(campaign, ["id": .string, "name": .string, "description": .string, "status": .string,
                                        "createdAt": .string, "updatedAt": .string, "scrapingJobs": .array], "a listed campaign")
            }
            #expect(first.json["campaigns"]?[0]?["name"] == "Campaign 11", "newest first")
            let second = try await client.call(.get, "/api/campaigns?page=2&limit=9", token: token)
            #expect(second.json["campaigns"]?.arrayValue?.count == 2 && second.json["pagination"]?["currentPage"] == 2)
        }
    }

    @Test("each of the six search modes, with the platform's bodies: start, poll until done, read results[0].creators",
          arguments: modes.map(\.route))
    func searchMode(_ route: String) async throws {
        let mode = try #require(Self.modes.first { $0.route == route })
        let harness = try await Harness()
        try harness.insertUser("user_a", plan: .fameFlex)
        let token = try await harness.token("user_a")
        try await harness.test { client throws in
            let campaign = try await client.call(.post, "/api/campaigns", token: token, body: #"{"name":"Modes"}"#)
            let campaignId = try #require(campaign.json["id"]?.stringValue)
            let started = try await client.call(.post, "/api/scraping/\(route)", token: token,
                                                body: mode.body.replacingOccurrences(of: "CAMPAIGN", with: campaignId))
            #expect(started.status == 200, "\(started.body)")
            expectFields(started.json, ["jobId": .string, "message": .string], "POST /api/scraping/\(route)")
            let jobId = try #require(started.json["jobId"]?.stringValue)

            // The search page: `jobData = data.job || data`; any truthy `error` stops the poll.
            let running = try await client.call(.get, "/api/scraping/\(route)?jobId=\(jobId)", token: token)
            let jobData = running.json["job"] ?? running.json
            expectFields(jobData, ["status": .string, "progress": .number, "processedResults": .integer, "targetResults": .integer],
                         "GET /api/scraping/\(route) while pending")
            #expect(running.json["error"] == nil, "no error while the search runs")
            #expect(jobData["status"] == "pending")

            let done = try await finish(harness, polling: "/api/scraping/\(route)?jobId=\(jobId)", client, token: token)
            let final = done.json["job"] ?? done.json
            #expect(final["status"] == "completed", "\(done.body.prefix(300))")
            #expect(done.json["error"] == nil)
            let results = try #require(done.json["results"]?.arrayValue)
            #expect(results.count == 1, "one result per job, as the platform keeps it")
            let creators = done.json["results"]?[0]?["creators"]?.arrayValue ?? done.json["creators"]?.arrayValue ?? []
            #expect(!creators.isEmpty && creators.count == final["processedResults"]?.intValue.map(Int.init),
                    "results[0].creators is the whole result")
            expectFields(done.json, ["results.0.id": .string, "results.0.jobId": .string, "results.0.createdAt": .string], "a result")

            // The campaign page polls by the job's platform, whatever its mode.
            let campaignPoll = try await client.call(.get, "/api/scraping/\(mode.pollRoute)?jobId=\(jobId)", token: token)
            #expect(campaignPoll.status == 200)
            expectFields(campaignPoll.json, ["status": .string, "progress": .number], "the campaign page's poll")
            #expect(campaignPoll.json["status"] == "completed" && campaignPoll.json["progress"] == 100)

            let page = try await client.call(.get, "/api/campaigns/\(campaignId)", token: token)
            expectFields(page.json, ["name": .string, "status": .string, "searchType": .string, "scrapingJobs": .array,
                                     "scrapingJobs.0.id": .string, "scrapingJobs.0.status": .string, "scrapingJobs.0.platform": .string,
                                     "scrapingJobs.0.progress": .number, "scrapingJobs.0.createdAt": .string,
                                     "scrapingJobs.0.results.0.creators": .array], "GET /api/campaigns/{id}")
            #expect(page.json["scrapingJobs"]?[0]?["results"]?[0]?["creators"]?.arrayValue?.count == creators.count)
            let listed = try await client.call(.get, "/api/campaigns?page=1&limit=9", token: token)
            #expect(listed.json["campaigns"]?[0]?["scrapingJobs"]?[0]?["id"]?.stringValue == jobId, "the latest search")
            #expect(listed.json["campaigns"]?[0]?["status"] == "active", "a search activates a draft campaign")

            let job = try await client.call(.get, "/api/jobs/\(jobId)", token: token)
            expectFields(job.json, ["id": .string, "status": .string, "progress": .number, "processedResults": .integer,
                                    "targetResults": .integer, "createdAt": .string, "updatedAt": .string, "results": .array],
                         "GET /api/jobs/{id}")
        }
    }

    @Test("the CSV: the platform's columns for each kind of export, every cell quoted, the platform's file names")
    func csv() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_a", plan: .fameFlex)
        let token = try await harness.token("user_a")
        try await harness.test { client throws in
            let campaign = try await client.call(.post, "/api/campaigns", token: token, body: #"{"name":"Export"}"#)
            let campaignId = try #require(campaign.json["id"]?.stringValue)
            var jobs: [String: String] = [:]
            for mode in Self.modes {
                let started = try await client.call(.post, "/api/scraping/\(mode.route)", token: token,
                                                    body: mode.body.replacingOccurrences(of: "CAMPAIGN", with: campaignId))
                let jobId = try #require(started.json["jobId"]?.stringValue)
                _ = try await finish(harness, polling: "/api/scraping/\(mode.route)?jobId=\(jobId)", client, token: token)
                jobs[mode.route] = jobId
            }
            let headers = [
                "tiktok": #""Username","Followers","Bio","Email","Video URL","Description","Likes","Comments","Shares","Views","Hashtags","Created Date","Keywords","Platform""#,
                "instagram-reels": #""Username","Followers","Bio","Email","Video URL","Description","Likes","Comments","Shares","Views","Hashtags","Created Date","Keywords","Platform""#,
                "youtube": #""Channel Name","Subscribers","Bio","Email","Social Links","Video URL","Views","Hashtags","Keywords","Platform""#,
                "youtube-similar": #""Channel Name","Handle","Full Name","Bio","Email","Social Links","Subscribers","Target Channel","Platform""#,
                "tiktok-similar": #""Username","Full Name","Followers","Verified","Private","Platform","Profile URL""#,
                "instagram": #""Username","Full Name","Followers","Verified","Private","Platform","Profile URL""#,
            ]
            let day = String(WireFormat.timestamp(harness.clock.now()).prefix(10))
            for (route, jobId) in jobs.sorted(by: { $0.key < $1.key }) {
                let csv = try await client.call(.get, "/api/export/csv?jobId=\(jobId)", token: token)
                #expect(csv.status == 200 && csv.contentType.hasPrefix("text/csv"))
                #expect(csv.headers[.contentDisposition] == "attachment; filename=\"creators-\(day).csv\"")
                let lines = csv.body.components(separatedBy: "\r\n").filter { !$0.isEmpty }
                #expect(lines.first == headers[route], "\(route): \(lines.first ?? "")")
                let columns = (headers[route] ?? "").components(separatedBy: "\",\"").count
                for line in lines.dropFirst() {
                    #expect(line.hasPrefix("\"") && line.hasSuffix("\"") && line.components(separatedBy: "\",\"").count >= columns,
                            "\(route): every cell quoted: \(line.prefix(120))")
                }
                let job = try await client.call(.get, "/api/jobs/\(jobId)", token: token)
                #expect(lines.count - 1 == job.json["processedResults"]?.intValue.map(Int.init), "one row per creator")
            }
            let tiktok = try await client.call(.get, "/api/export/csv?jobId=\(jobs["tiktok"]!)", token: token)
            let row = tiktok.body.components(separatedBy: "\r\n")[1]
            #expect(row.hasSuffix(#","fitness","TikTok""#), "Keywords then Platform: \(row.suffix(60))")

            let all = try await client.call(.get, "/api/export/csv?campaignId=\(campaignId)", token: token)
            #expect(all.headers[.contentDisposition] == "attachment; filename=\"creators-campaign-\(campaignId)-\(day).csv\"")
            #expect(all.body.hasPrefix(#""Platform","Creator/Channel Name","Followers","Video/Content URL","Title/Description","Views","Likes","Comments","Shares","Duration (seconds)","Hashtags","Date","Keywords""#))
            let reach = try await client.call(.get, "/api/export/csv?jobId=\(jobs["tiktok"]!)&format=reach", token: token)
            #expect(reach.body.hasPrefix("platform,handle,name,followers,verified,emails,bio"), "Reach's own columns stay")
        }
    }
}
