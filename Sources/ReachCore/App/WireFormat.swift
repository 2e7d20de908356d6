import Foundation
import ReachStore

/// Timestamps as the platform's frontend receives them: ISO-8601 UTC with milliseconds and `Z`.
public enum WireFormat {
    /// `2026-11-24T22:06:18.123Z`.
    public static func timestamp(_ date: Date) -> String {
        date.timestampText(separator: "T", suffix: "Z")
    }

    /// An e-mail's `Date:` as RFC 5322 writes it, in UTC: `Mon, 07 Dec 2026 21:52:09 +0000`.
    public static func rfc5322(_ date: Date) -> String {
        let c = date.civil
        let days = Int64((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][Int(((days % 7) + 7) % 7)]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][Int(c.month - 1)]
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekday), \(two(c.day)) \(month) \(c.year) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
    }

    /// Parses an ISO-8601 timestamp with or without fractional seconds, strictly (``TimestampText``):
    /// a real calendar date, within the years the schema stores.
    public static func parseTimestamp(_ text: String) -> Date? {
        TimestampText.parse(text)?.date
    }
}
