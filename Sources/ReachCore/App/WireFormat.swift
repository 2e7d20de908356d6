import Foundation
import ReachStore

/// Timestamps as the platform's frontend receives them: ISO-8601 UTC with milliseconds and `Z`.
public enum WireFormat {
    /// `2026-11-24T22:06:18.123Z`.
    public static func timestamp(_ date: Date) -> String {
        let c = date.civil
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):"
            + "\(pad(c.second, 2)).\(pad(c.millisecond, 3))Z"
    }

    /// Parses an ISO-8601 timestamp with or without fractional seconds.
    public static func parseTimestamp(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true)) {
            return date
        }
        return try? Date(text, strategy: .iso8601)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
