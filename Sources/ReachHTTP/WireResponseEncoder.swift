import Foundation
import Hummingbird
import Logging
import ReachCore

/// Responses in the wire format (``WireEncoder``): lowercase UUIDs, ISO-8601 timestamps.
public struct WireResponseEncoder: ResponseEncoder {
    public func encode(_ value: some Encodable, from request: Request, context: some RequestContext) throws -> Response {
        let body = try WireEncoder.encode(value)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
