import Foundation
import Hummingbird
import ReachCore

extension AppRequestContext {
    /// A UUID path parameter; a malformed one is a 404, as no such resource exists.
    func uuidParameter(_ name: String = "id", what: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else {
            throw Problem.notFound("\(what) \(parameters.get(name) ?? "") not found")
        }
        return id
    }
}

extension Request {
    /// The query string, parsed once and read with checks.
    var query: QueryParameters { QueryParameters(uri.query) }
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
