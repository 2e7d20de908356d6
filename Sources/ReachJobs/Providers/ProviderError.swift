import Foundation
import ReachCore

/// Why a provider call failed, in words for the job's `error`.
public struct ProviderError: Error, CustomStringConvertible, Sendable {
    public var description: String
    /// Whether trying again later may work (timeouts, 429, 5xx).
    public var isTransient: Bool

    public init(_ description: String, isTransient: Bool) {
        self.description = description
        self.isTransient = isTransient
    }
}
