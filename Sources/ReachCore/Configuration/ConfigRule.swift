import Foundation
import ReachStore

/// The values a setting takes: its type, and a range that makes sense for what it controls.
///
/// Every write (the admin API, `reach config set`, the dashboard, an import) is checked against
/// the setting's rule, and a stored value outside it reads as the default: a count of
/// `100000000000000000000` jobs or a timeout of `999999999999h` is refused, never acted on.
public enum ConfigRule: Sendable, Hashable {
    /// A whole number of things (calls, jobs, days, milliseconds).
    case count(ClosedRange<Int>)
    /// A duration written `Nms`, `Ns`, `Nm` or `Nh`, in seconds.
    case duration(ClosedRange<TimeInterval>)
    case boolean
    /// Any number in range, fractions allowed: settings Reach does not know.
    case number(ClosedRange<Double>)

    static let hour: TimeInterval = 3_600
    static let day: TimeInterval = 86_400

    /// The rule of each setting Reach reads; an admin's own settings get ``rule(for:type:)``'s general one.
    static let known: [ConfigKey: ConfigRule] = {
        var rules: [ConfigKey: ConfigRule] = [
            .tiktokContinuationDelay: .duration(0...hour),
            .instagramReelsDelay: .duration(0...hour),
            .standardJobTimeout: .duration(0...(7 * day)),
            .instagramJobTimeout: .duration(0...(7 * day)),
            .cleanupTimeout: .duration(0...(30 * day)),
            .frontendStatusCheckInterval: .count(100...600_000),
            .campaignStatusInterval: .count(100...600_000),
            .batchSize: .count(1...10_000),
            .completedJobsRetentionDays: .count(1...36_500),
            .errorJobsRetentionDays: .count(1...36_500),
            .maxConcurrentJobs: .count(1...256),
            .defaultRetryDelay: .duration(0...day),
            .jobTimeout: .duration(0...day),
            .eventRetentionDays: .count(1...36_500),
            .enableEventReplay: .boolean,
            .providerRequestTimeout: .duration(1...600),
            .providerMaxRetries: .count(0...10),
            .providerRetryAfterCap: .duration(0...hour),
            .scrapeCreatorsInterval: .duration(0...60),
            .rapidAPIInterval: .duration(0...60),
            .apifyInterval: .duration(0...60),
            .providerSecondaryConcurrency: .count(1...64),
            .apifyRunTimeout: .duration(10...3_600),
        ]
        for platform in Platform.allCases {
            for type in SearchType.allCases { rules[.maxAPICalls(platform, type)] = .count(1...10_000) }
        }
        return rules
    }()

    /// The rule for `key` stored as `type`.
    public static func rule(for key: ConfigKey, type: ConfigValueType) -> ConfigRule {
        if let rule = known[key] { return rule }
        switch type {
        case .number: return .number(0...1e15)
        case .duration: return .duration(0...(365 * day))
        case .boolean: return .boolean
        }
    }

    /// The value type a rule's values are stored as.
    public var valueType: ConfigValueType {
        switch self {
        case .count, .number: return .number
        case .duration: return .duration
        case .boolean: return .boolean
        }
    }

    /// What the rule accepts, for error messages: `a whole number from 1 to 256`.
    public var expectation: String {
        switch self {
        case .count(let range): return "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .number(let range): return "a number from \(Self.plain(range.lowerBound)) to \(Self.plain(range.upperBound))"
        case .duration(let range):
            return "a duration from \(Self.duration(range.lowerBound)) to \(Self.duration(range.upperBound)): "
                + "a whole number and ms, s, m or h (e.g. 30s), or plain milliseconds"
        case .boolean: return "true or false"
        }
    }

    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e18 ? String(Int64(value)) : String(value)
    }

    /// `3600` → `1h`, `0.25` → `250ms`.
    static func duration(_ seconds: TimeInterval) -> String {
        if seconds >= hour, seconds.truncatingRemainder(dividingBy: hour) == 0 { return "\(Int(seconds / hour))h" }
        if seconds >= 60, seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(seconds / 60))m" }
        if seconds == seconds.rounded() { return "\(Int(seconds))s" }
        return "\(Int((seconds * 1000).rounded()))ms"
    }
}
