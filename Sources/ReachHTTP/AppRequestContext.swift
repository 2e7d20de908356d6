import Foundation
import Hummingbird
import Logging
import ReachCore

/// The request context of every route: who is asking, and the request's ids.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The authenticated user, set by ``AuthMiddleware`` (or the dashboard's ``SessionMiddleware``).
    public var identity: Identity?
    /// The dashboard's session token, when ``SessionMiddleware`` signed the request in from its cookie.
    public var sessionToken: String?
    /// The request id, also in every log line and the `X-Request-Id` header.
    public var requestId: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        requestId = UUID().uuidString.lowercased()
    }

    /// Bodies over 1 MiB are refused with 413.
    public var maxUploadSize: Int { 1 << 20 }

    public var requestDecoder: ReachJSONDecoder { ReachJSONDecoder() }
    public var responseEncoder: WireResponseEncoder { WireResponseEncoder() }

    /// The correlation id the request's events carry: the client's `X-Correlation-Id`, else the request id.
    public var events: EventContext {
        EventContext(correlationId: correlationId ?? requestId)
    }

    public var correlationId: String?

    /// The authenticated user, or 401.
    public func user() throws -> Identity {
        guard let identity else { throw Problem.unauthorized("send Authorization: Bearer <token> (see `reach token USER_ID`)") }
        return identity
    }
}

/// Responses in the wire format (``WireEncoder``): lowercase UUIDs, ISO-8601 timestamps.
public struct WireResponseEncoder: ResponseEncoder {
    public func encode(_ value: some Encodable, from request: Request, context: some RequestContext) throws -> Response {
        let body = try WireEncoder.encode(value)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// Decodes request bodies; every failure is a 400 that says which field is wrong and how.
public struct ReachJSONDecoder: RequestDecoder {
    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let bytes = Array(buffer.readableBytesView)
        if bytes.isEmpty { throw Problem.badRequest("the request needs a JSON body") }
        // Parse strictly first: the same rules as stored JSON (depth, surrogates, NUL).
        do {
            let value = try JSONValue(parsing: bytes)
            try value.validateForPostgres()
            guard case .object = value else { throw Problem.badRequest("the body must be a JSON object") }
        } catch let error as Problem {
            throw error
        } catch {
            throw Problem.badRequest("malformed JSON: \(error)")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = WireFormat.parseTimestamp(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO-8601 timestamp"))
            }
            return date
        }
        do {
            return try decoder.decode(T.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw Problem.from(decoding: error)
        }
    }
}
