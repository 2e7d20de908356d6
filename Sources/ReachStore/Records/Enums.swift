import GRDB

/// A value of one of the schema's CHECKed enumerations.
public protocol StoredEnum: RawRepresentable<String>, Codable, Hashable, Sendable, CaseIterable,
    DatabaseValueConvertible {}

extension StoredEnum {
    /// Parses a value written by a person: any casing, surrounding spaces ignored.
    public init?(parsing text: String) {
        if let exact = Self(rawValue: text) {
            self = exact
            return
        }
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == wanted }) else { return nil }
        self = match
    }

    /// The accepted values, for error messages: `draft, active, completed, archived`.
    public static var valueList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

public enum Platform: String, StoredEnum {
    case tiktok = "TikTok"
    case instagram = "Instagram"
    case youtube = "YouTube"

    /// The lowercase name used in routes and provider URLs: `tiktok`.
    public var slug: String { rawValue.lowercased() }
}

public enum SearchType: String, StoredEnum {
    case keyword, similar
}

public enum CampaignStatus: String, StoredEnum {
    case draft, active, completed, archived
}

public enum ScrapingJobStatus: String, StoredEnum {
    case pending, processing, completed, error, timeout, cancelled

    /// A final status: the job never moves again.
    public var isFinal: Bool { [.completed, .error, .timeout, .cancelled].contains(self) }
}

public enum SearchJobStatus: String, StoredEnum {
    case queued, processing, completed, failed, cancelled
}

public enum BackgroundJobStatus: String, StoredEnum {
    case pending, processing, completed, failed, cancelled
}

public enum EventProcessingStatus: String, StoredEnum {
    case pending, processing, processed, failed
}

public enum OnboardingStep: String, StoredEnum {
    case pending
    case infoCaptured = "info_captured"
    case intentCaptured = "intent_captured"
    case completed

    /// Steps only move forward.
    public var order: Int { Self.allCases.firstIndex(of: self)! }
}

public enum TrialStatus: String, StoredEnum {
    case pending, active, expired, cancelled, converted
}

public enum SubscriptionStatus: String, StoredEnum {
    case none, trialing, active
    case pastDue = "past_due"
    case canceled
}

public enum PlanKey: String, StoredEnum {
    case free
    case glowUp = "glow_up"
    case viralSurge = "viral_surge"
    case fameFlex = "fame_flex"
}

public enum ConfigValueType: String, StoredEnum {
    case number, duration, boolean
}
