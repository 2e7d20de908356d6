import Foundation

/// What the test kit takes, checked in one place for its routes, `reach test` and ReachTesting: a
/// clock move (`advance` by `90s`, `2h`, `8d`, or `set` to a time), a paid plan, an e-mail type.
public enum TestKitInput {
    /// The time the clock is to move to from `now`.
    public static func clockTarget(advance: String?, set: Date?, now: Date) throws -> Date {
        switch (advance, set) {
        case (let text?, nil):
            guard let seconds = DurationText.seconds(text) else {
                throw ReachError.invalid(field: "advance", reason: "a whole number and ms, s, m, h or d, such as 8d")
            }
            return now.addingTimeInterval(seconds)
        case (nil, let date?): return date
        default: throw ReachError.badRequest("give `advance` (such as \"8d\") or `set` (an ISO-8601 time), not both")
        }
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
