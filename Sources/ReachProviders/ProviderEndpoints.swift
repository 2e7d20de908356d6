import Foundation

/// Where each provider is and the key it takes: base URLs from a flag, else the environment, else
/// the provider's own; keys from the environment only.
public struct ProviderEndpoints: Sendable, Hashable {
    public var baseURLs: [Provider: String]
    public var keys: [Provider: String]

    public init(baseURLs: [Provider: String], keys: [Provider: String]) {
        self.baseURLs = baseURLs.mapValues { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.keys = keys
    }

    /// The endpoints of `flags` (base URLs given on the command line) and `environment`; a base
    /// URL that is not `http://` or `https://` with a host is refused, naming where it came from.
    public init(flags: [Provider: String] = [:], environment: [String: String]) throws {
        var urls: [Provider: String] = [:]
        var keys: [Provider: String] = [:]
        for provider in Provider.allCases {
            let given = flags[provider].map { ($0, provider.urlFlag) }
                ?? environment[provider.urlVariable].flatMap { $0.isEmpty ? nil : ($0, provider.urlVariable) }
            let (url, source) = given ?? (provider.defaultBaseURL, "the default")
            guard let parsed = URLComponents(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
                parsed.host?.isEmpty == false, parsed.query == nil
            else {
                throw ProviderError("\(source) must be an http:// or https:// base URL, such as \(provider.defaultBaseURL) (got \(url))",
                                    isTransient: false)
            }
            urls[provider] = url
            if let key = environment[provider.keyVariable], !key.isEmpty { keys[provider] = key }
        }
        self.init(baseURLs: urls, keys: keys)
    }

    public func baseURL(_ provider: Provider) -> String { baseURLs[provider] ?? provider.defaultBaseURL }
}
