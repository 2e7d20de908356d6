import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ReachCore
import Synchronization

/// ``FakeProviders`` over HTTP, on one port for all three providers: `reach providers fake`, and
/// the tests' upstream. Options add latency and a share of 503s; `respond` can replace any answer.
/// `GET /_fake/stats` counts the requests served, by path (benchmarks read it).
public enum FakeProviderServer {
    public struct Options: Sendable {
        public var host = "127.0.0.1"
        public var port = 0
        public var latency: Duration = .zero
        /// The share of requests answered 503, 0 to 1.
        public var failureRate: Double = 0
        public var seed: UInt64 = 42

        public init() {}
    }

    /// The application; `onRequest` sees each request as received, `respond` answers it (the
    /// fake's own answer by default).
    public static func application(
        _ options: Options, logger: Logger = Logger(label: "reach.providers.fake"),
        onRequest: @escaping @Sendable (ProviderHTTPRequest) -> Void = { _ in },
        respond: @escaping @Sendable (ProviderHTTPRequest) async -> ProviderHTTPResponse = { FakeProviders().respond($0) },
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router()
        router.add(middleware: Responder(options: options, onRequest: onRequest, respond: respond))
        return Application(
            router: router, configuration: .init(address: .hostname(options.host, port: options.port), serverName: "reach-fake-providers"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? options.port) }, logger: logger)
    }

    final class Responder: RouterMiddleware, Sendable {
        typealias Context = BasicRequestContext
        let options: Options
        let onRequest: @Sendable (ProviderHTTPRequest) -> Void
        let respond: @Sendable (ProviderHTTPRequest) async -> ProviderHTTPResponse
        let random: Mutex<SeededRandom>
        let served = Mutex<[String: Int]>([:])

        init(options: Options, onRequest: @escaping @Sendable (ProviderHTTPRequest) -> Void,
             respond: @escaping @Sendable (ProviderHTTPRequest) async -> ProviderHTTPResponse) {
            self.options = options
            self.onRequest = onRequest
            self.respond = respond
            random = Mutex(SeededRandom(seed: options.seed))
        }

        func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
            let body = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            if request.uri.path == "/_fake/stats" {
                let counts = served.withLock { $0 }
                let stats: JSONValue = ["requests": .int(Int64(counts.values.reduce(0, +))),
                                        "byPath": .object(counts.mapValues { .int(Int64($0)) })]
                return Response(status: .ok, headers: [.contentType: "application/json"],
                                body: .init(byteBuffer: ByteBuffer(string: stats.jsonText)))
            }
            served.withLock { $0[request.uri.path, default: 0] += 1 }
            let incoming = ProviderHTTPRequest(
                method: request.method.rawValue, url: "http://fake" + request.uri.description, headers: headers,
                body: body.readableBytes > 0 ? Array(buffer: body) : nil)
            onRequest(incoming)
            if options.latency > .zero { try await Task.sleep(for: options.latency) }
            let answer = options.failureRate > 0 && random.withLock({ $0.unit() }) < options.failureRate
                ? ProviderHTTPResponse.failure(503, "injected failure") : await respond(incoming)
            var fields = HTTPFields()
            for (name, value) in answer.headers {
                if let field = HTTPField.Name(name) { fields[field] = value }
            }
            return Response(status: .init(code: answer.status), headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
    }
}
