import Foundation

/// The statements of a PostgreSQL script or dump that carry rows: `COPY … FROM stdin` blocks and
/// `INSERT … VALUES` statements, in every form `pg_dump` writes them (plain, `--data-only`,
/// `--inserts`, `--column-inserts`, `--rows-per-insert`, `--quote-all-identifiers`) and Supabase's
/// data dump. Everything else is skipped by SQL's own rules (quotes, dollar quotes, comments),
/// except what tells how to read the rest: `CREATE TABLE` (the column order of an `INSERT` that
/// names none) and `SET standard_conforming_strings`. psql's meta-commands (`\restrict`,
/// `\connect`) are skipped.
///
/// Rows stream: one `INSERT` of a million rows is read a row at a time.
final class DumpReader {
    /// A table as a statement names it: `public.campaigns`, `"auth"."users"`, `campaigns`.
    struct TableName: Hashable, CustomStringConvertible {
        var schema: String?
        var table: String
        var description: String { schema.map { "\($0).\(table)" } ?? table }
    }

    enum Statement {
        /// Data lines follow: read them with ``nextCopyRow()``.
        case copy(TableName, columns: [String]?, line: Int)
        /// Rows follow: read them with ``nextInsertRow()``.
        case insert(TableName, columns: [String]?, line: Int)
    }

    let input: DumpInput
    /// Column order of the tables whose `CREATE TABLE` the dump holds.
    private(set) var definitions: [TableName: [String]] = [:]
    /// Whether `'…'` strings take backslashes literally (pg_dump sets it on).
    private var standardStrings = true
    private var insertState = InsertState.none
    /// The line of the COPY whose data is being read.
    private var copyLine = 0

    private enum InsertState { case none, firstRow, nextRow, done }

    init(_ input: DumpInput) {
        self.input = input
    }

    private func failure(_ reason: String, line: Int? = nil) -> Importer.Failure {
        Importer.Failure(line: line ?? input.line, reason: reason)
    }

    // MARK: Statements

    /// The next statement that carries rows; nil at the end of the input.
    func nextStatement() throws -> Statement? {
        while true {
            try skipSpaceAndComments()
            guard let byte = try input.peek() else { return nil }
            if byte == UInt8(ascii: "\\") {  // a psql meta-command: one line
                try input.skipLine()
                continue
            }
            if byte == UInt8(ascii: ";") {
                input.advance()
                continue
            }
            let line = input.line
            let word = try readWord().uppercased()
            switch word {
            case "COPY":
                var text: [UInt8]? = []
                guard try scanStatement(keeping: &text, line: line) else {
                    throw failure("expected COPY <table> (<columns>) FROM stdin; (the statement never ends)", line: line)
                }
                guard let statement = try copyStatement(text ?? [], line: line) else { continue }
                try input.skipLine()  // the data starts on the next line
                copyLine = line
                return statement
            case "INSERT":
                if let statement = try insertHead(line: line) { return statement }
            case "CREATE":
                let text = try statementText(line: line)
                try recordDefinition(text)
            case "SET":
                let text = String(decoding: try statementText(line: line), as: UTF8.self).lowercased()
                    .filter { !$0.isWhitespace }
                if text.hasPrefix("standard_conforming_strings") {
                    standardStrings = !(text.contains("=off") || text.contains("tooff") || text.contains("=false"))
                }
            case "":
                // Not a statement a dump holds: skip to its end all the same.
                try skipStatement()
            default:
                try skipStatement()
            }
        }
    }

