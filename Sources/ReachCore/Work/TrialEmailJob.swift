/// A scheduled trial e-mail to send, unless it was cancelled or sent meanwhile.
public enum TrialEmailJob: JobKind {
    public static let jobType = "send_trial_email"

    public struct Parameters: Codable, Sendable, Equatable {
        public var userId: String
        public var email: TrialEmail

        public init(userId: String, email: TrialEmail) {
            self.userId = userId
            self.email = email
        }
    }
}
