import Foundation
import GRDB
import ReachStore

/// Users: creation (Clerk `user.created`), updates, deletion.
public enum Accounts {
    /// Creates a profile on plan `free` with a 7-day active trial, step `pending`; returns the
    /// existing profile when there is one.
    @discardableResult
    public static func createUser(
        _ db: Database, userId: String, email: String?, fullName: String?, now: Date, context: EventContext,
        recordedEvent: Event? = nil
    ) throws -> UserProfile {
        try validateUserId(userId)
        if let existing = try UserProfile.fetchOne(db, userId: userId) { return existing }
        var profile = UserProfile(userId: userId, email: email, fullName: fullName, now: now)
        Trials.start(&profile, now: now)
        try Plans.apply(db, plan: .free, to: &profile)
        try profile.insert(db)
        let created = try recordedEvent.map { try Event.append(db, $0).event } ?? Event.append(db, Event(
            aggregateId: userId, aggregateType: "user", eventType: "user_created",
            eventData: ["userId": .string(userId), "email": email.map(JSONValue.string) ?? .null],
            idempotencyKey: "\(context.source)_\(userId)_user_created", sourceSystem: context.source,
            correlationId: context.correlationId, causationId: context.causationId, processingStatus: .processed,
            now: now)).event
        try Event.append(db, Event(
            aggregateId: userId, aggregateType: "trial", eventType: "trial_started",
            eventData: ["userId": .string(userId), "trialEndDate": .string(WireFormat.timestamp(profile.trialEndDate ?? now))],
            idempotencyKey: "system_automation_\(userId)_trial_started", sourceSystem: "system_automation",
            correlationId: context.correlationId, causationId: created.id.lowercased, now: now))
        return profile
    }

    /// Deletes a user's profile and everything they own — campaigns, searches and their results
    /// (the creator index follows), legacy searches, pending e-mails — in the caller's transaction.
    public static func deleteUser(_ db: Database, userId: String, now: Date) throws -> Bool {
        guard let profile = try UserProfile.fetchOne(db, userId: userId) else { return false }
        try UserData.deleteOwnedRows(db, userId: userId, now: now)
        try profile.delete(db)
        return true
    }

    public static func validateUserId(_ userId: String) throws {
        guard !userId.isEmpty, userId.count <= 200, !userId.contains(where: { $0.isWhitespace || $0 == "\u{0}" }) else {
            throw ReachError.invalid(field: "userId", reason: "a user id such as user_2abc: 1 to 200 characters, no spaces")
        }
    }
}
