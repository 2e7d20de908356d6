import Foundation
import Hummingbird
import ReachCore

extension AppRequestContext {
    /// A UUID path parameter; a malformed one is a 404, as no such resource exists.
    func uuidParameter(_ name: String = "id", what: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else {
            throw Problem.notFound("\(what) \(parameters.get(name) ?? "")")
        }
        return id
    }
}

extension Request {
    /// The query string, parsed once and read with checks.
    var query: QueryParameters { QueryParameters(uri.query) }

    /// The JSON body, or nil when the request has none.
    func decodeIfPresent<T: Decodable>(as type: T.Type, context: AppRequestContext) async throws -> T? {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        let bytes = Array(buffer.readableBytesView)
        return bytes.isEmpty ? nil : try ReachJSONDecoder.decode(type, bytes: bytes)
    }
}

extension QueryParameters {
    /// A page cursor of the keyset kind (event log, job queue); a foreign one is a 400.
    func keysetCursor() throws -> KeysetCursor? {
        guard let text = try string("cursor", maximum: 500), !text.isEmpty else { return nil }
        do {
            return try KeysetCursor(decoding: text)
        } catch {
            throw Problem.badRequest("`cursor` is not one this server gave: omit it to start over")
        }
    }
}

/// A typed answer with a status other than 200.
func answer<Value: ResponseEncodable>(_ value: Value, status: HTTPResponse.Status) -> EditedResponse<Value> {
    EditedResponse(status: status, response: value)
}