    /// `COPY <name> [(<columns>)] FROM stdin;`: data lines follow. A COPY from or to elsewhere
    /// holds no data here and is skipped.
    private func copyStatement(_ text: [UInt8], line: Int) throws -> Statement? {
        var tokens = SQLTokens(text)
        guard let name = try tokens.tableName() else { throw failure("expected COPY <table> (<columns>) FROM stdin;", line: line) }
        let columns = try tokens.columnList()
        let rest = tokens.words()
        guard rest.first == "FROM", rest.count >= 2, rest[1] == "STDIN" else { return nil }
        guard rest.count == 2 else {
            throw failure("COPY \(name) has options (\(rest.dropFirst(2).joined(separator: " ").lowercased())): "
                + "Reach reads COPY's text format, as pg_dump writes it", line: line)
        }
        return .copy(name, columns: columns, line: line)
    }

    /// `INSERT INTO <name> [(<columns>)] [OVERRIDING … VALUE] VALUES`, read up to its first row.
    private func insertHead(line: Int) throws -> Statement? {
        try skipSpaceAndComments()
        guard try readWord().uppercased() == "INTO" else { throw failure("expected INSERT INTO <table>", line: line) }
        var head: [UInt8] = []
        // The head ends at VALUES (or at anything that is not a row list, which is skipped whole).
        while true {
            try skipSpaceAndComments()
            guard let byte = try input.peek() else { throw failure("the INSERT never ends", line: line) }
            if byte == UInt8(ascii: ";") {
                input.advance()
                return nil
            }
            if Self.isWordStart(byte) {
                let word = try readWord()
                if word.uppercased() == "VALUES" { break }
                if ["select", "default", "with", "table"].contains(word.lowercased()) {
                    try skipStatement()
                    throw failure("an INSERT whose rows are not a VALUES list: Reach reads the rows pg_dump writes", line: line)
                }
                head += Array(word.utf8) + [UInt8(ascii: " ")]
            } else if byte == UInt8(ascii: "\"") {
                head += try quotedIdentifierBytes()
            } else {
                head.append(byte)
                input.advance()
            }
            guard head.count < 1 << 20 else { throw failure("an INSERT head over 1 MiB", line: line) }
        }
        var tokens = SQLTokens(head)
        guard let name = try tokens.tableName() else { throw failure("expected INSERT INTO <table>", line: line) }
        let columns = try tokens.columnList()
        insertState = .firstRow
        return .insert(name, columns: columns, line: line)
    }

    private func recordDefinition(_ text: [UInt8]) throws {
        var tokens = SQLTokens(text)
        var words = 0
        // CREATE [UNLOGGED | TEMPORARY] TABLE [IF NOT EXISTS] <name> (…)
        while let word = tokens.peekWord(), words < 6 {
            words += 1
            guard ["UNLOGGED", "TEMP", "TEMPORARY", "GLOBAL", "LOCAL", "TABLE", "IF", "NOT", "EXISTS"].contains(word) else { return }
            _ = tokens.word()
            if word == "TABLE" { break }
        }
        guard let name = try tokens.tableName(), let columns = try tokens.definitionColumns() else { return }
        definitions[name] = columns
    }

    // MARK: COPY data

    /// The next data line's fields (nil for NULL), or nil at the block's `\.`.
    func nextCopyRow() throws -> (Int, [String?])? {
        guard let (number, line) = try input.nextLine() else {
            throw failure("the COPY block never ends with \\.", line: copyLine)
        }
        if line == "\\." { return nil }
        do {
            return (number, try CopyFormat.fields(line[...]))
        } catch let error as CopyError {
            throw failure(error.description, line: number)
        }
    }

    func skipCopyData() throws {
        while let (_, line) = try input.nextLine() {
            if line == "\\." { return }
        }
        throw failure("the COPY block never ends with \\.", line: copyLine)
    }

    // MARK: INSERT rows

