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

    static func special(_ value: Any) -> Node? {
        switch value {
        case let date as Date: return Node(.value(.string(WireFormat.timestamp(date))))
        case let uuid as UUID: return Node(.value(.string(uuid.uuidString.lowercased())))
        case let json as JSONValue: return Node(.value(json))
        case let raw as RawJSON: return Node(.raw(raw.text))
        case let data as Data: return Node(.value(.string(data.base64EncodedString())))
        case let url as URL: return Node(.value(.string(url.absoluteString)))
        default: return nil
        }
    }
}
