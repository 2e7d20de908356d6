import Foundation
import ReachStore

/// Timestamps as the platform's frontend receives them: ISO-8601 UTC with milliseconds and `Z`.
public enum WireFormat {
    /// `2026-11-24T22:06:18.123Z`.
    public static func timestamp(_ date: Date) -> String {
        date.timestampText(separator: "T", suffix: "Z")
    }

    /// Parses an ISO-8601 timestamp with or without fractional seconds.
    public static func parseTimestamp(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true)) {
            return date
        }
        return try? Date(text, strategy: .iso8601)
    }
}
