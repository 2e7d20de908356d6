import Foundation
import ReachStore

/// A setting's value, checked against its rule.
public enum ConfigValue: Hashable, Sendable {
    case count(Int)
    case number(Double)
    case duration(TimeInterval)
    case boolean(Bool)

    /// Parses the text of the setting `key` stored as `type`, or says what is wrong with it.
    public init(parsing text: String, for key: ConfigKey, as type: ConfigValueType) throws {
        let rule = ConfigRule.rule(for: key, type: type)
        guard rule.valueType == type else {
            throw ReachError.invalid(field: "valueType", reason: "\(key) is a \(rule.valueType.rawValue) setting, not \(type.rawValue)")
        }
        guard let value = Self.parse(text, rule: rule) else {
            throw ReachError.invalid(field: "value", reason: "\(key): '\(Self.shown(text))' is not \(rule.expectation)")
        }
        self = value
    }

    static func parse(_ text: String, rule: ConfigRule) -> ConfigValue? {
        switch rule {
        case .count(let range):
            // Digits only: no sign, exponent or fraction, and no conversion from a Double that could trap.
            guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                let value = Int(text), range.contains(value)
            else { return nil }
            return .count(value)
        case .number(let range):
            guard !text.isEmpty, text.utf8.count <= 30,
                text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") }),
                let value = Double(text), value.isFinite, range.contains(value)
            else { return nil }
            return .number(value)
        case .duration(let range):
            guard let seconds = seconds(text), range.contains(seconds) else { return nil }
            return .duration(seconds)
        case .boolean:
            switch text {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default: return nil
            }
        }
    }

    /// `2s` → 2, `60m` → 3600, `250ms` → 0.25, and a bare number is milliseconds (`30000` → 30),
    /// as the platform's migrations wrote their durations.
    static func seconds(_ text: String) -> TimeInterval? {
        if !text.isEmpty, text.utf8.count <= 15, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let amount = Double(text) {
            return amount / 1000
        }
        let units: [(String, TimeInterval)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            let digits = text.dropLast(suffix.count)
            guard !digits.isEmpty, digits.utf8.count <= 12, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                let amount = Double(digits)
            else { return nil }
            return amount * scale
        }
        return nil
    }

    /// A value as an error message may show it: at most 40 characters.
    static func shown(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }
}
