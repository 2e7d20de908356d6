import Foundation
import ReachStore

/// Timestamps as the platform's frontend receives them: ISO-8601 UTC with milliseconds and `Z`.
public enum WireFormat {
    /// `2026-11-24T22:06:18.123Z`.
    public static func timestamp(_ date: Date) -> String {
        date.timestampText(separator: "T", suffix: "Z")
    }

    /// Parses an ISO-8601 timestamp with or without fractional seconds, strictly (``TimestampText``):
    /// a real calendar date, within the years the schema stores.
    public static func parseTimestamp(_ text: String) -> Date? {
        TimestampText.parse(text)?.date
    }
}
