import Foundation

/// What the test kit takes, checked in one place for its routes, `reach test` and ReachTesting: a
/// clock move (`advance` by `90s`, `2h`, `8d`, or `set` to a time), a paid plan, an e-mail type.
public enum TestKitInput {
    /// The admin the test kit signs in as: an admin only on a server in test mode.
    public static let adminUserId = "reach_admin"

    /// The latest time the test clock reaches: a year before the last instant the schema stores,
    /// so that what the clock's work schedules ahead (a trial's end, a month of usage, a retry, a
    /// token's expiry) still falls within the years it stores.
    public static let latestClock = Date.latestStored.addingTimeInterval(-366 * 86_400)

    /// The furthest one move goes: 100 years. A move costs the work that falls due on the way, not
    /// the calendar it crosses.
    public static let longestMove: TimeInterval = 100 * 365 * 86_400

    /// The time the clock is to move to from `now`.
    public static func clockTarget(advance: String?, set: Date?, now: Date) throws -> Date {
        let target: Date
        let field: String
        switch (advance, set) {
        case (let text?, nil):
            guard let seconds = DurationText.seconds(text) else {
                throw ReachError.invalid(field: "advance", reason: "a whole number and ms, s, m, h or d up to 100 years, such as 8d")
            }
            (target, field) = (now.addingTimeInterval(seconds), "advance")
        case (nil, let date?): (target, field) = (date, "set")
        default: throw ReachError.badRequest("give `advance` (such as \"8d\") or `set` (an ISO-8601 time), not both")
        }
        guard target <= latestClock else {
            throw ReachError.invalid(field: field, reason: "the test clock goes up to \(WireFormat.timestamp(latestClock)): "
                + "the work it schedules ahead must fall within the years Reach stores (to 9999-12-31)")
        }
        guard target.timeIntervalSince(now) <= longestMove + 1 else {  // a second's slack for the arithmetic
            throw ReachError.invalid(field: field, reason: "one move goes at most 100 years ahead (36500d): move again for more")
        }
        return target
    }

    /// A time for `set`, strictly: a real calendar date and time.
    public static func clockTime(_ text: String) throws -> Date {
        guard let date = WireFormat.parseTimestamp(text) else {
            throw ReachError.invalid(field: "set", reason: "'\(text.prefix(40))' is not a real date and time: an ISO-8601 time such as 2026-12-09T10:00:00Z")
        }
        return date
    }

    /// A plan a test user can be onboarded onto: a paid one.
    public static func plan(_ text: String) throws -> PlanKey {
        guard let plan = PlanKey(parsing: text), plan != .free else {
            throw ReachError.invalid(field: "plan", reason: "use glow_up, viral_surge or fame_flex")
        }
        return plan
    }

    /// A trial e-mail's type, as `/_reach/emails?type=` names it.
    public static func emailType(_ text: String) throws -> TrialEmail {
        guard let type = TrialEmail(rawValue: text) else {
            throw ReachError.invalid(field: "type", reason: "use one of \(TrialEmail.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return type
    }
}
