import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ReachCore

import Synchronization

/// A ScrapeCreators-style HTTP API.
///
/// - keyword searches: `GET {base}/v1/{platform}/search/users?query=Q&cursor=C`
/// - similar searches: `GET {base}/v1/{platform}/profile?handle=H&cursor=C`
///
/// with an `x-api-key` header. The answer is a JSON object holding the items (in the platform's
/// creator shapes) under `items`, `users` or `data`, and the next cursor under `nextCursor` or
/// `cursor` (absent or null: no more pages). Calls time out, are retried on 429 and 5xx honouring
/// `Retry-After`, and are paced per platform at `api_limits.max_api_calls_<platform>` calls a minute.
public struct HTTPProvider: CreatorProvider {
    public struct Options: Sendable {
        public var baseURL: String
        public var apiKey: String
        public var timeout: Duration = .seconds(30)
        public var maxAttempts = 4
        /// The longest `Retry-After` honoured, and the base of exponential backoff.
        public var maxRetryDelay: Duration = .seconds(60)
        public var baseRetryDelay: Duration = .milliseconds(500)

        public init(baseURL: String, apiKey: String) {
            self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
            self.apiKey = apiKey
        }
    }

    let options: Options
    let client: HTTPClient
    let rateLimiter: RateLimiter

    /// - Parameter callsPerMinute: a platform's pace; read from `api_limits` by the caller.
    public init(options: Options, client: HTTPClient = .shared, callsPerMinute: @escaping @Sendable (Platform) async -> Double) {
        self.options = options
        self.client = client
        self.rateLimiter = RateLimiter(callsPerMinute: callsPerMinute)
    }

    public func fetchPage(_ request: ProviderRequest) async throws -> ProviderPage {
        let url = try url(for: request)
        var attempt = 0
        while true {
            attempt += 1
            await rateLimiter.acquire(request.platform)
            var httpRequest = HTTPClientRequest(url: url)
            httpRequest.headers.add(name: "x-api-key", value: options.apiKey)
            httpRequest.headers.add(name: "accept", value: "application/json")
            let retryAfter: Duration
            do {
                let response = try await client.execute(httpRequest, timeout: .nanoseconds(options.timeout.nanoseconds))
                let body = try await response.body.collect(upTo: 16 * 1024 * 1024)
                switch response.status.code {
                case 200..<300:
                    return try parse(Array(buffer: body))
                case 429, 500..<600:
                    guard attempt < options.maxAttempts else {
                        throw ProviderError("provider answered \(response.status.code) \(attempt) times", isTransient: true)
                    }
                    retryAfter = try delay(retryAfterHeader: response.headers.first(name: "retry-after"), attempt: attempt)
                default:
                    throw ProviderError("provider answered \(response.status.code) for \(request.platform.slug) search",
                                        isTransient: false)
                }
            } catch let error as ProviderError {
                throw error
            } catch {
                guard attempt < options.maxAttempts else {
                    throw ProviderError("provider unreachable after \(attempt) attempts: \(error)", isTransient: true)
                }
                retryAfter = try delay(retryAfterHeader: nil, attempt: attempt)
            }
            try await Task.sleep(for: retryAfter)
        }
    }

    func url(for request: ProviderRequest) throws -> String {
        var components = URLComponents()
        switch request.searchType {
        case .keyword:
            components.path = "/v1/\(request.platform.slug)/search/users"
            components.queryItems = [URLQueryItem(name: "query", value: request.query)]
        case .similar:
            components.path = "/v1/\(request.platform.slug)/profile"
            components.queryItems = [URLQueryItem(name: "handle", value: request.query)]
        }
        components.queryItems?.append(URLQueryItem(name: "cursor", value: String(request.cursor)))
        guard let suffix = components.string else { throw ProviderError("cannot build a URL for \(request.query)", isTransient: false) }
        return options.baseURL + suffix
    }

    /// The wait `Retry-After` asks for, else exponential backoff; a wait past the cap fails the call at once.
    func delay(retryAfterHeader: String?, attempt: Int, now: Date = Date()) throws -> Duration {
        let cap = Double(options.maxRetryDelay.components.seconds)
        if let seconds = RetryAfter.seconds(retryAfterHeader, now: now) {
            guard seconds <= cap else {
                throw ProviderError("provider asked to wait more than \(Int(cap)) s (Retry-After: \(retryAfterHeader ?? ""))",
                                    isTransient: false)
            }
            return .milliseconds(Int64((seconds * 1000).rounded()))
        }
        return min(options.baseRetryDelay * (1 << min(max(attempt - 1, 0), 20)), options.maxRetryDelay)
    }

    func parse(_ bytes: [UInt8]) throws -> ProviderPage {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: bytes)
        } catch {
            throw ProviderError("provider answered invalid JSON: \(error)", isTransient: true)
        }
        guard let items = (value["items"] ?? value["users"] ?? value["data"] ?? value["related"])?.arrayValue else {
            throw ProviderError("provider answer holds no items array", isTransient: false)
        }
        let next = (value["nextCursor"] ?? value["cursor"])?.intValue.map { Int($0) }
        return ProviderPage(items: items, nextCursor: next)
    }
}

extension Duration {
    var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
