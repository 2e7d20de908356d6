import Foundation
import GRDB
import ReachStore

/// The follow-up work an event asks for, done by the event processor in the same transaction
/// that marks the event processed.
public enum EventReactions {
    public static func apply(_ db: Database, _ event: Event, now: Date) throws {
        let userId = event.aggregateId
        switch event.eventType {
        case "onboarding_started":
            try Emails.schedule(db, userId: userId, .welcome, at: event.timestamp.addingTimeInterval(10 * 60), now: now)
            try Emails.schedule(db, userId: userId, .abandonment, at: event.timestamp.addingTimeInterval(2 * 3_600), now: now)
        case "onboarding_completed":
            try Emails.cancel(db, userId: userId, .abandonment, now: now)
            let start = try UserProfile.fetchOne(db, userId: userId)?.trialStartDate ?? event.timestamp
            for (email, date) in Emails.afterCompletion(trialStart: start) {
                try Emails.schedule(db, userId: userId, email, at: date, now: now)
            }
        case "trial_started":
            if let end = try UserProfile.fetchOne(db, userId: userId)?.trialEndDate {
                try Emails.schedule(db, userId: userId, .trialExpiry, at: end, now: now)
            }
        case "trial_converted", "trial_cancelled":
            for email in [TrialEmail.trialDay2, .trialDay5, .trialExpiry, .abandonment] {
                try Emails.cancel(db, userId: userId, email, now: now)
            }
        default:
            break
        }
    }
}
