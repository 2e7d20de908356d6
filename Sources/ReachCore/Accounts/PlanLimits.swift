import Foundation
import GRDB
import ReachStore

/// A plan's limits and features. `-1` means unlimited; `free` has no row: 0 and 0.
public struct PlanLimits: Sendable, Hashable {
    public var campaigns: Int
    public var creators: Int
    public var features: JSONValue

    public static let free = PlanLimits(campaigns: 0, creators: 0, features: .object([:]))

    public var isUnlimitedCampaigns: Bool { campaigns < 0 }
    public var isUnlimitedCreators: Bool { creators < 0 }

    /// Export formats the plan allows, e.g. `["CSV"]`.
    public var exportFormats: [String] { features["exportFormats"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
}
