import Foundation

/// The follow-up of a completed onboarding: its trial e-mails scheduled, its abandonment e-mail cancelled.
public enum CompleteOnboardingJob: JobKind {
    public static let jobType = "complete_onboarding"

    public struct Parameters: Codable, Sendable, Equatable {
        public var userId: String
        /// The `onboarding_completed` event it follows.
        public var eventId: UUID?

        public init(userId: String, eventId: UUID?) {
            self.userId = userId
            self.eventId = eventId
        }
    }
}
