import Foundation
import ReachCore

/// The three providers as a pure function of the request: deterministic pages in their real raw
/// shapes (providers.md §2), made from `fixtures/corpus.json`. The offline provider answers from it
/// in memory; `reach providers fake` serves it over HTTP; the tests use both.
///
/// It checks the keys as the providers do (401 without), and answers 404 for any account whose
/// handle starts with `nobody`.
public struct FakeProviders: Sendable {
    let generator = CreatorGenerator()

    public init() {}

    public func respond(_ request: ProviderHTTPRequest) -> ProviderHTTPResponse {
        let path = request.path
        let parts = path.split(separator: "/").map(String.init)
        if path.hasPrefix("/v1/") {
            guard request.headers["x-api-key"]?.isEmpty == false else { return .failure(401, "Invalid API key") }
            switch path {
            case "/v1/tiktok/search/keyword": return .json(tiktokKeyword(request))
            case "/v1/tiktok/profile": return account(request, platform: .tiktok) { tiktokProfile($0) }
            case "/v1/tiktok/search/users": return .json(tiktokUsers(request))
            case "/v1/youtube/search": return .json(youtubeSearch(request))
            case "/v1/youtube/channel": return account(request, platform: .youtube) { youtubeChannel($0) }
            default: return .failure(404, "no such endpoint")
            }
        }
        if path.hasPrefix("/v2/search/") || path.hasPrefix("/v2/user/") {
            guard request.headers["x-rapidapi-key"]?.isEmpty == false, request.headers["x-rapidapi-host"] == Provider.rapidAPIHost else {
                return .failure(401, "You are not subscribed to this API.")
            }
            switch path {
            case "/v2/search/reels": return .json(reels(request))
            case "/v2/user/by/id": return .json(reelsUser(request.queryValue("id") ?? ""))
            default: return .failure(404, "no such endpoint")
            }
        }
        if path.hasPrefix("/v2/") {
            guard request.queryValue("token")?.isEmpty == false else { return .failure(401, "User was not found or authentication token is not valid") }
            return apify(request, parts: parts)
        }
        return .failure(404, "no such endpoint")
    }

    /// A profile or channel call: 404 for a `nobody…` handle.
    func account(_ request: ProviderHTTPRequest, platform: Platform, _ answer: (String) -> JSONValue) -> ProviderHTTPResponse {
        let handle = Raw.handle(request.queryValue("handle") ?? "")
        guard !handle.isEmpty else { return .failure(400, "handle is required") }
        guard !handle.lowercased().hasPrefix("nobody") else { return .failure(404, "account not found") }
        return .json(answer(handle))
    }

    static func avatar(_ platform: Platform, _ handle: String) -> String {
        CreatorGenerator.avatarURL(platform: platform, handle: handle)
    }

    /// A short id, stable for `text`.
    static func token(_ text: String, length: Int = 11) -> String {
        var random = SeededRandom(text)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
        return String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
    }

    static func number(_ text: String, below limit: UInt64) -> Int64 {
        Int64(SeededRandom.hash(text) % limit)
    }
}
