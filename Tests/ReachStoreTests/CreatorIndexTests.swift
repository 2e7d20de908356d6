import Foundation
import GRDB
import Testing
@testable import ReachStore

@Suite("Creator index")
struct CreatorIndexTests {
    func creators(_ database: ReachDatabase, _ query: CreatorQuery) throws -> [CreatorRow] {
        try database.reader.read { db in try CreatorSearch.search(db, query).creators }
    }

    @Test("both creator shapes are indexed under their identity")
    func bothShapes() throws {
        let database = try ReachDatabase.temporary()
        let tiktok = try database.insertJob(userId: "user_1")
        let instagram = try database.insertJob(userId: "user_1", platform: .instagram)
        let youtube = try database.insertJob(userId: "user_1", platform: .youtube)
        try database.insertResult(jobId: tiktok.id, [
            keywordItem("@MayaGlow", name: "Maya Rivera", followers: 125_000, bio: "skincare · maya@glow.io",
                        emails: ["maya@glow.io"], verified: true),
        ])
        try database.insertResult(jobId: instagram.id, [similarItem("theo.fit", fullName: "Theo Park", followers: 900)])
        try database.insertResult(jobId: youtube.id, [
            ["creator": ["name": "Chan", "channelId": "UCabc123", "followers": 10], "platform": "youtube"],
            ["creator": ["name": "No handle at all"]],
            "not an object",
        ])
        let rows = try creators(database, CreatorQuery(userId: "user_1"))
        #expect(rows.map(\.handle) == ["mayaglow", "theo.fit", "ucabc123"])
        let maya = rows[0]
        #expect(maya.platform == .tiktok && maya.name == "Maya Rivera" && maya.followers == 125_000)
        #expect(maya.verified && maya.emails == ["maya@glow.io"] && maya.bio == "skincare · maya@glow.io")
        #expect(rows[1].platform == .instagram && rows[1].name == "Theo Park" && rows[1].verified)
        #expect(rows[2].platform == .youtube, "platform names of any casing are normalised")
    }

    @Test("a creator found several times appears once, with its latest sighting's fields")
    func deduplicates() throws {
        let database = try ReachDatabase.temporary()
        let job = try database.insertJob(userId: "user_1")
        let second = try database.insertJob(userId: "user_1")
        try database.insertResult(jobId: job.id, [keywordItem("maya", name: "Maya Old", followers: 100)], at: testNow)
        let latest = try database.insertResult(
            jobId: second.id, [keywordItem("@MAYA", name: "Maya New", followers: 200)], at: testNow.addingTimeInterval(60))
        try database.insertResult(
            jobId: job.id, [keywordItem("maya", name: "Maya Older", followers: 50)], at: testNow.addingTimeInterval(-60))
        let rows = try creators(database, CreatorQuery(userId: "user_1"))
        #expect(rows.count == 1)
        #expect(rows.first?.name == "Maya New" && rows.first?.followers == 200 && rows.first?.resultId == latest.id)
    }

    @Test("deleting results follows: the creator goes with its last sighting, else the latest remaining supplies it")
    func followsDeletes() throws {
        let database = try ReachDatabase.temporary()
        let job = try database.insertJob(userId: "user_1")
        let first = try database.insertResult(jobId: job.id, [keywordItem("maya", name: "Maya One", followers: 1)], at: testNow)
        let second = try database.insertResult(
            jobId: job.id, [keywordItem("maya", name: "Maya Two", followers: 2), keywordItem("theo", name: "Theo", followers: 3)],
            at: testNow.addingTimeInterval(1))
        try database.writer.write { db in _ = try ScrapingResult.deleteOne(db, id: second.id) }
        var rows = try creators(database, CreatorQuery(userId: "user_1"))
        #expect(rows.map(\.name) == ["Maya One"])
        var search = CreatorQuery(userId: "user_1")
        search.text = "Maya Two"
        #expect(try creators(database, search).isEmpty, "the search index follows")
        search.text = "Maya One"
        #expect(try creators(database, search).map(\.handle) == ["maya"])
        try database.writer.write { db in _ = try ScrapingResult.deleteOne(db, id: first.id) }
        rows = try creators(database, CreatorQuery(userId: "user_1"))
        #expect(rows.isEmpty)
        #expect(try database.doctor().searchIndexes.values.allSatisfy { $0 == "ok" })
    }

