import Foundation
import GRDB

/// When work next falls due, for a test-mode clock that moves through time in due order: a pending
/// job, an active trial's end, a running search's timeout. A usage month's end is not among them:
/// the monthly reset catches up whole months at once wherever it runs, so a move of ten years
/// runs it once, not once a month for every user.
public enum DueWork {
    public static func next(_ db: Database, after now: Date) throws -> Date? {
        try Date.fetchStored(db.makeStatement(sql: """
            SELECT min(due) FROM (
                SELECT min(scheduled_for) AS due FROM background_jobs WHERE status = 'pending' AND scheduled_for > ?1
                UNION ALL
                SELECT min(trial_end_date) FROM user_profiles WHERE trial_status = 'active' AND trial_end_date > ?1
                UNION ALL
                SELECT min(timeout_at) FROM scraping_jobs WHERE status IN ('pending', 'processing') AND timeout_at > ?1)
            """), arguments: [now.databaseText])
    }
}
