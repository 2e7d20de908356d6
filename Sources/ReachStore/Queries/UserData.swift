import Foundation
import GRDB

/// Rows a user owns, for deleting an account.
public enum UserData {
    /// Deletes a user's campaigns, searches, results and legacy searches, and cancels their
    /// pending background jobs. (Named arguments: GRDB binds them in each of the statements.)
    public static func deleteOwnedRows(_ db: Database, userId: String, now: Date) throws {
        try db.execute(sql: """
            DELETE FROM scraping_results WHERE job_id IN (SELECT id FROM scraping_jobs WHERE user_id = :userId);
            DELETE FROM scraping_jobs WHERE user_id = :userId;
            DELETE FROM search_results WHERE job_id IN (
                SELECT id FROM search_jobs WHERE campaign_id IN (SELECT id FROM campaigns WHERE user_id = :userId));
            DELETE FROM search_jobs WHERE campaign_id IN (SELECT id FROM campaigns WHERE user_id = :userId);
            DELETE FROM campaigns WHERE user_id = :userId;
            UPDATE background_jobs SET status = 'cancelled', updated_at = :now
            WHERE status = 'pending' AND payload ->> '$.userId' = :userId;
            """, arguments: ["userId": userId, "now": now.databaseText])
    }
}
