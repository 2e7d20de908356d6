import Foundation
import ReachCore

/// The provider calls of one search step: keys and base URLs, pacing, timeouts, retries with
/// `Retry-After` or capped backoff, and the search's deadline (providers.md §1).
public struct ProviderCalls: Sendable {
    public let transport: any ProviderTransport
    public let endpoints: ProviderEndpoints
    public let settings: ProviderSettings
    public let pacer: Pacer
    public let clock: any ProviderClock
    /// The search's `timeout_at`: no call starts, and no wait ends, after it.
    public let deadline: Date?

    public init(transport: any ProviderTransport, endpoints: ProviderEndpoints, settings: ProviderSettings, pacer: Pacer,
                clock: any ProviderClock, deadline: Date?) {
        self.transport = transport
        self.endpoints = endpoints
        self.settings = settings
        self.pacer = pacer
        self.clock = clock
        self.deadline = deadline
    }

    /// How query values are written: JavaScript's `encodeURIComponent`, or form encoding.
    public enum Encoding: Sendable { case component, form }

    /// A primary call retries up to `providers.max_retries` times; a secondary one once.
    public enum Role: Sendable { case primary, secondary }

    /// Fails at once when the provider's key is not set: no request is made.
    public func requireKey(_ provider: Provider) throws {
        guard endpoints.keys[provider] != nil else { throw ProviderError.missingKey(provider) }
    }

    /// `GET base + path ? query`, answered JSON.
    public func get(_ provider: Provider, _ path: String, query: [(String, String)], encoding: Encoding = .component,
                    role: Role = .primary) async throws -> JSONValue {
        try await call(provider, method: "GET", path, query: query, encoding: encoding, body: nil, role: role).value
    }

    /// `POST base + path ? query` with a JSON body; the answer's status and JSON.
    public func post(_ provider: Provider, _ path: String, query: [(String, String)] = [], body: JSONValue,
                     role: Role = .primary) async throws -> (status: Int, value: JSONValue) {
        try await call(provider, method: "POST", path, query: query, encoding: .component, body: body, role: role)
    }

    private func call(
        _ provider: Provider, method: String, _ path: String, query: [(String, String)], encoding: Encoding, body: JSONValue?,
        role: Role
    ) async throws -> (status: Int, value: JSONValue) {
        try requireKey(provider)
        let request = self.request(provider, method: method, path, query: query, encoding: encoding, body: body)
        let retries = role == .primary ? settings.maxRetries : 1
        var attempt = 0
        while true {
            try checkDeadline()
            try await pacer.acquire(provider, interval: settings.intervals[provider] ?? 0, clock: clock)
            try checkDeadline()
            let failure: ProviderError
            var retryAfter: String?
            do {
                let response = try await transport.send(request, timeout: timeout())
                switch response.status {
                case 200..<300:
                    do {
                        return (response.status, try JSONValue(parsing: response.body))
                    } catch {
                        throw ProviderError("\(provider.name) answered \(response.status) with a body that is not JSON", isTransient: false,
                                            status: response.status)
                    }
                case 429, 500, 502, 503, 504:
                    failure = ProviderError(Self.statusText(provider, response.status), isTransient: true, status: response.status)
                    retryAfter = response.headers["retry-after"]
                case 401, 403:
                    throw ProviderError("\(provider.name) refused the key (\(response.status)): check \(provider.keyVariable)",
                                        isTransient: false, status: response.status)
                default:
                    throw ProviderError(Self.statusText(provider, response.status), isTransient: false, status: response.status)
                }
            } catch let error as ProviderError {
                throw error
            } catch let error as SearchTimedOut {
                throw error
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                failure = ProviderError("\(provider.name) did not answer (\(Self.shortReason(error)))", isTransient: true)
            }
            attempt += 1
            // Out of retries: the call fails for good, and with it a primary call's search.
            guard attempt <= retries else { throw ProviderError(failure.description, isTransient: false, status: failure.status) }
            let wait = try delay(provider, retryAfter: retryAfter, attempt: attempt)
            if let deadline, clock.now().addingTimeInterval(wait) >= deadline { throw SearchTimedOut() }
            try await clock.sleep(for: .milliseconds(Int64((wait * 1_000).rounded())))
        }
    }

    func request(
        _ provider: Provider, method: String, _ path: String, query: [(String, String)], encoding: Encoding, body: JSONValue?
    ) -> ProviderHTTPRequest {
        var pairs = query
        var headers = ["accept": "application/json"]
        let key = endpoints.keys[provider] ?? ""
        switch provider {
        case .scrapeCreators: headers["x-api-key"] = key
        case .rapidAPI:
            headers["x-rapidapi-key"] = key
            headers["x-rapidapi-host"] = Provider.rapidAPIHost
        case .apify: pairs.append(("token", key))
        }
        if body != nil { headers["content-type"] = "application/json" }
        let text = URLQuery.string(pairs, encoding == .form ? URLQuery.form : URLQuery.component)
        return ProviderHTTPRequest(
            method: method, url: endpoints.baseURL(provider) + path + (text.isEmpty ? "" : "?" + text), headers: headers,
            body: body.map { Array($0.jsonText.utf8) })
    }

    /// The wait before retry `attempt`: `Retry-After` (seconds or an HTTP-date) when given, else
    /// 1 s·2ⁿ ±20 %; a `Retry-After` above `providers.retry_after_cap` fails the call at once.
    func delay(_ provider: Provider, retryAfter header: String?, attempt: Int) throws -> TimeInterval {
        if let seconds = RetryAfter.seconds(header, now: clock.now()) {
            guard seconds <= settings.retryAfterCap else {
                throw ProviderError(
                    "\(provider.name) asked to wait longer than providers.retry_after_cap (\(Int(settings.retryAfterCap)) s)",
                    isTransient: false, status: 429)
            }
            return seconds
        }
        let base = pow(2, Double(min(attempt - 1, 20)))
        return min(base * Double.random(in: 0.8...1.2), max(settings.retryAfterCap, 1))
    }

    func checkDeadline() throws {
        if let deadline, clock.now() >= deadline { throw SearchTimedOut() }
    }

    func timeout() -> Duration {
        var seconds = settings.requestTimeout
        if let deadline { seconds = min(seconds, max(0.001, deadline.timeIntervalSince(clock.now()))) }
        return .milliseconds(Int64((seconds * 1_000).rounded(.up)))
    }

    /// `ScrapeCreators 503 Service Unavailable`.
    static func statusText(_ provider: Provider, _ status: Int) -> String {
        let reasons = [400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
                       408: "Request Timeout", 409: "Conflict", 410: "Gone", 413: "Content Too Large", 422: "Unprocessable Content",
                       429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable",
                       504: "Gateway Timeout"]
        return "\(provider.name) \(status) \(reasons[status] ?? "Error")"
    }

    /// An error in a few words, without a stack or a body.
    static func shortReason(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.count > 120 ? String(text.prefix(120)) + "…" : text
    }
}
