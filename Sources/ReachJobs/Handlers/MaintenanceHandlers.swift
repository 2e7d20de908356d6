import Foundation
import ReachCore

/// The recurring tasks' handlers, and the accounts' background jobs: each one call of a service.
public enum MaintenanceHandlers {
    public static var all: [any JobHandler] {
        [
            ServiceHandler(ExpireTrialsJob.self) { _, context in
                ["expired": .int(Int64(try await paged { try await context.accounts.expireTrials(limit: $0) }))]
            },
            ServiceHandler(TimeOutSearchesJob.self) { _, context in
                ["timedOut": .int(Int64(try await context.searches.timeOutExpired()))]
            },
            ServiceHandler(ResetUsageJob.self) { _, context in
                ["reset": .int(Int64(try await paged { try await context.accounts.resetUsage(limit: $0) }))]
            },
            ServiceHandler(CleanupJobsJob.self) { _, context in
                try await context.maintenance.cleanup()
            },
            ServiceHandler(CompleteOnboardingJob.self) { parameters, context in
                try await context.accounts.finishOnboarding(userId: parameters.userId)
            },
            ServiceHandler(OptimizeDatabaseJob.self) { _, context in
                try context.maintenance.optimize()
                return ["optimized": true]
            },
        ]
    }

    /// Work over many rows a page per transaction (500 rows each), so that other writers get
    /// their turn between pages and memory stays small when much falls due at once (a file opened
    /// after a long pause). `page` handles at most its argument and returns how many; fewer means done.
    static func paged(pageSize: Int = 500, _ page: (Int) async throws -> Int) async throws -> Int {
        var total = 0
        while true {
            let handled = try await page(pageSize)
            total += handled
            if handled < pageSize { return total }
        }
    }
}
