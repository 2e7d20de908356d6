import Foundation
import GRDB
import Synchronization

/// A record of one of the platform's tables.
///
/// Swift properties are camelCase, columns snake_case (`cardLast4` ↔ `card_last_4`), UUIDs are
/// stored as lowercase text as the platform's `uuid` columns export, and dates use GRDB's
/// `YYYY-MM-DD HH:MM:SS.SSS` UTC text, the form the schema CHECKs.
public protocol ReachRecord: Codable, Sendable, FetchableRecord, PersistableRecord {}

extension ReachRecord {
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy {
        .custom { key in ColumnName.snakeCase(cached: key.stringValue) }
    }

    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy {
        .custom { column in ColumnName.Key(stringValue: ColumnName.camelCase(cached: column)) }
    }

    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy {
        .lowercaseString
    }
}

/// The one place where Swift property names and column names meet.
public enum ColumnName {
    // GRDB asks for each column of each row: the few dozen names are converted once.
    private static let snakeNames = Mutex<[String: String]>([:])
    private static let camelNames = Mutex<[String: String]>([:])

    static func snakeCase(cached name: String) -> String {
        if let known = snakeNames.withLock({ $0[name] }) { return known }
        let converted = snakeCase(name)
        snakeNames.withLock { $0[name] = converted }
        return converted
    }

    static func camelCase(cached column: String) -> String {
        if let known = camelNames.withLock({ $0[column] }) { return known }
        let converted = camelCase(column)
        camelNames.withLock { $0[column] = converted }
        return converted
    }

    /// `cardLast4` → `card_last_4`, `usageCreatorsCurrentMonth` → `usage_creators_current_month`.
    public static func snakeCase(_ name: String) -> String {
        var output = ""
        var previous: Character?
        for character in name {
            if let previous {
                let wordStarts = character.isUppercase
                    || (character.isNumber && !previous.isNumber)
                if wordStarts { output.append("_") }
            }
            output.append(contentsOf: character.lowercased())
            previous = character
        }
        return output
    }

    /// `card_last_4` → `cardLast4`.
    public static func camelCase(_ column: String) -> String {
        var output = ""
        var upperNext = false
        for character in column {
            if character == "_" {
                upperNext = true
            } else if upperNext {
                output.append(contentsOf: character.uppercased())
                upperNext = false
            } else {
                output.append(character)
            }
        }
        return output
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

extension UUID {
    /// The lowercase text form stored in the database.
    public var lowercased: String { uuidString.lowercased() }
}

extension Date {
    /// The stored text form: `2026-11-24 22:06:18.123`, UTC, as GRDB writes dates — but without
    /// the `DateFormatter` GRDB uses on Linux, which made every write pay for ICU.
    public var databaseText: String {
        let c = civil
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2)) \(pad(c.hour, 2)):\(pad(c.minute, 2)):"
            + "\(pad(c.second, 2)).\(pad(c.millisecond, 3))"
    }

    /// Calendar fields in UTC, to the nearest millisecond (a millisecond stored as a Double may
    /// read back a hair below itself). Proleptic Gregorian, as SQLite and PostgreSQL count, by
    /// H. Hinnant's algorithm.
    public var civil: (year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64, millisecond: Int64) {
        let milliseconds = Int64((timeIntervalSince1970 * 1000).rounded())
        var (days, ms) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        if ms < 0 { days -= 1; ms += 86_400_000 }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day, ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000)
    }
}

extension Date {
    /// Parses the stored form, `YYYY-MM-DD HH:MM:SS.SSS` (seconds and milliseconds optional):
    /// by arithmetic, where GRDB would go through `sscanf` and a Foundation calendar.
    public init?<Bytes: Collection<UInt8>>(databaseText bytes: Bytes) {
        let parsed = bytes.withContiguousStorageIfAvailable { Date.parse(UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes(Date.parse)
        guard let parsed else { return nil }
        self = parsed
    }

    /// The parser behind ``init(databaseText:)``: over raw bytes, without allocating.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Date? {
        var (year, month, day, hour, minute, second, millisecond): (Int64, Int64, Int64, Int64, Int64, Int64, Int64) =
            (0, 0, 0, 0, 0, 0, 0)
        var field = 0
        var value: Int64 = 0
        var digits = 0
        func store() {
            switch field {
            case 0: year = value
            case 1: month = value
            case 2: day = value
            case 3: hour = value
            case 4: minute = value
            case 5: second = value
            default:
                // Milliseconds: the first three digits, scaled when fewer were written.
                millisecond = digits >= 3 ? value : value * (digits == 2 ? 10 : 100)
            }
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if field < 6 {
                    guard digits < 9 else { return nil }
                    value = value * 10 + Int64(byte &- UInt8(ascii: "0"))
                } else if digits < 3 {
                    value = value * 10 + Int64(byte &- UInt8(ascii: "0"))
                }
                digits += 1
            case UInt8(ascii: "-"), UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "T"):
                guard digits > 0, field < 6 else { return nil }
                store()
                field += 1
                value = 0
                digits = 0
            default:
                return nil
            }
        }
        guard field >= 4, digits > 0 else { return nil }
        store()
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        // Days since 1970-01-01, proleptic Gregorian (H. Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        let milliseconds = ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millisecond
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}

