import Foundation
import Synchronization

/// Where Reach reads the time. Injected, so that tests move time forward instead of sleeping.
public protocol ReachClock: Sendable {
    func now() -> Date
}

extension ReachClock {
    /// Now, at the millisecond precision the database stores.
    public func nowMilliseconds() -> Date { now().truncatedToMilliseconds }
}

extension Date {
    /// This date without its sub-millisecond part: what survives a round trip through the database.
    public var truncatedToMilliseconds: Date {
        Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}
