import Foundation

/// PostgreSQL's `COPY … FROM stdin` text format: tab-separated fields, `\N` for NULL, and
/// backslash escapes for backslash, tab, newline and carriage return.
public enum CopyFormat {
    /// One field, escaped.
    public static func escape(_ text: String, into output: inout String) {
        var bytes: [UInt8] = []
        escape(text, into: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// One field, escaped, as UTF-8: a byte loop, since the export writes gigabytes of JSON.
    public static func escape(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let replacement: UInt8
                switch bytes[index] {
                case UInt8(ascii: "\\"): replacement = UInt8(ascii: "\\")
                case UInt8(ascii: "\t"): replacement = UInt8(ascii: "t")
                case UInt8(ascii: "\n"): replacement = UInt8(ascii: "n")
                case UInt8(ascii: "\r"): replacement = UInt8(ascii: "r")
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                output.append(UInt8(ascii: "\\"))
                output.append(replacement)
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    public static let null = "\\N"

    /// The fields of one data line; `nil` for NULL.
    public static func fields(_ line: Substring) throws -> [String?] {
        var fields: [String?] = []
        var current = String.UnicodeScalarView()
        var isNull = false
        var scalars = line.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        func finish() {
            fields.append(isNull ? nil : String(current))
            current = String.UnicodeScalarView()
            isNull = false
        }
        while let scalar = pending {
            pending = scalars.next()
            if scalar == "\t" {
                finish()
                continue
            }
            guard scalar == "\\" else {
                current.append(scalar)
                continue
            }
            guard let escaped = pending else { throw CopyError("a backslash ends the line") }
            pending = scalars.next()
            switch escaped {
            case "N":
                guard current.isEmpty, pending == nil || pending == "\t" else { throw CopyError("\\N inside a field") }
                isNull = true
            case "\\": current.append("\\")
            case "t": current.append("\t")
            case "n": current.append("\n")
            case "r": current.append("\r")
            case "b": current.append("\u{08}")
            case "f": current.append("\u{0C}")
            case "v": current.append("\u{0B}")
            case "x":
                var value: UInt32 = 0
                var digits = 0
                while digits < 2, let next = pending, let digit = UInt32(String(next), radix: 16) {
                    value = value * 16 + digit
                    digits += 1
                    pending = scalars.next()
                }
                guard digits > 0, let decoded = Unicode.Scalar(value) else { throw CopyError("bad \\x escape") }
                current.append(decoded)
            case "0"..."7":
                var value = UInt32(String(escaped))!
                var digits = 1
                while digits < 3, let next = pending, ("0"..."7").contains(next) {
                    value = value * 8 + UInt32(String(next))!
                    digits += 1
                    pending = scalars.next()
                }
                guard let decoded = Unicode.Scalar(value) else { throw CopyError("bad octal escape") }
                current.append(decoded)
            default:
                current.append(escaped)  // PostgreSQL takes any other escaped character as itself
            }
        }
        finish()
        return fields
    }
}
