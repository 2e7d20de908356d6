import Foundation
import Hummingbird
import Logging
import ReachCore

/// Decodes request bodies; every failure is a 400 that says which field is wrong and how.
public struct ReachJSONDecoder: RequestDecoder {
    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let bytes = Array(buffer.readableBytesView)
        if bytes.isEmpty { throw Problem.badRequest("the request needs a JSON body") }
        return try Self.decode(type, bytes: bytes)
    }

    /// A JSON object body as `T`.
    static func decode<T: Decodable>(_ type: T.Type, bytes: [UInt8]) throws -> T {
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
