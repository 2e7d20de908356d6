import Foundation

/// Timestamps given as text from outside (an API body, a test's clock, a PostgreSQL dump), read
/// strictly: a real calendar date (2027-02-30 is refused, never rolled over to March), an instant
/// the schema can store (years 0001 to 9999 in UTC), no guessing.
///
/// `2026-12-09T10:00:00Z`, `2026-12-09 10:00:00.123456`, `2026-12-07 20:06:41.42099+05:30`. The
/// separator is `T` or a space; the fraction has up to nine digits (Reach keeps milliseconds: the
/// rest is cut, and said); the offset is `Z`, `±HH`, `±HHMM`, `±HH:MM` or `±HH:MM:SS`, or none
/// (UTC). A year may have more than four digits or say `BC` while its offset brings it back into
/// the range, as PostgreSQL prints a `timestamptz` near the ends of the range in a zone other than
/// UTC.
public enum TimestampText {
    public struct Reading: Sendable, Equatable {
        public var date: Date
        /// Digits past the millisecond were cut (and were not zeros).
        public var truncated: Bool
    }

    public static func parse(_ text: String) -> Reading? {
        var bytes = Array(text.utf8)[...]
        func number(_ minimum: Int, _ maximum: Int) -> Int64? {
            let digits = bytes.prefix { $0 >= 48 && $0 <= 57 }.prefix(maximum)
            guard digits.count >= minimum else { return nil }
            bytes = bytes.dropFirst(digits.count)
            return digits.reduce(0) { $0 * 10 + Int64($1 - 48) }
        }
        func take(_ byte: UInt8) -> Bool {
            guard bytes.first == byte else { return false }
            bytes = bytes.dropFirst()
            return true
        }
        guard var year = number(4, 6), take(UInt8(ascii: "-")), let month = number(2, 2), take(UInt8(ascii: "-")),
            let day = number(2, 2), take(UInt8(ascii: "T")) || take(UInt8(ascii: " ")) || take(UInt8(ascii: "t")),
            let hour = number(2, 2), take(UInt8(ascii: ":")), let minute = number(2, 2), take(UInt8(ascii: ":")),
            let second = number(2, 2)
        else { return nil }
        var fraction: [UInt8] = []
        if take(UInt8(ascii: ".")) {
            fraction = Array(bytes.prefix { $0 >= 48 && $0 <= 57 })
            guard (1...9).contains(fraction.count) else { return nil }
            bytes = bytes.dropFirst(fraction.count)
        }
        var offset: Int64 = 0
        if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) {
        } else if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
            guard let hours = number(2, 2), hours <= 15 else { return nil }
            var magnitude = hours * 3_600
            let colon = take(UInt8(ascii: ":"))
            if colon || bytes.first.map({ $0 >= 48 && $0 <= 57 }) == true {
                guard let minutes = number(2, 2), minutes < 60 else { return nil }
                magnitude += minutes * 60
                if colon, take(UInt8(ascii: ":")) {
                    guard let seconds = number(2, 2), seconds < 60 else { return nil }
                    magnitude += seconds
                }
            }
            offset = sign == UInt8(ascii: "-") ? -magnitude : magnitude
        }
        if bytes.elementsEqual(" BC".utf8) {
            bytes = []
            year = 1 - year  // 1 BC is year 0
        }
        guard bytes.isEmpty else { return nil }
        let milliseconds = (fraction + [48, 48, 48]).prefix(3).reduce(0) { $0 * 10 + Int64($1 - 48) }
        guard let local = Date(civilYear: year, month: month, day: day, hour: hour, minute: minute, second: second,
                               millisecond: milliseconds)
        else { return nil }
        let instant = local.addingTimeInterval(TimeInterval(-offset))
        guard instant.isStorable else { return nil }
        return Reading(date: instant, truncated: fraction.dropFirst(3).contains { $0 != UInt8(ascii: "0") })
    }
}
