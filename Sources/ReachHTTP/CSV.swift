import Foundation
import ReachCore

/// RFC 4180 CSV, with cells neutralised against formula injection.
enum CSV {
    /// Cells quoted only where they must be (Reach's own export).
    static func line(_ cells: [String]) -> String {
        cells.map { quotedIfNeeded(neutralised($0)) }.joined(separator: ",") + "\r\n"
    }

    /// Every cell quoted, as the platform writes its exports.
    static func quotedLine(_ cells: [String]) -> String {
        cells.map { quoted(neutralised($0)) }.joined(separator: ",") + "\r\n"
    }

    /// A cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading `'`.
    static func neutralised(_ value: String) -> String {
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { return "'" + value }
        return value
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Quoted when it holds a comma, quote or line break.
    static func quotedIfNeeded(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? quoted(text) : text
    }

    /// The text of the first of `values` that is a string, number or boolean; "" when none is.
    static func text(_ values: JSONValue?...) -> String {
        for value in values {
            switch value {
            case .string(let text)?: return text
            case .int(let number)?: return String(number)
            case .double(let number)?: return number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            case .bool(let flag)?: return flag ? "true" : "false"
            default: continue
            }
        }
        return ""
    }

    /// The strings of a JSON array, joined.
    static func joined(_ value: JSONValue?, separator: String) -> String {
        (value?.arrayValue ?? []).compactMap { item in item.stringValue ?? (item.intValue.map { String($0) }) }
            .joined(separator: separator)
    }
}
