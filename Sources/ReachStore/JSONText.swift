/// How Reach writes JSON text: compact, object keys sorted, strings escaped as RFC 8259 asks. The
/// one writer behind stored JSON (``JSONValue/jsonText``) and the wire format (WireEncoder).
public enum JSONText {
    /// `[a,b]`, each element written by `element`.
    public static func array<Items: Sequence>(_ items: Items, to output: inout String, _ element: (Items.Element, inout String) -> Void) {
        output += "["
        for (index, item) in items.enumerated() {
            if index > 0 { output += "," }
            element(item, &output)
        }
        output += "]"
    }

    /// `{"a":1,"b":2}`, keys sorted, each value written by `value`.
    public static func object<Value>(_ members: [String: Value], to output: inout String, _ value: (Value, inout String) -> Void) {
        output += "{"
        // UTF-8 byte order: deterministic, the same as String order for ASCII keys, and without its Unicode work.
        let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for (index, member) in sorted.enumerated() {
            if index > 0 { output += "," }
            string(member.key, to: &output)
            output += ":"
            value(member.value, &output)
        }
        output += "}"
    }

    /// A string, quoted and escaped.
    public static func string(_ value: String, to output: inout String) {
        output += "\""
        // Most text needs no escape: appended whole, it is one copy instead of one per scalar.
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            output += value
            output += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