extension UUID {
    /// Parses the 36-character text form, either case, from raw bytes: Foundation's parser goes
    /// through `sscanf`, a cost every row with an id paid.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> UUID? {
        guard bytes.count == 36 else { return nil }
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let valid = withUnsafeMutableBytes(of: &uuid) { output -> Bool in
            var index = 0
            var written = 0
            while index < 36 {
                if index == 8 || index == 13 || index == 18 || index == 23 {
                    guard bytes[index] == UInt8(ascii: "-") else { return false }
                    index += 1
                    continue
                }
                guard let high = hexValue(bytes[index]), let low = hexValue(bytes[index + 1]) else { return false }
                output[written] = high << 4 | low
                written += 1
                index += 2
            }
            return true
        }
        return valid ? UUID(uuid: uuid) : nil
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte &- UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte &- UInt8(ascii: "a") &+ 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte &- UInt8(ascii: "A") &+ 10
        default: return nil
        }
    }
}

/// Where a statement's columns are, looked up once per statement rather than once per value:
/// GRDB's by-name subscript lowercases and hashes the name on every read, which was most of the
/// cost of decoding wide rows such as profiles, hundreds at a time.
public struct ColumnLayout: Sendable {
    /// Per name asked for: its index in the statement's columns, or -1 when absent.
    let indexes: [Int]

    public init(_ statement: Statement, names: [String]) {
        indexes = names.map { statement.index(ofColumn: $0) ?? -1 }
    }
}

/// A record read through a ``FieldReader``: by name from any row, by position from a statement
/// whose columns are located once (``fetchAll(laidOut:arguments:)``).
protocol FieldReadable {
    /// The columns, in the order of the record's field numbers.
    static var columnNames: [String] { get }
    init(_ read: FieldReader)
}

extension FieldReadable {
    /// Reads by name: for single rows and rows of any shape.
    init(byName row: Row) {
        self.init(FieldReader(row: row, layout: nil, names: Self.columnNames))
    }

    /// The records a statement returns, its columns located once.
    static func fetchAll(laidOut statement: Statement, arguments: StatementArguments) throws -> [Self] {
        let layout = ColumnLayout(statement, names: columnNames)
        var records: [Self] = []
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try rows.next() {
            records.append(Self(FieldReader(row: row, layout: layout, names: columnNames)))
        }
        return records
    }
}

/// Reads a record's fields from a row: by position with a layout, by name without one.
struct FieldReader {
    let row: Row
    let layout: ColumnLayout?
    let names: [String]

    func value<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ field: Int) -> Value? {
        guard let layout else { return row[names[field]] }
        let index = layout.indexes[field]
        return index < 0 ? nil : row[index]
    }

    func value<Value: DatabaseValueConvertible>(_ field: Int) -> Value? {
        guard let layout else { return row[names[field]] }
        let index = layout.indexes[field]
        return index < 0 ? nil : row[index]
    }

    func required<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ field: Int) -> Value {
        guard let layout else { return row[names[field]] }
        return row[layout.indexes[field]]
    }

    func optionalDate(_ field: Int) -> Date? {
        guard let layout else { return row.optionalDate(names[field]) }
        let index = layout.indexes[field]
        guard index >= 0, let data = row.dataNoCopy(atIndex: index) else { return nil }
        return data.withUnsafeBytes(Date.parse) ?? row[index]
    }

    func date(_ field: Int) -> Date {
        guard let layout else { return row.date(names[field]) }
        return optionalDate(field) ?? row[layout.indexes[field]]
    }

    func uuid(_ field: Int) -> UUID {
        guard let layout else { return row.uuid(names[field]) }
        let index = layout.indexes[field]
        return row.dataNoCopy(atIndex: index).flatMap { $0.withUnsafeBytes(UUID.parse) } ?? row[index]
    }
}

extension Row {
    /// A stored timestamp, read without building a string.
    public func date(_ column: String) -> Date {
        optionalDate(column) ?? self[column]
    }

    public func optionalDate(_ column: String) -> Date? {
        guard let data = dataNoCopy(named: column) else { return nil }
        return data.withUnsafeBytes(Date.parse) ?? self[column]
    }

    /// A stored UUID (lowercase text), read without building a string.
    public func uuid(_ column: String) -> UUID {
        optionalUUID(column) ?? self[column]
    }

    public func optionalUUID(_ column: String) -> UUID? {
        guard let data = dataNoCopy(named: column) else { return nil }
        return data.withUnsafeBytes(UUID.parse) ?? self[column]
    }
}

private func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
