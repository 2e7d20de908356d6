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

/// The system's wall clock.
public struct SystemClock: ReachClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that moves only when told to.
public final class ManualClock: ReachClock {
    private let current: Mutex<Date>

    public init(_ start: Date = Date(timeIntervalSince1970: 1_795_000_000)) {
        current = Mutex(start.truncatedToMilliseconds)
    }

    public func now() -> Date { current.withLock { $0 } }

    public func advance(by interval: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(interval) }
    }

    public func set(_ date: Date) {
        current.withLock { $0 = date.truncatedToMilliseconds }
    }
}

extension Date {
    /// This date without its sub-millisecond part: what survives a round trip through the database.
    public var truncatedToMilliseconds: Date {
        Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}
