import Foundation
import GRDB
import ReachStore

/// The platform's 403 body when a plan limit is exceeded.
public struct PlanLimitExceeded: Codable, Sendable, Hashable {
    public var error = "Plan limit exceeded"
    public var message: String
    public var upgrade = true
    public var currentUsage: Int
    public var limit: Int
    public var usagePercentage: Int
    public var recommendedPlan: String?
    /// The percentage of a limit past which the platform warns (campaigns).
    public var warningThreshold: Int?
    /// The search refused, on the search routes.
    public var searchType: SearchType?
    public var platform: Platform?
    /// The plan and why, on the export route.
    public var currentPlan: PlanKey?
    public var reason: String?

    public init(message: String, currentUsage: Int, limit: Int, recommendedPlan: String?, error: String = "Plan limit exceeded") {
        self.error = error
        self.message = message
        self.currentUsage = currentUsage
        self.limit = limit
        self.usagePercentage = limit > 0 ? min(100, currentUsage * 100 / limit) : 100
        self.recommendedPlan = recommendedPlan
    }
}
