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
