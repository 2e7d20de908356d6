import AsyncHTTPClient
import Foundation
import NIOCore
import ReachCore

/// The test kit over HTTP: a running `reach serve --test-mode`, as an admin.
struct RemoteTestKit: TestKitSession {
    let url: String
    let token: String

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func clock() async throws -> JSONValue { try await send("GET", "/_reach/clock") }
    func moveClock(_ move: JSONValue) async throws -> JSONValue { try await send("POST", "/_reach/clock", move) }
    func work() async throws -> JSONValue { try await send("POST", "/_reach/work") }
    func createUser(_ user: JSONValue) async throws -> JSONValue { try await send("POST", "/_reach/users", user) }

    func emails(to: String?, type: String?) async throws -> JSONValue {
        var query = URLComponents()
        query.queryItems = [to.map { URLQueryItem(name: "to", value: $0) }, type.map { URLQueryItem(name: "type", value: $0) }]
            .compactMap { $0 }
        return try await send("GET", "/_reach/emails" + (query.percentEncodedQuery.map { "?\($0)" } ?? ""))
    }

    func snapshot(_ name: String) async throws -> JSONValue { try await send("POST", "/_reach/snapshots", ["name": .string(name)]) }
    func restore(_ name: String) async throws -> JSONValue { try await send("POST", "/_reach/snapshots/\(try Self.path(name))/restore") }
    func deleteSnapshot(_ name: String) async throws -> JSONValue { try await send("DELETE", "/_reach/snapshots/\(try Self.path(name))") }
    func reset() async throws -> JSONValue { try await send("POST", "/_reach/reset") }
    private static func path(_ name: String) throws -> String {
        guard let escaped = name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) else {
            throw ReachError.invalid(field: "name", reason: "1 to 100 letters, digits, -, _ or .")
        }
        return escaped
    }

    private func send(_ method: String, _ path: String, _ body: JSONValue? = nil) async throws -> JSONValue {
        var request = HTTPClientRequest(url: url + path)
        request.method = .init(rawValue: method)
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body.jsonText))
        }
        let response: HTTPClientResponse
        do {
            response = try await HTTPClient.shared.execute(request, timeout: .seconds(600))
        } catch {
            throw Failure(description: "cannot reach \(url): is `reach serve --test-mode` running there?")
        }
        let bytes = try await response.body.collect(upTo: 64 << 20)
        let answer = (try? JSONValue(parsing: Array(bytes.readableBytesView))) ?? .null
        guard (200..<300).contains(response.status.code) else {
            // A route that does not exist there at all (not a snapshot or user it does not know): no test mode.
            if response.status.code == 404, answer["code"]?.stringValue == nil || answer["detail"]?.stringValue?.hasPrefix("no route") == true {
                throw Failure(description: "the server at \(url) runs without --test-mode, so it has no /_reach routes: "
                    + "start one with `reach serve --ephemeral --test-mode` (or add --test-mode --allow-test-mode on a file)")
            }
            let message = answer["detail"]?.stringValue ?? answer["error"]?.stringValue ?? String(buffer: bytes)
            throw Failure(description: "\(response.status.code): \(message)")
        }
        return answer
    }
}
