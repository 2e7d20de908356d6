import Foundation
import GRDB
import ReachStore

/// Converts values between Reach's SQLite storage and PostgreSQL's text form, per DESIGN.md's
/// mapping: booleans 0/1 ↔ t/f, timestamps `YYYY-MM-DD HH:MM:SS.SSS` UTC both ways (with `+00`
/// for a `timestamptz` column), the rest as text.
enum ValueCodec {
    /// The PostgreSQL text of a stored value; `nil` is NULL.
    static func postgresText(_ value: DatabaseValue, kind: PostgresSchema.Kind) throws -> String? {
        switch value.storage {
        case .null:
            return nil
        case .int64(let number):
            if kind == .boolean { return number == 0 ? "f" : "t" }
            return String(number)
        case .double(let number):
            // Swift's description is the shortest text that reads back as the same Double.
            guard number.isFinite else { throw CopyError("a non-finite number cannot be exported") }
            return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
        case .string(let text):
            // Stored timestamps are UTC: said so to a column that keeps instants.
            return kind == .timestamptz ? text + "+00" : text
        case .blob:
            throw CopyError("a blob cannot be exported to a text column")
        }
    }

    /// What reading a value changed: Reach keeps milliseconds, PostgreSQL microseconds.
    struct Reading {
        var value: DatabaseValue
        /// A timestamp whose microseconds were cut to milliseconds.
        var truncated = false
    }

    /// The stored value of PostgreSQL text for a column of `kind`.
    static func storedValue(_ text: String?, kind: PostgresSchema.Kind, column: String) throws -> DatabaseValue {
        try read(text, kind: kind, column: column).value
    }

    static func read(_ text: String?, kind: PostgresSchema.Kind, column: String) throws -> Reading {
        guard let text else { return Reading(value: .null) }
        switch kind {
        case .boolean:
            switch text.lowercased() {
            case "t", "true", "1", "yes", "on", "y": return Reading(value: 1.databaseValue)
            case "f", "false", "0", "no", "off", "n": return Reading(value: 0.databaseValue)
            default: throw CopyError("\(column): '\(shown(text))' is not a boolean")
            }
        case .integer:
            guard let number = Int64(text), (-2_147_483_648...2_147_483_647).contains(number) else {
                throw CopyError("\(column): '\(shown(text))' is not a 32-bit integer")
            }
            return Reading(value: number.databaseValue)
        case .numeric:
            guard let number = Double(text), number.isFinite else { throw CopyError("\(column): '\(shown(text))' is not a number") }
            return Reading(value: number.databaseValue)
        case .uuid:
            guard UUID(uuidString: text) != nil else { throw CopyError("\(column): '\(shown(text))' is not a UUID") }
            return Reading(value: text.lowercased().databaseValue)
        case .timestamp, .timestamptz:
            guard let (stored, truncated) = storedTimestamp(text) else {
                throw CopyError("\(column): '\(shown(text))' is not a timestamp of years 0001 to 9999")
            }
            return Reading(value: stored.databaseValue, truncated: truncated)
        case .json:
            do {
                return Reading(value: try RawJSON(validating: text).databaseValue)
            } catch {
                throw CopyError("\(column): \(error)")
            }
        case .text:
            return Reading(value: text.databaseValue)
        }
    }

    /// A timestamp as PostgreSQL prints one (any offset, up to microseconds; ``TimestampText``) →
    /// the stored form, UTC, and whether digits past the millisecond were cut.
    /// `2026-12-07 20:06:41.42099+05:30` → `2026-12-07 14:36:41.420`.
    static func storedTimestamp(_ text: String) -> (String, Bool)? {
        TimestampText.parse(text).map { ($0.date.databaseText, $0.truncated) }
    }

    /// A value as an error message may show it: at most 60 characters.
    static func shown(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(60)) + "…"
    }
}
