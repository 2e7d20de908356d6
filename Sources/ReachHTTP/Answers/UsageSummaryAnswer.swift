import Foundation
import Hummingbird
import ReachCore

/// `GET /api/usage/summary`: the platform's `{currentPlan, campaigns, creators}` with `used`,
/// `remaining` and `limit` (null when unlimited), and Reach's percentages and warnings beside them.
struct UsageSummaryAnswer: ResponseEncodable {
    var currentPlan: PlanKey
    var campaigns: Meter
    var creators: Meter
    var plan: PlanKey
    var resetDate: Date?
    var paymentPastDue: Bool

    struct Meter: Encodable {
        var used: Int
        var remaining: Int?
        var limit: Int?
        var percentage: Int
        var warning: String?

        init(_ meter: AccountStatus.Meter) {
            used = meter.used
            limit = meter.limit < 0 ? nil : meter.limit
            remaining = limit.map { max(0, $0 - meter.used) }
            percentage = meter.percentage
            warning = meter.warning
        }

        enum Keys: String, CodingKey { case used, remaining, limit, percentage, warning }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(used, forKey: .used)
            try container.encode(remaining, forKey: .remaining)  // null when unlimited
            try container.encode(limit, forKey: .limit)
            try container.encode(percentage, forKey: .percentage)
            try container.encodeIfPresent(warning, forKey: .warning)
        }
    }

    init(_ usage: AccountStatus.Usage) {
        currentPlan = usage.plan
        plan = usage.plan
        campaigns = Meter(usage.campaigns)
        creators = Meter(usage.creators)
        resetDate = usage.resetDate
        paymentPastDue = usage.paymentPastDue
    }
}
