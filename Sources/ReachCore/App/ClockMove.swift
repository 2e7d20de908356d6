import Foundation

/// Where a move of the test clock got to: the target, or, when the server began shutting down on
/// the way, the time the work due so far reached (the clock stays there).
public struct ClockMove: Sendable, Equatable {
    public var now: Date
    /// Why the move stopped short of its target; nil when it reached it.
    public var stoppedShort: String?

    public init(now: Date, stoppedShort: String? = nil) {
        self.now = now
        self.stoppedShort = stoppedShort
    }
}
