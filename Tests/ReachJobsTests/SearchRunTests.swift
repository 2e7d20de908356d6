import Foundation
import GRDB
import Hummingbird
import ReachCore
import ReachProviders
import ReachStore
import Testing
@testable import ReachJobs
import Synchronization

@Suite("Searches")
struct SearchRunTests {
    static let cases: [(Platform, SearchType)] = Platform.allCases.flatMap { platform in
        SearchType.allCases.map { (platform, $0) }
    }

    @Test("each platform and mode runs to completion with the offline provider", arguments: cases)
    func runsToCompletion(_ platform: Platform, _ type: SearchType) async throws {
        let database = try ReachDatabase.temporary()
        let clock = ManualClock(start)
        try insertSearcher(database)
        let request = try Searches.validate(
            platform: platform, keywords: type == .keyword ? ["fitness", "yoga"] : nil,
            username: type == .similar ? "@glowwithmaya" : nil, targetResults: platform == .instagram && type == .similar ? 50 : nil)
        let search = try await database.writer.write { db in
            try Searches.start(db, userId: "user_1", request: request, campaignId: nil, now: start)
        }
        let scheduler = makeScheduler(database, clock: clock, handlers: [ScrapingStepHandler(provider: offline(clock))])
        let done = try await runSearch(scheduler, database, clock: clock, jobId: search.id)
        #expect(done.status == .completed && done.progress == 100 && done.completedAt != nil && done.startedAt != nil)
        let cap = Int(try await database.reader.read { db in try Settings.number(db, .maxAPICalls(platform, type)) })
        let results = try await database.reader.read { db in try ScrapingResult.fetchAll(db, jobId: search.id) }
        let items = results.flatMap(\.creatorItems)
        if type == .keyword {
            #expect(done.processedResults == done.targetResults || done.processedRuns == cap,
                    "\(done.processedResults)/\(done.targetResults) in \(done.processedRuns) runs, cap \(cap)")
            #expect(items.count == done.processedResults && results.count == done.processedRuns, "a page per call")
        } else {
            #expect(done.processedResults > 0 && done.processedRuns <= cap && results.count == 1, "one pass, searches counted")
            #expect(items.count == done.processedResults)
        }
        let handles = items.map { ($0["creator"]?["uniqueId"] ?? $0["username"])?.stringValue ?? "" }
        #expect(Set(handles).count == handles.count, "no creator twice in a job")
        #expect(items.allSatisfy { $0["platform"]?.stringValue == platform.rawValue })
        if type == .keyword {
            #expect(items.allSatisfy { $0["creator"]?["emails"] != nil && $0["video"]?["statistics"] != nil })
            let withEmails = items.filter { !($0["creator"]?["emails"]?.arrayValue?.isEmpty ?? true) }
            #expect(withEmails.allSatisfy { item in
                platform == .youtube  // a channel's own address comes first
                    || item["creator"]!["emails"]!.arrayValue!.allSatisfy { item["creator"]!["bio"]!.stringValue!.contains($0.stringValue!) }
            }, "e-mails come from the bio")
        } else {
            #expect(items.allSatisfy { $0["username"] != nil && $0["profileUrl"] != nil })
        }
        let usage = try await database.reader.read { db in try UserProfile.fetchOne(db, userId: "user_1")!.usageCreatorsCurrentMonth }
        #expect(usage == done.processedResults, "usage counted on completion")
        let indexed = try await database.reader.read { db in try CreatorSearch.count(db, CreatorQuery(userId: "user_1")) }
        #expect(indexed == Set(handles.map { $0.lowercased() }).count, "its creators are searchable")
    }

    @Test("a step re-run after a crash stores nothing twice")
    func idempotentSteps() async throws {
        let database = try ReachDatabase.temporary()
        try insertSearcher(database)
        let request = try Searches.validate(platform: .tiktok, keywords: ["yoga"], username: nil, targetResults: 100)
        let search = try await database.writer.write { db in
            try Searches.start(db, userId: "user_1", request: request, campaignId: nil, now: start)
        }
        guard case .fetch(let step) = try await database.writer.write({ db in try Searches.beginStep(db, jobId: search.id, cursor: 0, now: start) })
        else { Issue.record("the first step fetches nothing"); return }
        let page = try await offline(ManualClock(start)).run(step, hooks: StepHooks())
        for _ in 0..<3 {
            try await database.writer.write { db in
                _ = try Searches.beginStep(db, jobId: search.id, cursor: 0, now: start)
                try Searches.recordPage(db, jobId: search.id, cursor: 0, page: page, now: start)
            }
        }
        let stored = try await database.reader.read { db in (try ScrapingJob.fetchOne(db, id: search.id)!, try ScrapingResult.fetchAll(db, jobId: search.id)) }
        #expect(stored.1.count == 1 && stored.0.processedRuns == 1 && stored.0.processedResults == page.items.count)
        #expect(page.items.count == 27, "30 items, three of them by an author seen before on the page")
        let steps = try await database.reader.read { db in
            try BackgroundJob.filter(BackgroundJob.Columns.jobType == SearchStepJob.jobType).fetchCount(db)
        }
        #expect(steps == 2, "the first step and one continuation")
    }

    @Test("a search past its timeout becomes timeout; a cancelled one stops")
    func timeoutAndCancel() async throws {
        let database = try ReachDatabase.temporary()
        let clock = ManualClock(start)
        try insertSearcher(database)
        let request = try Searches.validate(platform: .tiktok, keywords: ["yoga"], username: nil, targetResults: 1000)
        let (slow, cancelled) = try await database.writer.write { db in
            (try Searches.start(db, userId: "user_1", request: request, campaignId: nil, now: start),
             try Searches.start(db, userId: "user_1", request: request, campaignId: nil, now: start))
        }
        _ = try await database.writer.write { db in try Searches.cancel(db, jobId: cancelled.id, userId: "user_1", now: start) }
        clock.advance(by: 61 * 60)
        let scheduler = makeScheduler(database, clock: clock, handlers: [ScrapingStepHandler(provider: offline(clock))])
        try await scheduler.runUntilIdle()
        let (timedOut, stopped) = try await database.reader.read { db in
            (try ScrapingJob.fetchOne(db, id: slow.id)!, try ScrapingJob.fetchOne(db, id: cancelled.id)!)
        }
        #expect(timedOut.status == .timeout && timedOut.error?.contains("timed out") == true)
        #expect(stopped.status == .cancelled && stopped.processedRuns == 0)
        #expect(throws: ReachError.self, "a finished job cannot be cancelled") {
            try database.writer.write { db in _ = try Searches.cancel(db, jobId: slow.id, userId: "user_1", now: start) }
        }
    }

    @Test("a provider that keeps failing ends the search in error with the message")
    func providerFailure() async throws {
        let database = try ReachDatabase.temporary()
        let clock = ManualClock(start)
        try insertSearcher(database)
        let request = try Searches.validate(platform: .youtube, keywords: ["yoga"], username: nil, targetResults: 100)
        let search = try await database.writer.write { db in
            try Searches.start(db, userId: "user_1", request: request, campaignId: nil, now: start)
        }
        let scheduler = makeScheduler(database, clock: clock, handlers: [ScrapingStepHandler(provider: offline(clock, failureRate: 1))])
        let done = try await runSearch(scheduler, database, clock: clock, jobId: search.id)
        #expect(done.status == .error && done.error == "ScrapeCreators 503 Service Unavailable")
    }

    @Test("a configuration change applies to a running search without a restart")
    func hotReload() async throws {
        let database = try ReachDatabase.temporary()
        let clock = ManualClock(start)
        try insertSearcher(database)
        let request = try Searches.validate(platform: .tiktok, keywords: ["yoga"], username: nil, targetResults: 1000)
        let search = try await database.writer.write { db in
            try Searches.start(db, userId: "user_1", request: request, campaignId: nil, now: start)
        }
        let scheduler = makeScheduler(database, clock: clock, handlers: [ScrapingStepHandler(provider: offline(clock))])
        try await scheduler.runUntilIdle()
        #expect(try await database.reader.read { db in try ScrapingJob.fetchOne(db, id: search.id)!.processedRuns } == 1,
                "the next run waits for the 2 s continuation delay")
        try await database.writer.write { db in
            try Settings.set(db, .tiktokContinuationDelay, value: "0s", now: start)
            try Settings.set(db, .maxAPICalls(.tiktok, .keyword), value: "3", now: start)
        }
        clock.advance(by: 2)
        try await scheduler.runUntilIdle()
        let done = try await database.reader.read { db in try ScrapingJob.fetchOne(db, id: search.id)! }
        #expect(done.status == .completed && done.processedRuns == 3, "no delay now, and the new cap of 3 calls")
    }

    @Test("a search over the plan's creator limit is refused with the platform's details")
    func planLimit() throws {
        let database = try ReachDatabase.temporary()
        try insertSearcher(database, plan: .glowUp)
        let request = try Searches.validate(platform: .tiktok, keywords: ["yoga"], username: nil, targetResults: 500)
        try database.writer.write { db in _ = try Searches.start(db, userId: "user_1", request: request, campaignId: nil, now: start) }
        try database.writer.write { db in try UserProfile.addCreatorUsage(db, userId: "user_1", count: 600) }
        let error = #expect(throws: ReachError.self) {
            try database.writer.write { db in _ = try Searches.start(db, userId: "user_1", request: request, campaignId: nil, now: start) }
        }
        guard case .planLimitExceeded(let details)? = error else { Issue.record("expected a plan limit"); return }
        // 600 used and 500 held by the first search, still running.
        #expect(details.limit == 1_000 && details.currentUsage == 1_100 && details.recommendedPlan == "viral_surge")
        #expect(details.error == "Plan limit exceeded" && details.upgrade && details.usagePercentage == 100)
    }

    @Test("search requests are validated", arguments: [
        (Platform.tiktok, ["a"] as [String]?, nil as String?, 250 as Int?), (.tiktok, [], nil, nil), (.tiktok, ["a"], "b", nil),
        (.instagram, ["a"], nil, 0), (.youtube, nil, "has space", nil), (.instagram, nil, "x", 5_000),
    ] as [(Platform, [String]?, String?, Int?)])
    func validation(_ platform: Platform, _ keywords: [String]?, _ username: String?, _ target: Int?) {
        #expect(throws: ReachError.self) {
            try Searches.validate(platform: platform, keywords: keywords, username: username, targetResults: target)
        }
    }
}

final class CallCounter: Sendable {
    private let value = Mutex(0)
    func next() -> Int { value.withLock { $0 += 1; return $0 } }
    var count: Int { value.withLock { $0 } }
}

