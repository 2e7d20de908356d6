import Foundation
import GRDB
import Hummingbird
import ReachCore
import ReachStore
import Testing
@testable import ReachJobs
import Synchronization

@Suite("HTTP provider")
struct HTTPProviderTests {
    /// Runs a stub ScrapeCreators-style server on 127.0.0.1 for the duration of `body`.
    func withStub(_ router: Router<BasicRequestContext>, _ body: @Sendable (String) async throws -> Void) async throws {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            var iterator = ports.makeAsyncIterator()
            let port = await iterator.next() ?? 0
            try await body("http://127.0.0.1:\(port)")
            group.cancelAll()
        }
    }

    func provider(_ url: String, timeout: Duration = .seconds(5)) -> HTTPProvider {
        var options = HTTPProvider.Options(baseURL: url, apiKey: "secret-key")
        options.timeout = timeout
        options.baseRetryDelay = .milliseconds(10)
        return HTTPProvider(options: options) { _ in 0 }
    }

    @Test("pages through the API with the key, and reads both answer shapes")
    func pages() async throws {
        let router = Router()
        router.get("/v1/tiktok/search/users") { request, _ -> Response in
            guard request.headers[.init("x-api-key")!] == "secret-key" else { return Response(status: .unauthorized) }
            let cursor = Int(request.uri.queryParameters["cursor"] ?? "0") ?? 0
            let query = request.uri.queryParameters["query"] ?? ""
            let next = cursor < 60 ? "\(cursor + 30)" : "null"
            let body = #"{"items":[{"creator":{"uniqueId":"\#(query)_\#(cursor)","bio":"hi a@b.co"}}],"nextCursor":\#(next)}"#
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        router.get("/v1/instagram/profile") { request, _ -> Response in
            let body = #"{"users":[{"username":"\#(request.uri.queryParameters["handle"] ?? "")_friend"}]}"#
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        try await withStub(router) { url in
            let provider = provider(url)
            let first = try await provider.fetchPage(ProviderRequest(platform: .tiktok, searchType: .keyword, query: "yoga mats", cursor: 0))
            #expect(first.items.first?["creator"]?["uniqueId"] == "yoga mats_0" && first.nextCursor == 30)
            let last = try await provider.fetchPage(ProviderRequest(platform: .tiktok, searchType: .keyword, query: "x", cursor: 90))
            #expect(last.nextCursor == nil)
            let similar = try await provider.fetchPage(ProviderRequest(platform: .instagram, searchType: .similar, query: "maya", cursor: 0))
            #expect(similar.items.first?["username"] == "maya_friend" && similar.nextCursor == nil)
        }
    }

    @Test("retries 429 honouring Retry-After, and 5xx, then succeeds")
    func retries() async throws {
        let calls = CallCounter()
        let router = Router()
        router.get("/v1/youtube/search/users") { _, _ -> Response in
            switch calls.next() {
            case 1: return Response(status: .tooManyRequests, headers: [.retryAfter: "0"])
            case 2: return Response(status: .badGateway)
            default: return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: #"{"data":[],"cursor":5}"#)))
            }
        }
        try await withStub(router) { url in
            let page = try await provider(url).fetchPage(ProviderRequest(platform: .youtube, searchType: .keyword, query: "q", cursor: 0))
            #expect(page.items.isEmpty && page.nextCursor == 5 && calls.count == 3)
        }
    }

    @Test("gives up on persistent 5xx as transient, on 4xx and malformed answers as permanent, and times out")
    func failures() async throws {
        let router = Router()
        router.get("/v1/tiktok/search/users") { _, _ in Response(status: .serviceUnavailable) }
        router.get("/v1/youtube/search/users") { _, _ in Response(status: .forbidden) }
        router.get("/v1/instagram/search/users") { _, _ -> Response in
            Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: #"{"nothing":true}"#)))
        }
        router.get("/v1/instagram/profile") { _, _ -> Response in
            try await Task.sleep(for: .seconds(3))
            return Response(status: .ok)
        }
        try await withStub(router) { url in
            let provider = provider(url, timeout: .milliseconds(300))
            for (platform, type, transient) in [(Platform.tiktok, SearchType.keyword, true), (.youtube, .keyword, false),
                                                (.instagram, .keyword, false), (.instagram, .similar, true)] {
                let error = await #expect(throws: ProviderError.self) {
                    try await provider.fetchPage(ProviderRequest(platform: platform, searchType: type, query: "q", cursor: 0))
                }
                #expect(error?.isTransient == transient, "\(platform) \(type): \(String(describing: error))")
            }
        }
    }
}
