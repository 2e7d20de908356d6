import Crypto
import Foundation
import ReachStore

/// Issues and verifies bearer tokens.
///
/// - Local tokens (`reach token USER_ID`) are HS256 JWTs with `kid: reach-local`, signed with a
///   per-database secret in `reach_secrets` that is never exported; they expire.
/// - Clerk session tokens are RS256 JWTs verified against a JWKS file, issuer and expiry checked.
public final class TokenVerifier: Sendable {
    public static let localIssuer = "reach-local"
    static let localKid = "reach-local"

    private let local: SymmetricKey
    private let clerk: ClerkKeys?
    private let clerkIssuer: String?
    private let clock: any ReachClock

    /// - Parameters:
    ///   - signingKey: the database's local token secret (``localSigningKey(_:)``).
    ///   - clerkJWKS: the JSON of a JWKS file; `clerkIssuer` is then required.
    public init(signingKey: String, clerkJWKS: String? = nil, clerkIssuer: String? = nil, clock: any ReachClock = SystemClock()) throws {
        local = SymmetricKey(data: Data(signingKey.utf8))
        if let clerkJWKS {
            guard let clerkIssuer, !clerkIssuer.isEmpty else {
                throw ReachError.invalid(field: "clerk-issuer", reason: "give the issuer Clerk tokens must carry with --clerk-jwks")
            }
            clerk = try ClerkKeys(jwks: clerkJWKS)
            self.clerkIssuer = clerkIssuer
        } else {
            clerk = nil
            self.clerkIssuer = nil
        }
        self.clock = clock
    }

    /// The database's local token secret, created on first use.
    public static func localSigningKey(_ database: ReachDatabase) throws -> String {
        let key = try database.writer.write { db in try Secrets.fetchOrCreate(db, name: "token_signing_key", make: Secrets.random) }
        guard key.utf8.count >= 16 else {
            throw ReachError.invalid(field: "token_signing_key", reason: "the file's token-signing key is empty or short: it was changed around Reach; restore the file from a backup")
        }
        return key
    }

    /// A local token for `userId`, valid for `lifetime`.
    public func issue(userId: String, lifetime: TimeInterval = 86_400) throws -> String {
        try issue(userId: userId, expires: clock.now().addingTimeInterval(lifetime))
    }

    /// A local token for `userId` that expires at `expires`.
    public func issue(userId: String, expires: Date) throws -> String {
        let claims = SessionClaims(
            sub: userId, exp: min(expires, Date.latestStored), iss: Self.localIssuer, iat: clock.now(),
            jti: UUID().uuidString.lowercased(), email: nil)
        return try CompactJWT.encode(header: .init(alg: "HS256", kid: Self.localKid, typ: "JWT"), claims: claims) { input in
            Data(HMAC<SHA256>.authenticationCode(for: input, using: local))
        }
    }

    /// What a verified token says.
    public struct Verified: Sendable {
        public var userId: String
        public var email: String?
        public var expires: Date
        /// A local token's id and issue time, by which it can be revoked; `nil` for Clerk's.
        public var tokenId: String?
        public var issuedAt: Date?
        public var isLocal: Bool
    }

    /// The user a token names, or why it is refused.
    public func verify(_ token: String) throws -> (userId: String, email: String?) {
        let verified = try verifyWithExpiry(token)
        return (verified.userId, verified.email)
    }

    /// The user a token names and when the token expires.
    public func verifyWithExpiry(_ token: String) throws -> Verified {
        guard let jwt = CompactJWT(token) else {
            throw ReachError.unauthorized("invalid bearer token: get a new one with `reach token USER_ID`")
        }
        let isLocal = jwt.header.kid == Self.localKid
        let issuer: String
        if isLocal {
            guard jwt.header.alg == "HS256",
                HMAC<SHA256>.isValidAuthenticationCode(jwt.signature, authenticating: jwt.signingInput, using: local)
            else { throw ReachError.unauthorized("invalid bearer token: get a new one with `reach token USER_ID`") }
            issuer = Self.localIssuer
        } else if let clerk, let clerkIssuer {
            guard clerk.isValid(jwt) else { throw ReachError.unauthorized("invalid bearer token: get a new one with `reach token USER_ID`") }
            issuer = clerkIssuer
        } else {
            throw ReachError.unauthorized("not a token of this server: get one with `reach token USER_ID`")
        }
        guard let claims = jwt.claims() else { throw ReachError.unauthorized("invalid bearer token: get a new one with `reach token USER_ID`") }
        guard claims.iss == issuer else {
            throw ReachError.unauthorized(isLocal ? "token issuer is not Reach" : "token issuer \(claims.iss) is not \(issuer)")
        }
        guard claims.exp.isFinite, claims.expires > clock.now() else { throw ReachError.unauthorized("the token expired: get a new one") }
        return Verified(
            userId: claims.sub, email: claims.email, expires: claims.expires,
            tokenId: isLocal ? claims.jti : nil, issuedAt: claims.issuedAt, isLocal: isLocal)
    }

    var now: Date { clock.now() }
}
