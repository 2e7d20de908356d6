import Foundation

/// RFC 4180 CSV, with cells neutralised against formula injection.
enum CSV {
    static func line(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    /// A cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR) gets a
    /// leading `'`; a cell with a comma, quote or line break is quoted, quotes doubled.
    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            text = "'" + text
        }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}
