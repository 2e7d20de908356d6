import Foundation
import GRDB
import ReachCore
import ReachStore
import Logging
import ServiceLifecycle
import Testing
@testable import ReachJobs

@Suite("Jobs that die")
struct DyingJobTests {
    @Test("a search whose step dies through lease expiry ends in error, and counts as failed")
    func deadStepEndsTheSearch() async throws {
        let database = try ReachDatabase.temporary()
        let clock = ManualClock(start)
        try insertSearcher(database)
        let search = try await database.writer.write { db in
            try Searches.start(db, userId: "user_1",
                               request: try Searches.validate(platform: .tiktok, keywords: ["yoga"], username: nil, targetResults: 100),
                               campaignId: nil, now: start)
        }
        // Four workers die holding the step: three recoveries retry it, the fourth fails it for good.
        for _ in 0..<4 {
            _ = try await database.writer.write { db in
                try JobQueue.claim(db, now: clock.now(), limit: 1, holder: "elsewhere:1:gone", leaseUntil: clock.now().addingTimeInterval(1))
            }
            clock.advance(by: 2)
            let scheduler = makeScheduler(database, clock: clock, handlers: [ScrapingStepHandler(provider: offline(clock, latency: .seconds(60)))])
            _ = try await scheduler.recoverLeases(includeDeadProcesses: false)
        }
        let (job, step) = try await database.reader.read { db in
            (try ScrapingJob.fetchOne(db, id: search.id)!, try BackgroundJob.filter(BackgroundJob.Columns.jobType == SearchStepJob.jobType).fetchOne(db)!)
        }
        #expect(step.status == .failed)
        #expect(job.status == .error && job.error?.contains("lease expired") == true)
    }
}
