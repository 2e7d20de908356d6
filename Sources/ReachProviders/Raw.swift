import Foundation
import ReachCore

/// Reading providers' answers as the platform's code does (providers.md: `x ∨ y` is the first of
/// them present and not `""`, 0, false or null), without trusting any number or shape.
enum Raw {
    /// Whether JavaScript would take `value` as true.
    static func truthy(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?: return false
        case .bool(let flag)?: return flag
        case .int(let number)?: return number != 0
        case .double(let number)?: return number != 0 && !number.isNaN
        case .string(let text)?: return !text.isEmpty
        case .array?, .object?: return true
        }
    }

    /// The first truthy of `values`.
    static func first(_ values: JSONValue?...) -> JSONValue? {
        values.first(where: truthy) ?? nil
    }

    /// The first truthy of `values` as text (numbers written as integers where they are whole);
    /// `fallback` when none is.
    static func text(_ values: JSONValue?..., or fallback: String = "") -> String {
        for value in values where truthy(value) {
            switch value {
            case .string(let text)?: return text
            case .int(let number)?: return String(number)
            case .double(let number)?: return number.rounded() == number && abs(number) < 9e15 ? String(Int64(number)) : String(number)
            case .bool(let flag)?: return flag ? "true" : "false"
            default: continue
            }
        }
        return fallback
    }

    /// A count: an integer kept exactly, a fraction rounded (16399999.999999998 → 16400000), a
    /// numeric string read; anything else, negative or not finite, 0.
    static func count(_ values: JSONValue?...) -> Int64 {
        for value in values where truthy(value) {
            switch value {
            case .int(let number)?: return max(0, number)
            case .double(let number)? where number.isFinite:
                return number <= 0 ? 0 : (number >= 9.2e18 ? Int64.max : Int64(number.rounded()))
            case .string(let text)?:
                if let number = Int64(text.trimmingCharacters(in: .whitespaces)) { return max(0, number) }
            default: continue
            }
        }
        return 0
    }

    /// The array at `value`, or none.
    static func array(_ value: JSONValue?) -> [JSONValue] { value?.arrayValue ?? [] }

    /// A string id as sent: `"123"`, or an integer written exactly.
    static func id(_ value: JSONValue?) -> String {
        switch value {
        case .string(let text)?: return text
        case .int(let number)?: return String(number)
        case .double(let number)? where number.isFinite && number.rounded() == number && abs(number) < 9e15: return String(Int64(number))
        default: return ""
        }
    }

    /// The platform's verified rule on a TikTok user: `is_verified`, a `verification_type` above 0,
    /// or a non-empty `custom_verify`.
    static func tiktokVerified(_ user: JSONValue?) -> Bool {
        truthy(user?["is_verified"]) || count(user?["verification_type"]) > 0 || truthy(user?["custom_verify"])
    }

    /// A handle without its first `@` and surrounding whitespace.
    static func handle(_ text: String) -> String {
        var handle = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if handle.hasPrefix("@") { handle.removeFirst() }
        return handle
    }
}
