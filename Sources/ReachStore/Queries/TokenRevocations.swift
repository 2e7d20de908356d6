import Foundation
import GRDB

/// Local tokens revoked before they expire (`reach_revoked_tokens`, `reach_token_cutoffs`).
public enum TokenRevocations {
    /// Revokes one token until it would have expired.
    public static func revoke(_ db: Database, tokenId: String, expiresAt: Date) throws {
        try db.execute(sql: """
            INSERT INTO reach_revoked_tokens (token_id, expires_at) VALUES (?, ?)
            ON CONFLICT (token_id) DO NOTHING
            """, arguments: [tokenId, expiresAt.databaseText])
    }

    /// Revokes every token of `userId` issued before `date`.
    public static func revokeAll(_ db: Database, userId: String, issuedBefore date: Date) throws {
        try db.execute(sql: """
            INSERT INTO reach_token_cutoffs (user_id, issued_before) VALUES (?1, ?2)
            ON CONFLICT (user_id) DO UPDATE SET issued_before = max(issued_before, ?2)
            """, arguments: [userId, date.databaseText])
    }

    /// Whether a token with this id, of `userId`, issued at `issuedAt`, was revoked.
    public static func isRevoked(_ db: Database, tokenId: String?, userId: String, issuedAt: Date?) throws -> Bool {
        if let tokenId,
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM reach_revoked_tokens WHERE token_id = ?)"),
                              arguments: [tokenId]) == true
        {
            return true
        }
        guard let cutoff = try String.fetchOne(
            db.cachedStatement(sql: "SELECT issued_before FROM reach_token_cutoffs WHERE user_id = ?"), arguments: [userId])
        else { return false }
        // A token without an issue time predates the cutoff.
        return issuedAt.map { $0.databaseText < cutoff } ?? true
    }

    /// Forgets revocations of tokens that have expired anyway.
    public static func deleteExpired(_ db: Database, now: Date) throws -> Int {
        try db.execute(sql: "DELETE FROM reach_revoked_tokens WHERE expires_at < ?", arguments: [now.databaseText])
        return db.changesCount
    }
}