    /// The next row of the current INSERT's VALUES, as text (nil for NULL); nil after its last row.
    func nextInsertRow() throws -> (Int, [String?])? {
        switch insertState {
        case .none, .done:
            insertState = .none
            return nil
        case .firstRow:
            break
        case .nextRow:
            try skipSpaceAndComments()
            guard let byte = try input.peek() else { throw failure("the INSERT never ends") }
            if byte == UInt8(ascii: ",") {
                input.advance()
            } else if byte == UInt8(ascii: ";") {
                input.advance()
                insertState = .none
                return nil
            } else if Self.isWordStart(byte) {  // ON CONFLICT … , RETURNING …
                try skipStatement()
                insertState = .none
                return nil
            } else {
                throw failure("expected , or ; after a row")
            }
        }
        try skipSpaceAndComments()
        let line = input.line
        guard try input.next() == UInt8(ascii: "(") else { throw failure("expected ( to start a row of VALUES") }
        var values: [String?] = []
        while true {
            try skipSpaceAndComments()
            values.append(try value())
            try skipSpaceAndComments()
            if try input.peek() == UInt8(ascii: ":"), try input.peek(1) == UInt8(ascii: ":") {
                try skipCast()
            }
            guard let byte = try input.next() else { throw failure("the INSERT never ends", line: line) }
            if byte == UInt8(ascii: ")") { break }
            guard byte == UInt8(ascii: ",") else { throw failure("expected , or ) between values", line: line) }
        }
        insertState = .nextRow
        return (line, values)
    }

    func skipInsertRows() throws {
        while try nextInsertRow() != nil {}
    }

    /// One value of a VALUES list: a string, a number, NULL, TRUE or FALSE.
    private func value() throws -> String? {
        guard let byte = try input.peek() else { throw failure("the INSERT never ends") }
        if byte == UInt8(ascii: "E") || byte == UInt8(ascii: "e"), try input.peek(1) == UInt8(ascii: "'") {
            input.advance()
            return try string(escapes: true)
        }
        switch byte {
        case UInt8(ascii: "'"):
            return try string(escapes: !standardStrings)
        case UInt8(ascii: "$"):
            return try dollarQuoted()
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            var number: [UInt8] = []
            while let next = try input.peek(), Self.isNumberByte(next, after: number.last) {
                number.append(next)
                input.advance()
            }
            return String(decoding: number, as: UTF8.self)
        default:
            guard Self.isWordStart(byte) else { throw failure("an expression where a value belongs") }
            let word = try readWord()
            switch word.uppercased() {
            case "NULL": return nil
            case "TRUE": return "true"
            case "FALSE": return "false"
            default: throw failure("\(word): an expression where a value belongs (Reach reads the values pg_dump writes)")
            }
        }
    }

    /// `'…'` with `''` for a quote; with `escapes`, also the backslash escapes of `E'…'`.
    private func string(escapes: Bool) throws -> String {
        let line = input.line
        input.advance()  // the opening quote
        var bytes: [UInt8] = []
        while true {
            guard let byte = try input.next() else { throw failure("a quoted value never ends", line: line) }
            if byte == UInt8(ascii: "'") {
                guard try input.peek() == UInt8(ascii: "'") else { break }
                input.advance()
                bytes.append(byte)
            } else if escapes && byte == UInt8(ascii: "\\") {
                try escape(into: &bytes, line: line)
            } else {
                bytes.append(byte)
            }
            guard bytes.count <= input.maximumLength else { throw input.tooLong() }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw failure("a quoted value is not valid UTF-8", line: line) }
        return text
    }

