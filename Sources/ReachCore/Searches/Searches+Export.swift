import Foundation
import GRDB
import ReachStore

/// What a CSV export reads: the plan's permission, the searches selected, their result pages in batches.
extension Searches {
    /// What a CSV export of the user's job or campaign reads, once the plan allows CSV; not found
    /// when they hold no creator yet.
    public func exportSelection(userId: String, jobId: UUID?, campaignId: UUID?) async throws -> ExportSelection {
        let day = String(WireFormat.timestamp(context.now()).prefix(10))
        return try await context.read { db in
            guard let profile = try UserProfile.fetchOne(db, userId: userId) else { throw ReachError.notFound("profile of \(userId)") }
            let limits = try Plans.effectiveLimits(db, profile: profile)
            guard limits.exportFormats.contains("CSV") else {
                var details = PlanLimitExceeded(
                    message: "CSV export is not part of your plan. Upgrade to export creators.", currentUsage: 0, limit: 0,
                    recommendedPlan: try Plans.recommendedPlan(db, above: profile.currentPlan ?? .free),
                    error: "CSV export not available on your plan")
                details.currentPlan = profile.currentPlan ?? .free
                details.reason = "Your plan's export formats do not include CSV"
                throw ReachError.planLimitExceeded(details)
            }
            let selection: ExportSelection
            if let jobId {
                selection = ExportSelection(jobs: [try Self.owned(db, id: jobId, userId: userId)], fileName: "creators-\(day).csv")
            } else if let campaignId {
                let campaign = try Campaigns.owned(db, id: campaignId, userId: userId)
                selection = ExportSelection(
                    jobs: try ScrapingJob.fetchAll(db, campaignId: campaign.id).reversed(),
                    fileName: "creators-campaign-\(campaign.id.lowercased)-\(day).csv")
            } else {
                throw ReachError.badRequest("give `jobId` or `campaignId`")
            }
            guard try selection.jobs.contains(where: { try ScrapingResult.creatorCount(db, jobId: $0.id) > 0 }) else {
                throw ReachError.notFound("results of \(jobId != nil ? "this search" : "this campaign's searches")")
            }
            return selection
        }
    }

    /// The jobs an export reads, in the order they were made, and the name of its file.
    public struct ExportSelection: Sendable {
        public var jobs: [ScrapingJob]
        public var fileName: String
    }

    /// Result pages of the jobs, `limit` at a time after the position `after` (0 to start): an
    /// export streams through these, each batch its own read.
    public func resultBatch(jobIds: [UUID], after: Int64, limit: Int) async throws -> [(position: Int64, result: ScrapingResult)] {
        try await context.read { db in
            try ScrapingResult.fetchBatch(db, jobIds: jobIds, afterRowID: after, limit: limit).map { ($0.0, $0.1) }
        }
    }
}
