import Foundation
import GRDB
import ReachCore
import ReachStore

/// The seed document's query patterns, the pending-job claim and a creator search, in process,
/// decoding rows into records as an application does. `Scripts/bench` runs the same queries with
/// the same parameters on PostgreSQL through pgbench.
struct QueryPatternsBenchmark {
    struct Parameters: Decodable {
        var userId: String
        var campaignId: String
        var search: String
        var cutoff: String
        var category: String
        var creatorUser: String
        var creatorText: String
    }

    let database: ReachDatabase
    let parameters: Parameters
    let budget: Double

    func run() throws -> [String: [String: Double]] {
        let p = parameters
        guard let campaignId = UUID(uuidString: p.campaignId), let cutoff = Date.fromDatabaseValue(p.cutoff.databaseValue) else {
            throw BenchError("bad parameters: campaignId must be a UUID, cutoff a stored timestamp")
        }
        let queries: [(String, (Database) throws -> Void)] = [
            ("user_jobs_with_results", { db in _ = try ScrapingJob.fetchDetails(db, userId: p.userId, limit: 50) }),
            ("campaign_results", { db in _ = try Campaign.fetchDetail(db, id: campaignId) }),
            ("admin_user_search", { db in _ = try UserSearch.search(db, query: p.search, limit: 50, fields: .fullName) }),
            ("expiring_trials", { db in _ = try UserProfile.fetchExpiringTrials(db, endingBy: cutoff) }),
            ("user_events", { db in _ = try Event.fetchUserHistory(db, userId: p.userId, limit: 100) }),
            ("hot_reloadable_config", { db in _ = try SystemConfiguration.fetchHotReloadable(db, category: p.category) }),
            ("creator_search", { db in
                var query = CreatorQuery(userId: p.creatorUser)
                query.text = p.creatorText
                _ = try CreatorSearch.search(db, query)
            }),
        ]
        var results: [String: [String: Double]] = [:]
        for (name, body) in queries {
            let samples = try database.reader.read { db in try measure(budget: budget) { try body(db) } }
            results[name] = ["p50_ms": milliseconds(samples.p50), "p99_ms": milliseconds(samples.p99), "samples": Double(samples.seconds.count)]
        }
        // The claim writes: each sample claims 10 due jobs and rolls back, as the PostgreSQL side does.
        let now = Date()
        let claim = try database.writer.writeWithoutTransaction { db in
            try measure(budget: budget) {
                try db.inTransaction {
                    _ = try JobQueue.claim(db, now: now, limit: 10, holder: "bench", leaseUntil: now.addingTimeInterval(300))
                    return .rollback
                }
            }
        }
        results["pending_job_claim"] = ["p50_ms": milliseconds(claim.p50), "p99_ms": milliseconds(claim.p99),
                                        "samples": Double(claim.seconds.count)]
        return results
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
