import Foundation
import GRDB
import ReachStore

/// The trial e-mails and their schedule (platform-facts.md "Accounts").
///
/// Each e-mail's state lives in `email_schedule_status[type] = {status, messageId, timestamp}`,
/// status scheduled | sent | failed | cancelled; the sending is a `send_trial_email` job.
/// An e-mail already scheduled or sent is not scheduled again.
public enum TrialEmail: String, CaseIterable, Sendable, Codable {
    case welcome
    case abandonment
    case trialDay2 = "trial_day2"
    case trialDay5 = "trial_day5"
    case trialExpiry = "trial_expiry"

    public var subject: String {
        switch self {
        case .welcome: return "Welcome to the platform — let's find your creators"
        case .abandonment: return "Your creator search is one step away"
        case .trialDay2: return "Day 2: run your first keyword search"
        case .trialDay5: return "Day 5: two days left in your trial"
        case .trialExpiry: return "Your trial has ended"
        }
    }

    public func body(name: String) -> String {
        switch self {
        case .welcome:
            return "Hi \(name),\n\nWelcome! Finish onboarding to start searching TikTok, Instagram and YouTube for creators.\n"
        case .abandonment:
            return "Hi \(name),\n\nYou started setting up your account but did not finish. It takes a minute to complete.\n"
        case .trialDay2:
            return "Hi \(name),\n\nYour trial is two days in. Start a keyword search and see creators with e-mails and audiences.\n"
        case .trialDay5:
            return "Hi \(name),\n\nTwo days of your trial are left. Your plan continues automatically afterwards.\n"
        case .trialExpiry:
            return "Hi \(name),\n\nYour 7-day trial has ended. Choose a plan to keep searching.\n"
        }
    }
}

public enum EmailStatus: String, Sendable, Codable {
    case scheduled, sent, failed, cancelled
}

public enum Emails {
    public static let jobType = "send_trial_email"

    /// The state of one e-mail in a profile's `email_schedule_status`.
    public static func status(_ profile: UserProfile, _ email: TrialEmail) -> EmailStatus? {
        profile.emailScheduleStatus?[email.rawValue]?["status"]?.stringValue.flatMap(EmailStatus.init(rawValue:))
    }

    /// Schedules an e-mail at `date` unless it was scheduled or sent already.
    public static func schedule(_ db: Database, userId: String, _ email: TrialEmail, at date: Date, now: Date) throws {
        guard let original = try UserProfile.fetchOne(db, userId: userId) else { return }
        var profile = original
        if let status = status(original, email), status == .scheduled || status == .sent { return }
        try record(&profile, email, status: .scheduled, messageId: nil, at: now)
        try profile.updateChanges(db, from: original)
        let job = BackgroundJob(
            jobType: jobType, payload: ["userId": .string(userId), "email": .string(email.rawValue)],
            priority: 80, scheduledFor: max(date, now),
            dedupeKey: "email:\(userId):\(email.rawValue):\(Int(date.timeIntervalSince1970))", now: now)
        try JobQueue.enqueue(db, job)
    }

    /// Cancels an e-mail that is scheduled and not sent.
    public static func cancel(_ db: Database, userId: String, _ email: TrialEmail, now: Date) throws {
        guard let original = try UserProfile.fetchOne(db, userId: userId), status(original, email) == .scheduled else { return }
        var profile = original
        try record(&profile, email, status: .cancelled, messageId: nil, at: now)
        try profile.updateChanges(db, from: original)
    }

    /// Records the outcome of a send.
    public static func markSent(_ db: Database, userId: String, _ email: TrialEmail, messageId: String, now: Date) throws {
        guard let original = try UserProfile.fetchOne(db, userId: userId) else { return }
        var profile = original
        try record(&profile, email, status: .sent, messageId: messageId, at: now)
        try profile.updateChanges(db, from: original)
    }

    public static func markFailed(_ db: Database, userId: String, _ email: TrialEmail, now: Date) throws {
        guard let original = try UserProfile.fetchOne(db, userId: userId) else { return }
        var profile = original
        try record(&profile, email, status: .failed, messageId: nil, at: now)
        try profile.updateChanges(db, from: original)
    }

    private static func record(_ profile: inout UserProfile, _ email: TrialEmail, status: EmailStatus, messageId: String?,
                               at date: Date) throws {
        var schedule = profile.emailScheduleStatus?.objectValue ?? [:]
        schedule[email.rawValue] = [
            "status": .string(status.rawValue),
            "messageId": messageId.map(JSONValue.string) ?? .null,
            "timestamp": .string(WireFormat.timestamp(date)),
        ]
        profile.emailScheduleStatus = .object(schedule)
        profile.updatedAt = date
    }
}

/// An e-mail to send.
public struct EmailMessage: Sendable, Hashable {
    public var to: String
    public var subject: String
    public var body: String
    public var kind: String

    public init(to: String, subject: String, body: String, kind: String) {
        self.to = to
        self.subject = subject
        self.body = body
        self.kind = kind
    }
}

/// Where e-mails go. Offline, an outbox of `.eml` files.
public protocol Mailer: Sendable {
    /// Sends `message`; returns its message id.
    func send(_ message: EmailMessage) async throws -> String
}
