import Foundation
import ReachStore

/// A user found by the admin search, with the trial state the platform's admin pages show.
public struct UserMatch: Sendable, Hashable {
    public var profile: UserProfile
    /// `active`, `expired`, `converted`, `cancelled`, `pending` or `no_trial`, by the trial's dates now.
    public var computedTrialStatus: String
    /// `3d 4h`, `Expired` or `N/A`.
    public var timeRemaining: String

    public init(_ profile: UserProfile, now: Date) {
        self.profile = profile
        guard let countdown = Trials.countdown(profile, now: now) else {
            computedTrialStatus = "no_trial"
            timeRemaining = "N/A"
            return
        }
        switch profile.trialStatus {
        case .active?:
            computedTrialStatus = countdown.isExpired ? "expired" : "active"
        case let status?:
            computedTrialStatus = status.rawValue
        case nil:
            computedTrialStatus = "no_trial"
        }
        timeRemaining = computedTrialStatus == "active"
            ? "\(countdown.daysRemaining)d \(countdown.hoursRemaining)h" : (computedTrialStatus == "expired" ? "Expired" : "N/A")
    }
}
