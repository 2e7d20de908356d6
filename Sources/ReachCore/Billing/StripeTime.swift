import Foundation
import ReachStore

/// Stripe's timestamps: whole Unix seconds. A value outside years 1970 to 9999, a fraction, a
/// string or a number of 9.3e15 refuses the event with a 400 that names the field, before any
/// change: converting it would otherwise trap.
public enum StripeTime {
    public static let latest: Int64 = 253_402_300_799

    /// The date of `value` (`nil` when absent or null); `field` names it in the refusal.
    public static func date(_ value: JSONValue?, field: String) throws -> Date? {
        guard let seconds = try seconds(value, field: field) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    public static func seconds(_ value: JSONValue?, field: String) throws -> Int64? {
        switch value {
        case nil, .null?: return nil
        case .int(let seconds)? where (0...latest).contains(seconds): return seconds
        case .double(let seconds)? where seconds.isFinite && seconds == seconds.rounded() && (0...Double(latest)).contains(seconds):
            return Int64(seconds)
        default:
            throw ReachError.invalid(field: field, reason: "a Stripe timestamp is whole Unix seconds from 1970 to 9999")
        }
    }
}
