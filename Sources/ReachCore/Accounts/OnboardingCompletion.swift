import Foundation
import ReachStore

/// What completing onboarding did: the profile, its trial, and the e-mails the trial will send.
public struct OnboardingCompletion: Sendable, Hashable {
    public var profile: UserProfile
    public var trial: TrialSummary?
    /// The trial's e-mails and when each is due (the event processor schedules them).
    public var emails: [PlannedEmail]

    public struct PlannedEmail: Codable, Sendable, Hashable {
        public var type: TrialEmail
        public var scheduledFor: Date
    }
}
