import Foundation

/// Why a provider call or a search step failed, in words for the job's `error`: the provider's
/// name and what to do, never a stack or a raw body.
public struct ProviderError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    /// Whether trying again later may work (timeouts, 429, 5xx).
    public var isTransient: Bool
    /// The provider's HTTP status, when it answered with an error.
    public var status: Int?

    public init(_ description: String, isTransient: Bool, status: Int? = nil) {
        self.description = description
        self.isTransient = isTransient
        self.status = status
    }

    /// `SCRAPECREATORS_API_KEY is not set`: the search fails at once, no request made.
    static func missingKey(_ provider: Provider) -> ProviderError {
        ProviderError("\(provider.keyVariable) is not set", isTransient: false)
    }
}
