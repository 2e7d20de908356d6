import Foundation
import ReachStore

/// A request's query string, parsed once and read with checks: each refusal says what to send.
///
/// Pure (no server types), so that the routes, the dashboard and the fuzzer read queries alike.
///
/// ```swift
/// let query = QueryParameters("page=2&q=yoga%20mats")
/// try query.int("page", default: 1, range: 1...1_000_000)  // 2
/// ```
public struct QueryParameters: Sendable {
    /// Each name's value, percent-decoded; a name given twice keeps its last value.
    public let values: [String: String]

    /// Parses `name=value&…` (without the `?`); `+` is a space, as forms send it.
    public init(_ query: String?) {
        var values: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            guard !name.isEmpty else { continue }
            values[name] = parts.count > 1 ? Self.decode(parts[1]) : ""
        }
        self.values = values
    }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    public func string(_ name: String, maximum: Int = 500) throws -> String? {
        guard let value = values[name] else { return nil }
        guard value.fits(maximum), !value.contains("\u{0}") else {
            throw ReachError.badRequest("`\(name)` must be text of at most \(maximum) characters")
        }
        return value
    }

    /// A whole number in `range`; absent or empty is `defaultValue`.
    public func int(_ name: String, default defaultValue: Int? = nil, range: ClosedRange<Int>) throws -> Int? {
        guard let text = values[name], !text.isEmpty else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw ReachError.badRequest("`\(name)` must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    public func bool(_ name: String) throws -> Bool? {
        guard let text = values[name], !text.isEmpty else { return nil }
        switch text.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw ReachError.badRequest("`\(name)` must be true or false")
        }
    }

    public func uuid(_ name: String) throws -> UUID? {
        guard let text = values[name], !text.isEmpty else { return nil }
        guard let id = UUID(uuidString: text) else { throw ReachError.badRequest("`\(name)` must be a UUID") }
        return id
    }

    public func value<E: StoredEnum>(_ name: String, as type: E.Type) throws -> E? {
        guard let text = values[name], !text.isEmpty else { return nil }
        guard let value = E(parsing: text) else { throw ReachError.badRequest("`\(name)` must be one of \(E.valueList)") }
        return value
    }
}
