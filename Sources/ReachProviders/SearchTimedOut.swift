import Foundation

/// The search's `timeout_at` passed (or a wait would pass it): no more calls; the search times out.
public struct SearchTimedOut: Error, Sendable {
    public init() {}
}
