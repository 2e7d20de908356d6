import Foundation

/// The search was cancelled (or ended) while a step ran: the step stores nothing more.
public struct SearchStopped: Error, Sendable {
    public init() {}
}
