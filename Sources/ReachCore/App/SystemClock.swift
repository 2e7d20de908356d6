import Foundation
import Synchronization

/// The system's wall clock.
public struct SystemClock: ReachClock {
    public init() {}
    public func now() -> Date { Date() }
}
