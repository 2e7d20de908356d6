import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Provider requests over HTTP, with AsyncHTTPClient. Bodies over 16 MiB are refused.
public struct HTTPTransport: ProviderTransport {
    let client: HTTPClient

    public init(client: HTTPClient = .shared) {
        self.client = client
    }

    public func send(_ request: ProviderHTTPRequest, timeout: Duration) async throws -> ProviderHTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        let nanoseconds = timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
        let response = try await client.execute(outgoing, timeout: .nanoseconds(nanoseconds))
        let body = try await response.body.collect(upTo: 16 * 1024 * 1024)
        var headers: [String: String] = [:]
        for header in response.headers { headers[header.name.lowercased()] = header.value }
        return ProviderHTTPResponse(status: Int(response.status.code), headers: headers, body: Array(buffer: body))
    }
}
