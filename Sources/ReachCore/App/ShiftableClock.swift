import Foundation
import Synchronization

/// Real time moved forward on request: a test-mode server's clock. It never goes back.
public final class ShiftableClock: ReachClock {
    private let offset = Mutex<TimeInterval>(0)

    public init() {}

    public func now() -> Date { Date().addingTimeInterval(offset.withLock { $0 }) }

    /// How far ahead of real time it runs, in seconds.
    public var shift: TimeInterval { offset.withLock { $0 } }

    /// Moves to `date`; a date before now is refused.
    public func move(to date: Date) throws {
        try offset.withLock { offset in
            let now = Date().addingTimeInterval(offset)
            try Self.refuseBackwards(date, now: now)
            offset += date.timeIntervalSince(now)
        }
    }

    /// Refuses `date` when it is before the clock's time.
    public func refuseBackwards(_ date: Date) throws {
        try Self.refuseBackwards(date, now: now())
    }

    private static func refuseBackwards(_ date: Date, now: Date) throws {
        guard date >= now.truncatedToMilliseconds else {
            throw ReachError.invalid(field: "set", reason: "the clock only moves forward (it is \(WireFormat.timestamp(now)))")
        }
    }

    /// Runs `shift` seconds ahead of real time (a restored snapshot's), or at real time with 0;
    /// never past ``TestKitInput/latestClock``, whatever a file holds.
    public func restore(shift: TimeInterval) {
        let room = max(0, TestKitInput.latestClock.timeIntervalSince(Date()))
        offset.withLock { $0 = min(max(0, shift.isFinite ? shift : 0), room) }
    }
}
