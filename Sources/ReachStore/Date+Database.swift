import Foundation

extension Date {
    /// The stored text form: `2026-11-24 22:06:18.123`, UTC, as GRDB writes dates — but without
    /// the `DateFormatter` GRDB uses on Linux, which made every write pay for ICU.
    public var databaseText: String { timestampText(separator: " ", suffix: "") }

    /// `YYYY-MM-DD<separator>HH:MM:SS.SSS<suffix>` in UTC: the one timestamp writer, behind the
    /// stored form and the wire's ISO-8601 (`T`, `Z`).
    public func timestampText(separator: String, suffix: String) -> String {
        let c = civil
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))\(separator)\(pad(c.hour, 2)):\(pad(c.minute, 2)):"
            + "\(pad(c.second, 2)).\(pad(c.millisecond, 3))\(suffix)"
    }

    /// Calendar fields in UTC, to the nearest millisecond (a millisecond stored as a Double may
    /// read back a hair below itself). Proleptic Gregorian, as SQLite and PostgreSQL count, by
    /// H. Hinnant's algorithm.
    public var civil: (year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64, millisecond: Int64) {
        let milliseconds = Date.clampedMilliseconds(timeIntervalSince1970)
        var (days, ms) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        if ms < 0 { days -= 1; ms += 86_400_000 }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day, ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000)
    }
}

extension Date {
    /// Parses the stored form, `YYYY-MM-DD HH:MM:SS.SSS` (seconds and milliseconds optional):
    /// by arithmetic, where GRDB would go through `sscanf` and a Foundation calendar.
    public init?<Bytes: Collection<UInt8>>(databaseText bytes: Bytes) {
        let parsed = bytes.withContiguousStorageIfAvailable { Date.parse(UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes(Date.parse)
        guard let parsed else { return nil }
        self = parsed
    }

    /// The parser behind ``init(databaseText:)``: over raw bytes, without allocating.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Date? {
        var (year, month, day, hour, minute, second, millisecond): (Int64, Int64, Int64, Int64, Int64, Int64, Int64) =
            (0, 0, 0, 0, 0, 0, 0)
        var field = 0
        var value: Int64 = 0
        var digits = 0
        func store() {
            switch field {
            case 0: year = value
            case 1: month = value
            case 2: day = value
            case 3: hour = value
            case 4: minute = value
            case 5: second = value
            default:
                // Milliseconds: the first three digits, scaled when fewer were written.
                millisecond = digits >= 3 ? value : value * (digits == 2 ? 10 : 100)
            }
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if field < 6 {
                    guard digits < 9 else { return nil }
                    value = value * 10 + Int64(byte &- UInt8(ascii: "0"))
                } else if digits < 3 {
                    value = value * 10 + Int64(byte &- UInt8(ascii: "0"))
                }
                digits += 1
            case UInt8(ascii: "-"), UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "T"):
                guard digits > 0, field < 6 else { return nil }
                store()
                field += 1
                value = 0
                digits = 0
            default:
                return nil
            }
        }
        guard field >= 4, digits > 0 else { return nil }
        store()
        guard (1...9999).contains(year) else { return nil }
        return Date(civilYear: year, month: month, day: day, hour: hour, minute: minute, second: second, millisecond: millisecond)
    }

    /// The instant of a UTC calendar date and time, proleptic Gregorian (H. Hinnant's algorithm),
    /// for any year (0 is 1 BC); nil for a date the calendar does not have (2027-02-30) or a time
    /// out of range. Whether the schema can store it is ``isStorable``.
    public init?(civilYear year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64, millisecond: Int64) {
        guard abs(year) <= 1_000_000, (1...12).contains(month), day >= 1, day <= Date.daysIn(month: month, year: year),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second), (0...999).contains(millisecond)
        else { return nil }
        // Days since 1970-01-01.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        let milliseconds = ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millisecond
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Date {
    /// The first and last instants the schema stores: years 0001 to 9999.
    public static let earliestStored = Date(timeIntervalSince1970: -62_135_596_800)
    public static let latestStored = Date(timeIntervalSince1970: 253_402_300_799.999)

    /// Whether the schema can store this date (years 0001 to 9999).
    public var isStorable: Bool { self >= Date.earliestStored && self <= Date.latestStored }

    /// Milliseconds since 1970 as an integer, clamped to the storable years: a date made from
    /// outside numbers (a Stripe timestamp of 9.3e15 s) must never trap in the conversion. The
    /// entry points refuse such dates first; this keeps a missed one from stopping the process.
    static func clampedMilliseconds(_ seconds: TimeInterval) -> Int64 {
        let milliseconds = (seconds * 1000).rounded()
        guard milliseconds.isFinite else { return milliseconds > 0 ? 253_402_300_799_999 : milliseconds < 0 ? -62_135_596_800_000 : 0 }
        return Int64(min(253_402_300_799_999, max(-62_135_596_800_000, milliseconds)))
    }

    /// A Unix time in seconds, if it falls within the storable years.
    public init?(unixSeconds seconds: Int64) {
        guard seconds >= -62_135_596_800, seconds <= 253_402_300_799 else { return nil }
        self.init(timeIntervalSince1970: TimeInterval(seconds))
    }
}

private func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
