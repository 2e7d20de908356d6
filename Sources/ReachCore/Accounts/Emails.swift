import Foundation
import GRDB
import ReachStore

public enum Emails {
    /// The state of one e-mail in a profile's `email_schedule_status`.
    public static func status(_ profile: UserProfile, _ email: TrialEmail) -> EmailStatus? {
        profile.emailScheduleStatus?[email.rawValue]?["status"]?.stringValue.flatMap(EmailStatus.init(rawValue:))
    }

    /// The e-mails completing onboarding schedules, by the trial's start: day 2 and day 5.
    public static func afterCompletion(trialStart: Date) -> [(email: TrialEmail, date: Date)] {
        [(.trialDay2, trialStart.addingTimeInterval(2 * 86_400)), (.trialDay5, trialStart.addingTimeInterval(5 * 86_400))]
    }

    /// Schedules an e-mail at `date` unless it was scheduled or sent already.
    public static func schedule(_ db: Database, userId: String, _ email: TrialEmail, at date: Date, now: Date) throws {
        guard let original = try UserProfile.fetchOne(db, userId: userId) else { return }
        var profile = original
        if let status = status(original, email), status == .scheduled || status == .sent { return }
        try record(&profile, email, status: .scheduled, messageId: nil, at: now, due: max(date, now))
        try profile.updateChanges(db, from: original)
        let job = try BackgroundJob(
            TrialEmailJob.self, .init(userId: userId, email: email),
            priority: 80, scheduledFor: max(date, now),
            dedupeKey: "\(Self.dedupePrefix(userId: userId, email)):\(Int(date.timeIntervalSince1970))", now: now)
        try JobQueue.enqueue(db, job)
    }

    /// The start of a trial e-mail job's de-duplication key: `email:<user>:<type>`.
    static func dedupePrefix(userId: String, _ email: TrialEmail) -> String { "email:\(userId):\(email.rawValue)" }

    /// Cancels an e-mail that is scheduled and not sent, its queue job with it.
    public static func cancel(_ db: Database, userId: String, _ email: TrialEmail, now: Date) throws {
        guard let original = try UserProfile.fetchOne(db, userId: userId), status(original, email) == .scheduled else { return }
        var profile = original
        try record(&profile, email, status: .cancelled, messageId: nil, at: now)
        try profile.updateChanges(db, from: original)
        try JobQueue.cancelPending(db, dedupeKeyPrefix: dedupePrefix(userId: userId, email) + ":", now: now)
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

    /// The e-mail's entry in `email_schedule_status`: its status, message id, when the status was
    /// set, and (Reach's addition) when it is due.
    private static func record(_ profile: inout UserProfile, _ email: TrialEmail, status: EmailStatus, messageId: String?,
                               at date: Date, due: Date? = nil) throws {
        var schedule = profile.emailScheduleStatus?.objectValue ?? [:]
        let dueAt = due.map { JSONValue.string(WireFormat.timestamp($0)) } ?? schedule[email.rawValue]?["dueAt"]
        var entry: [String: JSONValue] = [
            "status": .string(status.rawValue),
            "messageId": messageId.map(JSONValue.string) ?? .null,
            "timestamp": .string(WireFormat.timestamp(date)),
        ]
        if let dueAt { entry["dueAt"] = dueAt }
        schedule[email.rawValue] = .object(entry)
        profile.emailScheduleStatus = .object(schedule)
        profile.updatedAt = date
    }
}
