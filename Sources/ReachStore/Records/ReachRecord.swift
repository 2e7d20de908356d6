import Foundation
import GRDB

/// A record of one of the platform's tables.
///
/// Swift properties are camelCase, columns snake_case (`cardLast4` ↔ `card_last_4`), UUIDs are
/// stored as lowercase text as the platform's `uuid` columns export, and dates use GRDB's
/// `YYYY-MM-DD HH:MM:SS.SSS` UTC text, the form the schema CHECKs.
public protocol ReachRecord: Codable, Sendable, FetchableRecord, PersistableRecord {}

extension ReachRecord {
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy {
        .custom { key in ColumnName.snakeCase(key.stringValue) }
    }

    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy {
        .custom { column in ColumnName.Key(stringValue: ColumnName.camelCase(column)) }
    }

    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy {
        .lowercaseString
    }
}

/// The one place where Swift property names and column names meet.
public enum ColumnName {
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
