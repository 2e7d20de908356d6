import Foundation
import GRDB

/// When work next falls due, for a test-mode clock that moves through time in due order: a pending
/// job, an active trial's end, a running search's timeout, a usage month's end.
public enum DueWork {
    public static func next(_ db: Database, after now: Date) throws -> Date? {
        try Date.fetchOne(db, sql: """
            SELECT min(due) FROM (
                SELECT min(scheduled_for) AS due FROM background_jobs WHERE status = 'pending' AND scheduled_for > ?1
                UNION ALL
                SELECT min(trial_end_date) FROM user_profiles WHERE trial_status = 'active' AND trial_end_date > ?1
                UNION ALL
                SELECT min(timeout_at) FROM scraping_jobs WHERE status IN ('pending', 'processing') AND timeout_at > ?1
                UNION ALL
                SELECT min(strftime('%Y-%m-%d %H:%M:%f', usage_reset_date, '+1 month')) FROM user_profiles
                WHERE usage_reset_date IS NOT NULL AND strftime('%Y-%m-%d %H:%M:%f', usage_reset_date, '+1 month') > ?1)
            """, arguments: [now.databaseText])
    }
}
