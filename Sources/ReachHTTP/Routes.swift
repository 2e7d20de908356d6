import Foundation
import Hummingbird
import HTTPTypes
import ReachCore
import ReachStore
import Synchronization

/// Every route as registered, so that a test can hold the OpenAPI document to them.
public final class RouteTable: Sendable {
    private let storage = Mutex<[String]>([])

    /// `GET /api/campaigns/{id}`, one per route.
    public var routes: [String] { storage.withLock { $0 } }

    func record(_ method: HTTPRequest.Method, _ path: String) {
        storage.withLock { $0.append("\(method.rawValue) \(path)") }
    }

    /// The methods registered for a concrete path (`{x}` in a route matches any one segment).
    func methods(for path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return routes.compactMap { route -> String? in
            let parts = route.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            let template = parts[1].split(separator: "/", omittingEmptySubsequences: true)
            guard template.count == segments.count,
                zip(template, segments).allSatisfy({ $0.hasPrefix("{") || $0 == $1 })
            else { return nil }
            return String(parts[0])
        }
    }
}

/// Registers routes under a path and records them in the table.
struct Routes {
    let group: RouterGroup<AppRequestContext>
    let prefix: String
    let table: RouteTable

    typealias Handler = @Sendable (Request, AppRequestContext) async throws -> Response

    func on(_ method: HTTPRequest.Method, _ path: String = "", _ handler: @escaping Handler) {
        table.record(method, prefix + path)
        group.on(RouterPath(path), method: method, use: handler)
    }

    func get(_ path: String = "", _ handler: @escaping Handler) { on(.get, path, handler) }
    func post(_ path: String = "", _ handler: @escaping Handler) { on(.post, path, handler) }
    func put(_ path: String = "", _ handler: @escaping Handler) { on(.put, path, handler) }
    func patch(_ path: String = "", _ handler: @escaping Handler) { on(.patch, path, handler) }
    func delete(_ path: String = "", _ handler: @escaping Handler) { on(.delete, path, handler) }
}

/// A JSON response.
func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
    let body = try WireEncoder.encode(value)
    var headers = HTTPFields()
    headers[.contentType] = "application/json; charset=utf-8"
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
}

extension AppRequestContext {
    /// A UUID path parameter; a malformed one is a 404, as no such resource exists.
    func uuidParameter(_ name: String = "id", what: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else {
            throw Problem.notFound("\(what) \(parameters.get(name) ?? "") not found")
        }
        return id
    }
}

/// Opaque keyset cursors: the sort value and id of the last row, base64url.
enum Cursor {
    static func encode(_ date: Date, _ id: UUID) -> String {
        Data("\(date.databaseText)|\(id.lowercased)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String?) throws -> (Date, UUID)? {
        guard let text, !text.isEmpty else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let decoded = String(data: data, encoding: .utf8) else {
            throw Problem.badRequest("`cursor` is not one this server gave: omit it to start over")
        }
        let parts = decoded.split(separator: "|")
        guard parts.count == 2, let date = Date.fromDatabaseValue(String(parts[0]).databaseValue),
            let id = UUID(uuidString: String(parts[1]))
        else { throw Problem.badRequest("`cursor` is not one this server gave: omit it to start over") }
        return (date, id)
    }
}

import GRDB
