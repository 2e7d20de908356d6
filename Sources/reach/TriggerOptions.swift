import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import ReachCore

/// Options of `reach stripe|clerk trigger`.
struct TriggerOptions: ParsableArguments {
    @Option(name: .long, help: "Whose event (a user id).") var user: String
    @Option(name: .long, help: "The running listener, or the webhook's full URL (default: where `reach serve` on this --db listens, else http://127.0.0.1:8080).")
    var url: String?

    /// The webhook's URL: --url, else where a server on the file said it listens, else the default port.
    func endpoint(_ path: String, listener: String?) throws -> String {
        let url = self.url ?? listener ?? "http://127.0.0.1:8080"
        guard let parsed = URL(string: url), let scheme = parsed.scheme, ["http", "https"].contains(scheme), parsed.host != nil else {
            throw UsageError("--url must be an http(s) URL such as http://127.0.0.1:8080")
        }
        return parsed.path.isEmpty || parsed.path == "/" ? url.trimmingCharacters(in: ["/"]) + path : url
    }

    /// Sends a signed event and prints the listener's answer.
    func send(to endpoint: String, body: [UInt8], headers: [(String, String)], json: Bool) async throws {
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let response: HTTPClientResponse
        do {
            response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        } catch {
            throw ReachError.unavailable("nothing answers at \(endpoint): start `reach serve` on this file, or give its address with --url")
        }
        let answer = String(buffer: try await response.body.collect(upTo: 1 << 20))
        if json { Terminal.print(answer) } else { Terminal.print("\(response.status.code) \(answer)") }
        guard (200..<300).contains(response.status.code) else { throw ExitCode.failure }
    }
}
