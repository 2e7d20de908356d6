import Foundation
import ReachStore

/// Encodes values as the platform's frontend receives them: timestamps ISO-8601 with
/// milliseconds and `Z`, UUIDs lowercase (as PostgreSQL prints them), keys sorted.
///
/// `JSONEncoder` offers no UUID strategy and writes Swift's uppercase form, so values go through
/// ``JSONValue`` instead; embedded ``JSONValue`` documents (creators, payloads) pass through as they are.
public enum WireEncoder {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        var output = ""
        try ValueEncoder.encode(value, codingPath: []).write(to: &output)
        return Data(output.utf8)
    }

    public static func jsonValue<T: Encodable>(_ value: T) throws -> JSONValue {
        try ValueEncoder.encode(value, codingPath: []).value
    }

    /// The values written other than through `Encodable`; compared by type, which costs less
    /// than a cast for the many values that are none of them.
    static func special<T>(_ value: T) -> Node? {
        if T.self == Date.self { return Node(.value(.string(WireFormat.timestamp(value as! Date)))) }
        if T.self == UUID.self { return Node(.value(.string((value as! UUID).uuidString.lowercased()))) }
        if T.self == JSONValue.self { return Node(.value(value as! JSONValue)) }
        if T.self == RawJSON.self { return Node(.raw((value as! RawJSON).text)) }
        if T.self == Data.self { return Node(.value(.string((value as! Data).base64EncodedString()))) }
        if T.self == URL.self { return Node(.value(.string((value as! URL).absoluteString))) }
        if let writable = value as? any WireJSONWritable {
            var text = ""
            writable.writeWireJSON(to: &text)
            return Node(.raw(text))
        }
        return nil
    }
}
