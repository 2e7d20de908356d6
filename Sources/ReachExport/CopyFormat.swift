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
        var line = line
        return try line.withUTF8 { try fields(bytes: $0) }
    }

    /// The fields of one data line of UTF-8 bytes, without building a character at a time: a field
    /// without a backslash (most, and the longest) is one copy of its bytes.
    public static func fields(bytes line: UnsafeBufferPointer<UInt8>) throws -> [String?] {
        var fields: [String?] = []
        var start = 0
        var index = 0
        var escaped: [UInt8]?  // the field so far, once it has a backslash
        var isNull = false
        func finish(at end: Int) throws {
            if isNull {
                fields.append(nil)
            } else if var bytes = escaped {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[start..<end]))
                guard let text = String(validating: bytes, as: UTF8.self) else { throw CopyError("a field is not valid UTF-8 once unescaped") }
                fields.append(text)
            } else {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: line[start..<end]), as: UTF8.self))
            }
            escaped = nil
            isNull = false
        }
        while index < line.count {
            let byte = line[index]
            if byte == UInt8(ascii: "\t") {
                try finish(at: index)
                index += 1
                start = index
                continue
            }
            guard byte == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            guard index + 1 < line.count else { throw CopyError("a backslash ends the line") }
            var bytes = escaped ?? []
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[start..<index]))
            let code = line[index + 1]
            index += 2
            switch code {
            case UInt8(ascii: "N"):
                guard bytes.isEmpty, escaped == nil, index == line.count || line[index] == UInt8(ascii: "\t") else {
                    throw CopyError("\\N inside a field")
                }
                isNull = true
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "v"): bytes.append(0x0B)
            case UInt8(ascii: "x"):
                var value: UInt32 = 0
                var digits = 0
                while digits < 2, index < line.count, let digit = Self.hex(line[index]) {
                    value = value * 16 + UInt32(digit)
                    digits += 1
                    index += 1
                }
                guard digits > 0 else { throw CopyError("bad \\x escape") }
                bytes.append(UInt8(value))
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = UInt32(code - UInt8(ascii: "0"))
                var digits = 1
                while digits < 3, index < line.count, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(line[index]) {
                    value = value * 8 + UInt32(line[index] - UInt8(ascii: "0"))
                    digits += 1
                    index += 1
                }
                bytes.append(UInt8(truncatingIfNeeded: value))
            default:
                bytes.append(code)  // PostgreSQL takes any other escaped character as itself
            }
            escaped = isNull ? nil : bytes
            start = index
        }
        try finish(at: line.count)
        return fields
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
