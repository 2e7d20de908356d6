import Foundation

/// A request to a provider, as the transport sends it.
public struct ProviderHTTPRequest: Sendable, Hashable {
    public var method: String
    /// The whole URL, query included.
    public var url: String
    public var headers: [String: String]
    public var body: [UInt8]?

    public init(method: String = "GET", url: String, headers: [String: String] = [:], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The path, without the base URL's own path prefix or the query.
    public var path: String { URLComponents(string: url)?.path ?? url }

    /// The query's pairs, in order, decoded.
    public var query: [(name: String, value: String)] {
        (URLComponents(string: url)?.queryItems ?? []).map { ($0.name, $0.value ?? "") }
    }

    public func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }
}
