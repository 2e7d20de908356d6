import GRDB

public enum OnboardingStep: String, StoredEnum {
    case pending
    case infoCaptured = "info_captured"
    case intentCaptured = "intent_captured"
    case completed

    /// Steps only move forward.
    public var order: Int { Self.allCases.firstIndex(of: self)! }
}