    /// The character after a backslash in `E'…'`.
    private func escape(into bytes: inout [UInt8], line: Int) throws {
        guard let escaped = try input.next() else { throw failure("a quoted value never ends", line: line) }
        switch escaped {
        case UInt8(ascii: "b"): bytes.append(0x08)
        case UInt8(ascii: "f"): bytes.append(0x0C)
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var value = UInt32(escaped - UInt8(ascii: "0"))
            var digits = 1
            while digits < 3, let next = try input.peek(), (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(next) {
                value = value * 8 + UInt32(next - UInt8(ascii: "0"))
                input.advance()
                digits += 1
            }
            bytes.append(UInt8(truncatingIfNeeded: value))
        case UInt8(ascii: "x"):
            let value = try hexDigits(max: 2)
            guard let value else { throw failure("a \\x escape without digits", line: line) }
            bytes.append(UInt8(truncatingIfNeeded: value))
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = escaped == UInt8(ascii: "u") ? 4 : 8
            guard let value = try hexDigits(max: count, exactly: true), let scalar = Unicode.Scalar(value) else {
                throw failure("a \\u escape that is not a character", line: line)
            }
            bytes.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            bytes.append(escaped)  // \\, \', and any other character as itself
        }
    }

    private func hexDigits(max: Int, exactly: Bool = false) throws -> UInt32? {
        var value: UInt32 = 0
        var digits = 0
        while digits < max, let next = try input.peek(), let digit = Self.hexValue(next) {
            value = value &* 16 &+ UInt32(digit)
            input.advance()
            digits += 1
        }
        return digits == 0 || (exactly && digits != max) ? nil : value
    }

    /// `$tag$…$tag$`.
    private func dollarQuoted() throws -> String {
        let line = input.line
        guard let tag = try dollarTag() else { throw failure("a $ that starts no quoted value", line: line) }
        for _ in tag { input.advance() }
        var bytes: [UInt8] = []
        while true {
            guard let byte = try input.peek() else { throw failure("a dollar-quoted value never ends", line: line) }
            if byte == UInt8(ascii: "$"), try dollarTag() == tag {
                for _ in tag { input.advance() }
                break
            }
            bytes.append(byte)
            input.advance()
            guard bytes.count <= input.maximumLength else { throw input.tooLong() }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw failure("a quoted value is not valid UTF-8", line: line) }
        return text
    }

    /// The `$tag$` that starts at the next byte, if one does.
    private func dollarTag() throws -> [UInt8]? {
        guard try input.peek() == UInt8(ascii: "$") else { return nil }
        var tag: [UInt8] = [UInt8(ascii: "$")]
        var offset = 1
        while let byte = try input.peek(offset) {
            tag.append(byte)
            if byte == UInt8(ascii: "$") { return tag }
            guard Self.isWordByte(byte), !(offset == 1 && Self.isDigit(byte)), offset < 64 else { return nil }
            offset += 1
        }
        return nil
    }

    /// `::type` after a value, e.g. `::jsonb`, `::character varying(10)`, `::text[]`.
    private func skipCast() throws {
        input.advance()
        input.advance()
        var depth = 0
        while let byte = try input.peek() {
            if depth == 0 && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: ")")) { return }
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") { depth -= 1 }
            if byte == UInt8(ascii: "\"") {
                _ = try quotedIdentifierBytes()
                continue
            }
            input.advance()
        }
    }

    // MARK: Scanning

    private func skipSpaceAndComments() throws {
        while let byte = try input.peek() {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                || byte == 0x0C {
                input.advance()
            } else if byte == UInt8(ascii: "-"), try input.peek(1) == UInt8(ascii: "-") {
                try input.skipLine()
            } else if byte == UInt8(ascii: "/"), try input.peek(1) == UInt8(ascii: "*") {
                try skipBlockComment()
            } else {
                return
            }
        }
    }

    private func skipBlockComment() throws {
        let line = input.line
        input.advance()
        input.advance()
        var depth = 1
        while depth > 0 {
            guard let byte = try input.next() else { throw failure("a comment never ends", line: line) }
            if byte == UInt8(ascii: "*"), try input.peek() == UInt8(ascii: "/") {
                input.advance()
                depth -= 1
            } else if byte == UInt8(ascii: "/"), try input.peek() == UInt8(ascii: "*") {
                input.advance()
                depth += 1
            }
        }
    }

    private func readWord() throws -> String {
        var bytes: [UInt8] = []
        while let byte = try input.peek(), Self.isWordByte(byte), bytes.count < 256 {
            bytes.append(byte)
            input.advance()
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func quotedIdentifierBytes() throws -> [UInt8] {
        let line = input.line
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        input.advance()
        while true {
            guard let byte = try input.next() else { throw failure("a quoted name never ends", line: line) }
            bytes.append(byte)
            if byte == UInt8(ascii: "\"") {
                guard try input.peek() == UInt8(ascii: "\"") else { return bytes }
                bytes.append(byte)
                input.advance()
            }
            guard bytes.count < 1 << 16 else { throw failure("a quoted name over 64 KiB", line: line) }
        }
    }

    /// The rest of a statement up to its `;`, kept (at most 16 MiB: a table's definition, a SET).
    private func statementText(line: Int) throws -> [UInt8] {
        var kept: [UInt8]? = []
        try scanStatement(keeping: &kept, line: line)
        return kept ?? []
    }

    private func skipStatement() throws {
        var ignored: [UInt8]?
        try scanStatement(keeping: &ignored, line: input.line)
    }

    /// Consumes up to and including the statement's `;`, outside quotes, dollar quotes and
    /// comments; false when the input ends first.
    @discardableResult
    private func scanStatement(keeping kept: inout [UInt8]?, line: Int) throws -> Bool {
        var previous: UInt8 = 0
        func keep(_ byte: UInt8) throws {
            guard kept != nil else { return }
            kept?.append(byte)
            guard kept!.count <= 16 << 20 else { throw failure("a statement over 16 MiB that is not an INSERT", line: line) }
        }
        while let byte = try input.peek() {
            switch byte {
            case UInt8(ascii: ";"):
                input.advance()
                return true
            case UInt8(ascii: "'"):
                let escapes = !standardStrings || previous == UInt8(ascii: "E") || previous == UInt8(ascii: "e")
                try keep(byte)
                input.advance()
                while true {
                    guard let inner = try input.next() else { throw failure("a quoted string never ends", line: line) }
                    try keep(inner)
                    if escapes && inner == UInt8(ascii: "\\") {
                        guard let escaped = try input.next() else { break }
                        try keep(escaped)
                    } else if inner == UInt8(ascii: "'") {
                        guard try input.peek() == UInt8(ascii: "'") else { break }
                        try keep(inner)
                        input.advance()
                    }
                }
            case UInt8(ascii: "\""):
                for inner in try quotedIdentifierBytes() { try keep(inner) }
            case UInt8(ascii: "$"):
                if !Self.isWordByte(previous), let tag = try dollarTag() {
                    for _ in tag { input.advance() }
                    for inner in tag { try keep(inner) }
                    while true {
                        guard let inner = try input.peek() else { throw failure("a dollar-quoted body never ends", line: line) }
                        if inner == UInt8(ascii: "$"), try dollarTag() == tag {
                            for _ in tag { input.advance() }
                            for inner in tag { try keep(inner) }
                            break
                        }
                        try keep(inner)
                        input.advance()
                    }
                } else {
                    try keep(byte)
                    input.advance()
                }
            case UInt8(ascii: "-"), UInt8(ascii: "/"):
                let second = try input.peek(1)
                if byte == UInt8(ascii: "-") && second == UInt8(ascii: "-") {
                    try input.skipLine()
                    try keep(UInt8(ascii: "\n"))
                } else if byte == UInt8(ascii: "/") && second == UInt8(ascii: "*") {
                    try skipBlockComment()
                    try keep(UInt8(ascii: " "))
                } else {
                    try keep(byte)
                    input.advance()
                }
            default:
                try keep(byte)
                input.advance()
            }
            previous = byte
        }
        return false
    }

    // MARK: Bytes

    static func isWordStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    static func isWordByte(_ byte: UInt8) -> Bool { isWordStart(byte) || isDigit(byte) || byte == UInt8(ascii: "$") }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isNumberByte(_ byte: UInt8, after previous: UInt8?) -> Bool {
        if isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { return true }
        guard byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") else { return false }
        return previous == nil || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E")
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
