import Foundation
import Hummingbird
import HummingbirdTesting
import ReachCore
import ReachJobs
import ReachStore
import Testing
@testable import ReachHTTP

@Suite("Campaigns and searches")
struct FlowTests {
    @Test("campaigns: create, list with pagination, read, patch, archive, and the plan's limit")
    func campaigns() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_a", plan: .glowUp)
        let token = try await harness.token("user_a")
        try await harness.test { client throws in
            var ids: [String] = []
            for index in 1...3 {
                let created = try await client.call(.post, "/api/campaigns", token: token,
                                                    body: #"{"name":"Campaign \#(index)","description":"d","searchType":"similar"}"#)
                #expect(created.status == 200, "\(created.body)")
                #expect(created.json["searchType"] == "similar" && created.json["status"] == "draft")
                ids.append(created.json["id"]!.stringValue!)
                #expect(ids.last == ids.last!.lowercased(), "UUIDs are lowercase")
                #expect(created.json["createdAt"]?.stringValue?.hasSuffix("Z") == true)
            }
            let allowance = try await client.call(.get, "/api/campaigns/can-create", token: token)
            #expect(allowance.json["allowed"] == false && allowance.json["canCreate"] == false && allowance.json["limit"] == 3)
            #expect(allowance.json["upgrade"] == true && allowance.json["message"]?.stringValue?.isEmpty == false)
            let refused = try await client.call(.post, "/api/campaigns", token: token, body: #"{"name":"Fourth"}"#)
            #expect(refused.status == 403 && refused.contentType == "application/problem+json")
            #expect(refused.json["error"] == "Plan limit exceeded" && refused.json["upgrade"] == true)
            #expect(refused.json["currentUsage"] == 3 && refused.json["limit"] == 3 && refused.json["usagePercentage"] == 100)
            #expect(refused.json["recommendedPlan"] == "viral_surge" && refused.json["code"] == "plan_limit_exceeded")

            let page = try await client.call(.get, "/api/campaigns?page=2&limit=2", token: token)
            #expect(page.json["campaigns"]?.arrayValue?.count == 1)
            #expect(page.json["pagination"] == ["total": 3, "pages": 2, "currentPage": 2, "limit": 2, "page": 2, "totalPages": 2])

            let patched = try await client.call(.patch, "/api/campaigns/\(ids[0])", token: token,
                                                body: #"{"name":"Renamed","description":null,"status":"active"}"#)
            #expect(patched.status == 200 && patched.json["name"] == "Renamed" && patched.json["status"] == "active")
            #expect(patched.json["description"] == nil, "null clears the description")
            let archived = try await client.call(.post, "/api/campaigns/\(ids[1])/archive", token: token)
            #expect(archived.json["status"] == "archived")
            let detail = try await client.call(.get, "/api/campaigns/\(ids[0])", token: token)
            #expect(detail.json["name"] == "Renamed" && detail.json["scrapingJobs"] == [])
        }
    }

    static let platformRoutes = SearchRoute.allCases.map { ($0.path, $0.type) }

    @Test("the platform's polling flow, for each platform and mode", arguments: platformRoutes)
    func pollingFlow(_ path: String, _ type: SearchType) async throws {
        let harness = try await Harness()
        try harness.insertUser("user_a", plan: .fameFlex)
        try await harness.database.writer.write { db in
            try Settings.set(db, .tiktokContinuationDelay, value: "0s", now: start)
            try Settings.set(db, .instagramReelsDelay, value: "0s", now: start)
        }
        let token = try await harness.token("user_a")
        try await harness.test { client throws in
            let campaign = try await client.call(.post, "/api/campaigns", token: token, body: #"{"name":"Flow"}"#)
            let campaignId = try #require(campaign.json["id"]?.stringValue)
            let body = type == .keyword
                ? #"{"keywords":["fitness"],"targetResults":100,"campaignId":"\#(campaignId)"}"#
                : #"{"username":"@maya","campaignId":"\#(campaignId)"}"#
            let started = try await client.call(.post, "/api/scraping/\(path)", token: token, body: body)
            #expect(started.status == 200, "\(started.body)")
            #expect(started.json["message"] == "Scraping job started successfully")
            let jobId = try #require(started.json["jobId"]?.stringValue)
            var poll = try await client.call(.get, "/api/scraping/\(path)?jobId=\(jobId)", token: token)
            #expect(poll.json["status"] == "pending" && poll.json["progress"] == 0)
            for _ in 0..<40 {
                try await harness.scheduler.runUntilIdle()
                poll = try await client.call(.get, "/api/scraping/\(path)?jobId=\(jobId)", token: token)
                if ["completed", "error", "timeout"].contains(poll.json["status"]?.stringValue ?? "") { break }
                harness.clock.advance(by: 1)
            }
            #expect(poll.json["status"] == "completed" && poll.json["progress"] == 100)
            let results = poll.json["results"]?.arrayValue ?? []
            let creators = results.flatMap { $0["creators"]?.arrayValue ?? [] }
            #expect(!creators.isEmpty && creators.count == poll.json["processedResults"]?.intValue.map(Int.init))
            #expect(results.allSatisfy { $0["jobId"]?.stringValue == jobId && $0["id"] != nil && $0["createdAt"] != nil })
            let job = try await client.call(.get, "/api/jobs/\(jobId)", token: token)
            #expect(job.json["status"] == "completed" && results.count == 1, "one result per job, as the platform keeps it")
            #expect(job.json["results"]?[0]?["creators"]?.arrayValue?.count == creators.count)
            let csv = try await client.call(.get, "/api/export/csv?jobId=\(jobId)", token: token)
            #expect(csv.status == 200 && csv.contentType.hasPrefix("text/csv"))
            #expect(csv.body.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == creators.count + 1)
        }
    }

    @Test("SSE streams progress to completion")
    func serverSentEvents() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_a", plan: .fameFlex)
        _ = try await harness.database.writer.write { db in try Settings.set(db, .tiktokContinuationDelay, value: "0s", now: start) }
        let token = try await harness.token("user_a")
        let job = try await harness.database.writer.write { db in
            try Searches.start(db, userId: "user_a",
                               request: try Searches.validate(platform: .tiktok, keywords: ["yoga"], username: nil, targetResults: 100),
                               campaignId: nil, now: start)
        }
        try await harness.test { client throws in
            async let stream = client.call(.get, "/api/jobs/\(job.id.lowercased)/events", token: token)
            try await Task.sleep(for: .milliseconds(100))
            try await harness.scheduler.runUntilIdle()
            let answer = try await stream
            #expect(answer.status == 200 && answer.contentType == "text/event-stream")
            let progress = answer.body.components(separatedBy: "\n").filter { $0.hasPrefix("data: ") }
                .compactMap { try? JSONValue(parsing: String($0.dropFirst(6))) }
            #expect(progress.count >= 2)
            #expect(progress.last?["status"] == "completed" && progress.last?["progress"] == 100)
            #expect(answer.body.contains("event: done"))
        }
    }

    @Test("cancel a running search; a finished one is refused with the platform's 400")
    func cancel() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_a", plan: .fameFlex)
        let token = try await harness.token("user_a")
        try await harness.test { client throws in
            let campaign = try await client.call(.post, "/api/campaigns", token: token, body: #"{"name":"Cancel"}"#)
            let campaignId = try #require(campaign.json["id"]?.stringValue)
            let started = try await client.call(.post, "/api/scraping/youtube", token: token,
                                                body: #"{"keywords":["tech"],"targetResults":500,"campaignId":"\#(campaignId)"}"#)
            let jobId = started.json["jobId"]!.stringValue!
            let cancelled = try await client.call(.delete, "/api/jobs/\(jobId)", token: token)
            #expect(cancelled.status == 200 && cancelled.json["job"]?["status"] == "cancelled")
            #expect(cancelled.json["message"] == "Job cancelled successfully")
            let again = try await client.call(.delete, "/api/jobs/\(jobId)", token: token)
            #expect(again.status == 400 && again.json["code"] == "invalid_state")
            #expect(again.json["error"] == "Cannot cancel completed or failed jobs")
            try await harness.scheduler.runUntilIdle()
            let after = try await client.call(.get, "/api/jobs/\(jobId)", token: token)
            #expect(after.json["status"] == "cancelled" && after.json["processedRuns"] == 0)
        }
    }

    @Test("CSV is RFC 4180, neutralises formulas, and needs CSV in the plan")
    func csvExport() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_a", plan: .glowUp)
        try harness.insertUser("user_free", plan: .free)
        let job = try await harness.database.writer.write { db in
            var job = ScrapingJob(userId: "user_a", campaignId: nil, platform: .tiktok, keywords: ["x"], targetResults: 100,
                                  timeoutAt: nil, now: start)
            job.status = .completed
            try job.insert(db)
            let hostile: JSONValue = ["creator": ["name": "=HYPERLINK(\"http://evil\")", "uniqueId": "@evil", "followers": 5,
                                                  "bio": "line one\nline, \"two\"", "emails": ["a@b.co"]], "platform": "TikTok"]
            try ScrapingResult(jobId: job.id, creators: [hostile, ["creator": ["name": "+1 234", "uniqueId": "-minus"]]],
                               cursor: 0, now: start).insert(db)
            let freeJob = ScrapingJob(userId: "user_free", campaignId: nil, platform: .tiktok, keywords: ["x"], targetResults: 100,
                                      timeoutAt: nil, now: start)
            try freeJob.insert(db)
            return (job, freeJob)
        }
        try await harness.test { client throws in
            let csv = try await client.call(.get, "/api/export/csv?jobId=\(job.0.id.lowercased)&format=reach",
                                            token: try await harness.token("user_a"))
            #expect(csv.status == 200)
            #expect(csv.headers[.contentDisposition]?.contains("attachment") == true)
            #expect(csv.body.contains(#"TikTok,'@evil,"'=HYPERLINK(""http://evil"")",5,"#))
            #expect(csv.body.contains(#""line one"# + "\n" + #"line, ""two""""#))
            #expect(csv.body.contains(",'+1 234,") && csv.body.contains(",'-minus,"))
            let free = try await client.call(.get, "/api/export/csv?jobId=\(job.1.id.lowercased)", token: try await harness.token("user_free"))
            #expect(free.status == 403 && free.json["error"] == "CSV export not available on your plan")
            #expect(free.json["upgrade"] == true && free.json["currentPlan"] == "free" && free.json["reason"] != nil)
            let neither = try await client.call(.get, "/api/export/csv", token: try await harness.token("user_a"))
            #expect(neither.status == 400)
        }
    }

    @Test("creators: search, filter, sort and cursor pages over the user's de-duplicated creators")
    func creators() async throws {
        let harness = try await Harness(seed: true)
        let token = try await harness.token("user_demo")
        try await harness.test { client throws in
            var cursor: String?
            var seen: [Int64] = []
            var total: Int?
            repeat {
                let answer = try await client.call(
                    .get, "/api/creators?limit=100&sort=followers&total=true" + (cursor.map { "&cursor=\($0)" } ?? ""), token: token)
                #expect(answer.status == 200)
                #expect(answer.json["hasMore"] == .bool(answer.json["nextCursor"]?.stringValue != nil))
                if total == nil { total = answer.json["total"]?.intValue.map(Int.init) }
                let rows = answer.json["creators"]?.arrayValue ?? []
                seen += rows.compactMap { $0["id"]?.intValue }
                let followers = rows.compactMap { $0["followers"]?.intValue }
                #expect(followers == followers.sorted(by: >))
                cursor = answer.json["nextCursor"]?.stringValue
            } while cursor != nil
            #expect(seen.count == total && Set(seen).count == seen.count)
            let search = try await client.call(.get, "/api/creators?q=GLOW&platform=tiktok&hasEmail=true", token: token)
            #expect(search.json["total"] == nil, "counted only when asked")
            for creator in search.json["creators"]?.arrayValue ?? [] {
                let text = [creator["handle"], creator["name"], creator["bio"]].compactMap { $0?.stringValue?.lowercased() }
                #expect(text.contains { $0.contains("glow") } && creator["platform"] == "TikTok")
                #expect(creator["emails"]?.arrayValue?.isEmpty == false)
            }
            let notAdmin = try await client.call(.get, "/api/creators?allUsers=true", token: token)
            #expect(notAdmin.status == 403)
        }
    }
}
