import Foundation
import GRDB
import ReachStore

/// Bearer tokens: local ones issued here, Clerk's verified against its keys; each turned into the
/// identity of a request, with admin rights from `is_admin` or an address in `REACH_ADMIN_EMAILS`.
public struct Tokens: Sendable {
    let context: AppContext
    let verifier: TokenVerifier
    let adminEmails: Set<String>
    /// User ids with admin rights whatever their profile, in local tokens only (the test kit's `reach_admin`).
    let adminUserIds: Set<String>
    let recent = IdentityCache()


    public init(_ context: AppContext, verifier: TokenVerifier, adminEmails: Set<String>, adminUserIds: Set<String> = []) {
        self.context = context
        self.verifier = verifier
        self.adminEmails = adminEmails
        self.adminUserIds = adminUserIds
    }

    /// Local tokens only, signed with the file's own key: the command line's.
    public static func local(_ context: AppContext) async throws -> Tokens {
        let verifier = try TokenVerifier(signingKey: try TokenVerifier.localSigningKey(context.database), clock: context.clock)
        return Tokens(context, verifier: verifier, adminEmails: [])
    }

    /// A local token for `userId`, valid for `lifetime` seconds.
    public func issue(userId: String, lifetime: TimeInterval = 86_400) async throws -> String {
        try verifier.issue(userId: userId, lifetime: lifetime)
    }

    /// A test kit's token: it expires after the last time the test clock can reach
    /// (``TestKitInput/latestClock``), so no move of the clock ends it while its file lives.
    public func issueForTestKit(userId: String) async throws -> String {
        try verifier.issue(userId: userId, expires: Date.latestStored)
    }

    /// Who a token names, or why it is refused (401): expired, of another server, or revoked.
    public func identity(_ token: String) async throws -> Identity {
        let token = token.trimmingCharacters(in: .whitespaces)
        let now = context.clock.now()
        if let known = recent.identity(for: token, at: now) { return known }
        let verified = try verifier.verifyWithExpiry(token)
        let (profile, revoked) = try await context.read { db in
            let profile = try UserProfile.fetchOne(db, userId: verified.userId)
            let revoked = try verified.isLocal && TokenRevocations.isRevoked(
                db, tokenId: verified.tokenId, userId: verified.userId, issuedAt: verified.issuedAt)
            return (profile, revoked)
        }
        guard !revoked else { throw ReachError.unauthorized("the token was revoked (signed out): get a new one") }
        let email = (profile?.email ?? verified.email)?.lowercased()
        let isAdmin = profile?.isAdmin == true || (email.map(adminEmails.contains) ?? false) || (verified.isLocal && adminUserIds.contains(verified.userId))
        let identity = Identity(userId: verified.userId, email: email, isAdmin: isAdmin, name: profile?.fullName ?? profile?.name)
        recent.remember(identity, for: token, until: min(verified.expires, now.addingTimeInterval(IdentityCache.lifetime)))
        return identity
    }

    /// Signs a token out: revoked in the file until it would expire, forgotten at once here.
    /// A token that is not a local one (or not valid) has nothing to revoke.
    public func signOut(_ token: String) async throws {
        recent.forget(token)
        guard let verified = try? verifier.verifyWithExpiry(token), verified.isLocal, let tokenId = verified.tokenId else {
            return
        }
        try await context.write { db in try TokenRevocations.revoke(db, tokenId: tokenId, expiresAt: verified.expires) }
    }

    /// Revokes one local token (`reach token --revoke`); returns what it was.
    public func revoke(_ token: String) async throws -> TokenVerifier.Verified {
        let verified = try verifier.verifyWithExpiry(token)
        guard verified.isLocal, let tokenId = verified.tokenId else {
            throw ReachError.invalid(field: "revoke", reason: "not a local token with an id: revoke its user's tokens with USER_ID --revoke-all")
        }
        try await context.write { db in try TokenRevocations.revoke(db, tokenId: tokenId, expiresAt: verified.expires) }
        return verified
    }

    /// Revokes every token of `userId` issued until now; returns that instant.
    public func revokeAll(userId: String) async throws -> Date {
        let now = context.now()
        try await context.write { db in try TokenRevocations.revokeAll(db, userId: userId, issuedBefore: now) }
        return now
    }
}
