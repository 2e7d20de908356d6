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
    /// The stored text form: `2026-11-24 22:06:18.123`, UTC.
    public var databaseText: String { String.fromDatabaseValue(databaseValue) ?? "" }
}
