import Foundation

/// The tokens of one short statement (a COPY line, an INSERT's head, a CREATE TABLE), for the
/// names and column lists ``DumpReader`` needs from it. Unquoted names fold to lower case, as
/// PostgreSQL folds them; quoted ones keep theirs.
struct SQLTokens {
    enum Token: Equatable {
        case word(String)
        case quoted(String)
        case symbol(UInt8)
        case other
    }

    private var tokens: [Token] = []
    private var index = 0

    init(_ bytes: [UInt8]) {
        var position = 0
        func at(_ offset: Int) -> UInt8? { position + offset < bytes.count ? bytes[position + offset] : nil }
        while let byte = at(0) {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                position += 1
            } else if DumpReader.isWordStart(byte) {
                var word: [UInt8] = []
                while let next = at(0), DumpReader.isWordByte(next) {
                    word.append(next)
                    position += 1
                }
                tokens.append(.word(String(decoding: word, as: UTF8.self)))
            } else if byte == UInt8(ascii: "\"") {
                var name: [UInt8] = []
                position += 1
                while let next = at(0) {
                    position += 1
                    if next == UInt8(ascii: "\"") {
                        guard at(0) == UInt8(ascii: "\"") else { break }
                        position += 1
                    }
                    name.append(next)
                }
                tokens.append(.quoted(String(decoding: name, as: UTF8.self)))
            } else if byte == UInt8(ascii: "'") {
                position += 1
                while let next = at(0) {
                    position += 1
                    if next == UInt8(ascii: "'") {
                        guard at(0) == UInt8(ascii: "'") else { break }
                        position += 1
                    }
                }
                tokens.append(.other)
            } else if [UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: ".")].contains(byte) {
                tokens.append(.symbol(byte))
                position += 1
            } else {
                tokens.append(.other)
                position += 1
            }
        }
    }

    private var current: Token? { index < tokens.count ? tokens[index] : nil }

    /// The next token if it is a bare word, upper-cased, without consuming it.
    func peekWord() -> String? {
        if case .word(let word) = current { return word.uppercased() }
        return nil
    }

    mutating func word() -> String? {
        guard let word = peekWord() else { return nil }
        index += 1
        return word
    }

    /// A name: `campaigns`, `"Campaigns"`.
    private mutating func identifier() -> String? {
        switch current {
        case .word(let word):
            index += 1
            return word.lowercased()
        case .quoted(let name):
            index += 1
            return name
        default:
            return nil
        }
    }

    /// `[schema.]table`.
    mutating func tableName() throws -> DumpReader.TableName? {
        guard let first = identifier() else { return nil }
        guard current == .symbol(UInt8(ascii: ".")) else { return DumpReader.TableName(schema: nil, table: first) }
        index += 1
        guard let second = identifier() else { throw CopyError("a table name ends in a dot") }
        return DumpReader.TableName(schema: first, table: second)
    }

    /// `(a, "b", c)`, or nil when no list follows.
    mutating func columnList() throws -> [String]? {
        guard current == .symbol(UInt8(ascii: "(")) else { return nil }
        index += 1
        var columns: [String] = []
        while true {
            guard let name = identifier() else { throw CopyError("the column list holds something other than names") }
            columns.append(name)
            if current == .symbol(UInt8(ascii: ")")) {
                index += 1
                return columns
            }
            guard current == .symbol(UInt8(ascii: ",")) else { throw CopyError("the column list holds something other than names") }
            index += 1
        }
    }

    /// The remaining words, upper-cased (other tokens as `?`).
    mutating func words() -> [String] {
        defer { index = tokens.count }
        return tokens[index...].map { token in
            switch token {
            case .word(let word): return word.uppercased()
            case .quoted(let name): return name
            default: return "?"
            }
        }
    }

    /// The column names of a `CREATE TABLE`'s parenthesised definition, in order; nil without one.
    mutating func definitionColumns() throws -> [String]? {
        guard current == .symbol(UInt8(ascii: "(")) else { return nil }
        index += 1
        var columns: [String] = []
        var depth = 0
        var atElementStart = true
        let notColumns: Set = ["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE", "LIKE"]
        while let token = current {
            index += 1
            if atElementStart {
                atElementStart = false
                switch token {
                case .word(let word) where !notColumns.contains(word.uppercased()): columns.append(word.lowercased())
                case .quoted(let name): columns.append(name)
                default: break
                }
            }
            switch token {
            case .symbol(UInt8(ascii: "(")): depth += 1
            case .symbol(UInt8(ascii: ")")):
                if depth == 0 { return columns }
                depth -= 1
            case .symbol(UInt8(ascii: ",")) where depth == 0: atElementStart = true
            default: break
            }
        }
        return columns
    }
}
