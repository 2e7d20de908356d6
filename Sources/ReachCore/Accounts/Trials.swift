import Foundation
import GRDB
import ReachStore

/// The platform's 7-day trial: start, expire, cancel, convert.
public enum Trials {
    public static let length: TimeInterval = 7 * 86_400

    /// Starts a 7-day trial on `profile` at `now`.
    public static func start(_ profile: inout UserProfile, now: Date) {
        profile.trialStartDate = now
        profile.trialEndDate = now.addingTimeInterval(length)
        profile.trialStatus = .active
        profile.updatedAt = now
    }

    /// Expires up to `limit` of the active trials whose end has passed: trial expired,
    /// subscription canceled, a `trial_expired` event each. Returns the users expired; fewer than
    /// `limit` means none is left. A page at a time keeps each transaction short and its memory
    /// small when many trials fall due at once (a file opened after a long pause).
    @discardableResult
    public static func expireDue(_ db: Database, now: Date, limit: Int = 500) throws -> [String] {
        var expired: [String] = []
        // A profile that cannot be read (written around Reach) is left for `reach doctor` to show;
        // the others expire all the same.
        for original in try UserProfile.fetchExpiringTrials(db, endingBy: now, limit: limit).records {
            var profile = original
            profile.trialStatus = .expired
            if profile.subscriptionStatus == .trialing || profile.subscriptionStatus == SubscriptionStatus.none {
                profile.subscriptionStatus = .canceled
                profile.subscriptionCancelDate = now
                try Plans.apply(db, plan: .free, to: &profile)
            }
            profile.updatedAt = now
            try profile.updateChanges(db, from: original)  // only the changed columns' indexes are written
            try Event.append(db, Event(
                aggregateId: profile.userId, aggregateType: "trial", eventType: "trial_expired",
                eventData: ["userId": .string(profile.userId),
                            "trialEndDate": .string(WireFormat.timestamp(profile.trialEndDate ?? now))],
                idempotencyKey: "system_automation_\(profile.userId)_trial_expired", sourceSystem: "system_automation",
                processingStatus: .pending, now: now))
            expired.append(profile.userId)
        }
        return expired
    }

    /// The trial countdown of `GET /api/billing/status`.
    public struct Countdown: Codable, Sendable, Hashable {
        public var daysRemaining: Int
        public var hoursRemaining: Int
        public var minutesRemaining: Int
        public var progressPercentage: Int
        public var isExpired: Bool
    }

    public static func countdown(_ profile: UserProfile, now: Date) -> Countdown? {
        guard let start = profile.trialStartDate, let end = profile.trialEndDate else { return nil }
        let remaining = max(0, end.timeIntervalSince(now))
        let total = max(1, end.timeIntervalSince(start))
        let elapsed = min(total, max(0, now.timeIntervalSince(start)))
        let minutes = Int(remaining / 60)
        return Countdown(
            daysRemaining: minutes / 1_440, hoursRemaining: minutes / 60 % 24, minutesRemaining: minutes % 60,
            progressPercentage: Int((elapsed / total * 100).rounded()), isExpired: remaining <= 0)
    }
}
