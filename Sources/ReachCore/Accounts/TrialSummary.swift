import Foundation
import ReachStore

/// A trial's dates and countdown, as the platform's profile and onboarding answers show them.
public struct TrialSummary: Codable, Sendable, Hashable {
    public var status: TrialStatus
    public var startDate: Date
    public var endDate: Date
    public var daysRemaining: Int
    public var hoursRemaining: Int
    public var minutesRemaining: Int
    /// Of the trial elapsed, 0 to 100.
    public var progressPercentage: Int
    /// `6d 23h 59m`, or `expired`.
    public var timeUntilExpiry: String
    public var isExpired: Bool

    /// Nil for a profile with no trial dates.
    public init?(_ profile: UserProfile, now: Date) {
        guard let start = profile.trialStartDate, let end = profile.trialEndDate,
            let countdown = Trials.countdown(profile, now: now)
        else { return nil }
        status = profile.trialStatus ?? .pending
        startDate = start
        endDate = end
        daysRemaining = countdown.daysRemaining
        hoursRemaining = countdown.hoursRemaining
        minutesRemaining = countdown.minutesRemaining
        progressPercentage = countdown.progressPercentage
        isExpired = countdown.isExpired || profile.trialStatus == .expired
        timeUntilExpiry = isExpired
            ? "expired" : "\(countdown.daysRemaining)d \(countdown.hoursRemaining)h \(countdown.minutesRemaining)m"
    }
}
