import Foundation
import GRDB

/// JSON text read from the database and kept as text until someone needs its values.
///
/// Creator pages are large (a 1,000-creator search is half a megabyte of JSON): reading a job's
/// results, answering a poll or exporting a file passes the text along without building a tree.
/// ``value`` parses on demand.
public struct RawJSON: Hashable, Sendable {
    public let text: String

    /// The text of `value`.
    public init(_ value: JSONValue) {
        text = value.jsonText
    }

    /// Text already known to be valid JSON (from the database, whose CHECK ensures it).
    init(trusted text: String) {
        self.text = text
    }

    /// Text from outside (an import), held to the rules of stored JSON: ``validateForPostgres()``.
    public init(validating text: String) throws {
        self.text = text
        try validateForPostgres()
    }

    /// The parsed value; `null` if the text is not JSON.
    public var value: JSONValue { (try? JSONValue(parsing: text)) ?? .null }

    /// Throws when the text is not JSON as Reach stores it: what PostgreSQL's `jsonb` refuses
    /// (NUL, lone surrogates) and what Reach's readers refuse (nesting deeper than 512 levels).
    public func validateForPostgres() throws {
        try JSONValue(parsing: text).validateForPostgres()
    }
}

extension RawJSON: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { text.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> RawJSON? {
        String.fromDatabaseValue(dbValue).map(RawJSON.init(trusted:))
    }
}

extension RawJSON: Codable {
    /// Encoders that know nothing of raw text get the parsed value (``WireEncoder`` writes the text as is).
    public func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }

    public init(from decoder: any Decoder) throws {
        self.init(try JSONValue(from: decoder))
    }
}
