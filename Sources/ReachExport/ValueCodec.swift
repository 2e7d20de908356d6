import Foundation
import GRDB
import ReachStore

/// Converts values between Reach's SQLite storage and PostgreSQL's text form, per DESIGN.md's
/// mapping: booleans 0/1 ↔ t/f, timestamps `YYYY-MM-DD HH:MM:SS.SSS` both ways, the rest as text.
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
            return text
        case .blob:
            throw CopyError("a blob cannot be exported to a text column")
        }
    }

    /// The stored value of PostgreSQL text for a column of `kind`.
    static func storedValue(_ text: String?, kind: PostgresSchema.Kind, column: String) throws -> DatabaseValue {
        guard let text else { return .null }
        switch kind {
        case .boolean:
            switch text.lowercased() {
            case "t", "true", "1", "yes", "on": return 1.databaseValue
            case "f", "false", "0", "no", "off": return 0.databaseValue
            default: throw CopyError("\(column): '\(text)' is not a boolean")
            }
        case .integer:
            guard let number = Int64(text), (-2_147_483_648...2_147_483_647).contains(number) else {
                throw CopyError("\(column): '\(text)' is not a 32-bit integer")
            }
            return number.databaseValue
        case .numeric:
            guard let number = Double(text), number.isFinite else { throw CopyError("\(column): '\(text)' is not a number") }
            return number.databaseValue
        case .uuid:
            guard UUID(uuidString: text) != nil else { throw CopyError("\(column): '\(text)' is not a UUID") }
            return text.lowercased().databaseValue
        case .timestamp:
            guard let stored = storedTimestamp(text) else {
                throw CopyError("\(column): '\(text)' is not a timestamp of years 0001 to 9999")
            }
            return stored.databaseValue
        case .json:
            do {
                return try RawJSON(validating: text).databaseValue
            } catch {
                throw CopyError("\(column): \(error)")
            }
        case .text:
            return text.databaseValue
        }
    }

    /// `2026-11-24 22:06:18.123456` (PostgreSQL prints 0 to 6 fractional digits) → `2026-11-24 22:06:18.123`.
    static func storedTimestamp(_ text: String) -> String? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first else { return nil }
        let base = String(first)
        guard base.count == 19, base.range(of: #"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$"#, options: .regularExpression) != nil else {
            return nil
        }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 6, fraction.allSatisfy(\.isNumber) else { return nil }
        fraction = String((fraction + "000").prefix(3))
        return "\(base).\(fraction)"
    }
}
