import Foundation
import ReachCore

/// A provider's answer.
public struct ProviderHTTPResponse: Sendable, Hashable {
    public var status: Int
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }) { first, _ in first }
        self.body = body
    }

    /// A JSON answer.
    public static func json(_ value: JSONValue, status: Int = 200) -> ProviderHTTPResponse {
        ProviderHTTPResponse(status: status, headers: ["content-type": "application/json"], body: Array(value.jsonText.utf8))
    }

    /// An error answer with a short JSON body.
    public static func failure(_ status: Int, _ message: String, headers: [String: String] = [:]) -> ProviderHTTPResponse {
        var response = json(["error": .string(message)], status: status)
        response.headers.merge(headers.map { ($0.key.lowercased(), $0.value) }) { _, new in new }
        return response
    }
}
