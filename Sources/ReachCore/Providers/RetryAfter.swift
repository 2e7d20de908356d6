import Foundation
import ReachStore

/// A provider's `Retry-After` header (RFC 9110 §10.2.3): whole seconds, or an HTTP-date.
///
/// Anything else (`-1`, `nan`, `1e300`) is unreadable and falls back to backoff; a huge number of
/// seconds is kept as it is, for the caller to refuse against its cap, and never converted to an
/// integer duration on the way.
public enum RetryAfter {
    /// The wait asked for, in seconds from `now` (0 for a date in the past); `nil` when absent or unreadable.
    public static func seconds(_ header: String?, now: Date) -> TimeInterval? {
        guard let text = header?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            // Digits only, however many: kept huge (and finite) for the caller's cap to refuse.
            return min(Double(text) ?? .greatestFiniteMagnitude, .greatestFiniteMagnitude)
        }
        guard let date = httpDate(text) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// `Sun, 06 Nov 1994 08:49:37 GMT` (IMF-fixdate, the form senders must use).
    static func httpDate(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard parts.count == 6, parts[0].hasSuffix(","), parts[5] == "GMT", parts[1].count == 2, parts[3].count == 4,
            parts[4].count == 8, let month = months.firstIndex(of: String(parts[2]))
        else { return nil }
        let stored = "\(parts[3])-\(month < 9 ? "0" : "")\(month + 1)-\(parts[1]) \(parts[4])"
        return Date(databaseText: Array(stored.utf8))
    }
}