    @Test("results are append-only")
    func appendOnly() throws {
        let database = try ReachDatabase.temporary()
        let job = try database.insertJob(userId: "user_1")
        let result = try database.insertResult(jobId: job.id, [keywordItem("maya", name: "Maya", followers: 1)])
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db throws in
                try db.execute(sql: "UPDATE scraping_results SET creators = '[]' WHERE id = ?", arguments: [result.id.lowercased])
            }
        }
    }

    @Test("each user sees only their own creators; admins search everyone's")
    func isolation() throws {
        let database = try ReachDatabase.temporary()
        let mine = try database.insertJob(userId: "user_1")
        let theirs = try database.insertJob(userId: "user_2")
        try database.insertResult(jobId: mine.id, [keywordItem("maya", name: "Maya", followers: 1)])
        try database.insertResult(jobId: theirs.id, [keywordItem("maya", name: "Maya", followers: 1),
                                                     keywordItem("zed", name: "Zed", followers: 2)])
        #expect(try creators(database, CreatorQuery(userId: "user_1")).map(\.handle) == ["maya"])
        #expect(try creators(database, CreatorQuery(userId: "user_2")).count == 2)
        #expect(try creators(database, CreatorQuery(userId: nil)).count == 3)
    }

    @Test("a user's few creators are scanned, many are looked up in the index: both plans find the same creators")
    func textPlans() throws {
        let database = try ReachDatabase.temporary()
        let job = try database.insertJob(userId: "user_1")
        try database.insertResult(jobId: job.id, (0..<40).map { index in
            keywordItem("glow\(index)", name: index % 3 == 0 ? "Glow Ñame \(index)" : "Other \(index)",
                        followers: index * 10, bio: index % 4 == 0 ? "SKINCARE · ÉCOLE de beauté" : "runner")
        })
        let other = try database.insertJob(userId: "user_2")
        try database.insertResult(jobId: other.id, [keywordItem("glow_other", name: "Glow", followers: 1)])
        try database.reader.read { db throws in
            var query = CreatorQuery(userId: "user_1")
            query.text = "glow"
            #expect(try CreatorSearch.plan(db, query) == .scanUserCreators)
            #expect(try CreatorSearch.plan(db, { var q = query; q.userId = nil; return q }()) == .trigramIndex)
            for text in ["glow", "GLOW ñ", "skincare", "école", "ÉCOLE DE", "Other 3", "unmatched", "\"glow\" OR *"] {
                query.text = text
                query.limit = 100
                let scanned = try CreatorSearch.search(db, query, plan: .scanUserCreators).creators.map(\.handle)
                let indexed = try CreatorSearch.search(db, query, plan: .trigramIndex).creators.map(\.handle)
                #expect(scanned == indexed, "\(text)")
                #expect(!scanned.contains("glow_other"), "\(text): only the user's own creators")
            }
            query.text = "skincare"
            #expect(try CreatorSearch.search(db, query, plan: .scanUserCreators).creators.count == 10)
        }
    }

    @Test("search, filters, sort and cursor pages")
    func filtersAndPages() throws {
        let database = try ReachDatabase.temporary()
        let job = try database.insertJob(userId: "user_1")
        let other = try database.insertJob(userId: "user_1", platform: .instagram)
        try database.insertResult(jobId: job.id, (0..<25).map { index in
            keywordItem("fit\(index)", name: "Fit Person \(index)", followers: index * 1000,
                        bio: index % 5 == 0 ? "Yoga teacher · fit\(index)@mail.com" : "Runner",
                        emails: index % 5 == 0 ? ["fit\(index)@mail.com"] : [], verified: index % 2 == 0)
        })
        try database.insertResult(jobId: other.id, [similarItem("insta", fullName: "Ínsta Ñame", followers: 5_000_000)])

        var query = CreatorQuery(userId: "user_1")
        query.text = "YOGA"
        #expect(try creators(database, query).count == 5)
        query.text = "ñam"
        #expect(try creators(database, query).map(\.handle) == ["insta"], "Unicode case folding")
        query.text = "ñ"
        #expect(try creators(database, query).map(\.handle) == ["insta"], "short queries fold too")
        query.text = "\"fit1\" OR *"
        #expect(try creators(database, query).isEmpty, "FTS5 syntax is literal text")

        query = CreatorQuery(userId: "user_1")
        query.platform = .instagram
        #expect(try creators(database, query).map(\.handle) == ["insta"])
        query = CreatorQuery(userId: "user_1")
        query.minFollowers = 20_000
        query.maxFollowers = 22_000
        #expect(Set(try creators(database, query).map(\.handle)) == ["fit20", "fit21", "fit22"])
        query = CreatorQuery(userId: "user_1")
        query.hasEmail = true
        query.verified = true
        #expect(Set(try creators(database, query).map(\.handle)) == ["fit0", "fit10", "fit20"])
        query = CreatorQuery(userId: "user_1")
        query.campaignId = other.campaignId
        #expect(try creators(database, query).map(\.handle) == ["insta"])

        for sort in CreatorSort.allCases {
            query = CreatorQuery(userId: "user_1")
            query.sort = sort
            query.limit = 7
            var seen: [String] = []
            var pages = 0
            repeat {
                let page = try database.reader.read { db in try CreatorSearch.search(db, query) }
                seen += page.creators.map(\.handle)
                query.cursor = page.nextCursor
                pages += 1
            } while query.cursor != nil
            #expect(seen.count == 26 && Set(seen).count == 26, "\(sort): every creator once across pages")
            #expect(pages == 4)
            let all = try creators(database, { var q = CreatorQuery(userId: "user_1"); q.sort = sort; return q }())
            #expect(seen == all.map(\.handle), "\(sort): pages in the sort's order")
        }
        query = CreatorQuery(userId: "user_1")
        query.cursor = "garbage!"
        #expect(throws: StoreError.self) { try creators(database, query) }
    }
}
