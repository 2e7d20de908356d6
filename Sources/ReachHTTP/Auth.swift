import Crypto
import Foundation
import Hummingbird
import JWTKit
import ReachCore
import ReachStore
import Synchronization

/// The claims Reach reads from a bearer token: a local token's or a Clerk session token's.
struct SessionClaims: JWTPayload {
    var sub: SubjectClaim
    var exp: ExpirationClaim
    var iss: IssuerClaim
    var iat: IssuedAtClaim?
    /// The token's id, by which a local token is revoked (sign-out, `reach token --revoke`).
    var jti: IDClaim?
    var email: String?

    // Expiry and issuer are checked by ``TokenVerifier`` against its clock.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// Issues and verifies bearer tokens.
///
/// - Local tokens (`reach token USER_ID`) are HS256 JWTs with `kid: reach-local`, signed with a
///   per-database secret in `reach_secrets` that is never exported; they expire.
/// - Clerk session tokens are RS256 JWTs verified against a JWKS file, issuer and expiry checked.
public actor TokenVerifier {
    public static let localIssuer = "reach-local"
    static let localKid = JWKIdentifier(string: "reach-local")

    private let local = JWTKeyCollection()
    private let clerk: JWTKeyCollection?
    private let clerkIssuer: String?
    private let clock: any ReachClock

    /// - Parameters:
    ///   - signingKey: the database's local token secret (``localSigningKey(_:)``).
    ///   - clerkJWKS: the JSON of a JWKS file; `clerkIssuer` is then required.
    public init(signingKey: String, clerkJWKS: String? = nil, clerkIssuer: String? = nil, clock: any ReachClock = SystemClock())
        async throws
    {
        await local.add(hmac: HMACKey(from: signingKey), digestAlgorithm: .sha256, kid: Self.localKid)
        if let clerkJWKS {
            guard let clerkIssuer, !clerkIssuer.isEmpty else {
                throw ReachError.invalid(field: "clerk-issuer", reason: "give the issuer Clerk tokens must carry with --clerk-jwks")
            }
            let keys = JWTKeyCollection()
            do {
                try await keys.add(jwksJSON: clerkJWKS)
            } catch {
                throw ReachError.invalid(field: "clerk-jwks", reason: "not a JWKS document: \(error)")
            }
            clerk = keys
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
    public func issue(userId: String, lifetime: TimeInterval = 86_400) async throws -> String {
        let now = clock.now()
        let claims = SessionClaims(
            sub: .init(value: userId), exp: .init(value: now.addingTimeInterval(lifetime)), iss: .init(value: Self.localIssuer),
            iat: .init(value: now), jti: .init(value: UUID().uuidString.lowercased()), email: nil)
        return try await local.sign(claims, kid: Self.localKid)
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
    public func verify(_ token: String) async throws -> (userId: String, email: String?) {
        let verified = try await verifyWithExpiry(token)
        return (verified.userId, verified.email)
    }

    /// The user a token names and when the token expires.
    public func verifyWithExpiry(_ token: String) async throws -> Verified {
        var isLocal = false
        let claims: SessionClaims
        do {
            let header = try DefaultJWTParser().parseHeader(token)
            if header.kid == Self.localKid.string {
                isLocal = true
                claims = try await local.verify(token, as: SessionClaims.self)
                guard claims.iss.value == Self.localIssuer else { throw Problem.unauthorized("token issuer is not Reach") }
            } else if let clerk, let clerkIssuer {
                claims = try await clerk.verify(token, as: SessionClaims.self)
                guard claims.iss.value == clerkIssuer else {
                    throw Problem.unauthorized("token issuer \(claims.iss.value) is not \(clerkIssuer)")
                }
            } else {
                throw Problem.unauthorized("not a token of this server: get one with `reach token USER_ID`")
            }
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem.unauthorized("invalid bearer token: get a new one with `reach token USER_ID`")
        }
        guard claims.exp.value > clock.now() else { throw Problem.unauthorized("the token expired: get a new one") }
        return Verified(
            userId: claims.sub.value, email: claims.email, expires: claims.exp.value,
            tokenId: isLocal ? claims.jti?.value : nil, issuedAt: claims.iat?.value, isLocal: isLocal)
    }

    var now: Date { clock.now() }
}

extension DefaultJWTParser {
    func parseHeader(_ token: String) throws -> JWTHeader {
        let parts = try getTokenParts([UInt8](token.utf8))
        return try parseHeader(parts.header)
    }

    private func parseHeader(_ encoded: ArraySlice<UInt8>) throws -> JWTHeader {
        guard let data = Data(base64Encoded: Self.padded(String(decoding: encoded, as: UTF8.self))) else {
            throw JWTError.malformedToken(reason: "header is not base64url")
        }
        return try JSONDecoder().decode(JWTHeader.self, from: data)
    }

    private static func padded(_ base64url: String) -> String {
        var text = base64url.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        return text
    }
}

/// Turns a token into the identity of a request: the user, and admin rights from `is_admin` or an
/// e-mail listed in `REACH_ADMIN_EMAILS`.
public struct Authenticator: Sendable {
    let verifier: TokenVerifier
    let database: ReachDatabase
    let adminEmails: Set<String>
    /// Identities of recent tokens, kept a few seconds: most requests then skip the signature
    /// check and the profile read. An admin right granted or taken applies within that time.
    let recent = IdentityCache()

    /// The name of the dashboard's session cookie, which holds the same kind of token.
    static let sessionCookie = "reach_session"

    func identity(token: String) async throws -> Identity {
        let token = token.trimmingCharacters(in: .whitespaces)
        let now = await verifier.now
        if let known = recent.identity(for: token, at: now) { return known }
        let verified = try await verifier.verifyWithExpiry(token)
        let (profile, revoked) = try await database.reader.read { db in
            let profile = try UserProfile.fetchOne(db, userId: verified.userId)
            let revoked = try verified.isLocal && TokenRevocations.isRevoked(
                db, tokenId: verified.tokenId, userId: verified.userId, issuedAt: verified.issuedAt)
            return (profile, revoked)
        }
        guard !revoked else { throw Problem.unauthorized("the token was revoked (signed out): get a new one") }
        let email = (profile?.email ?? verified.email)?.lowercased()
        let isAdmin = profile?.isAdmin == true || (email.map(adminEmails.contains) ?? false)
        let identity = Identity(userId: verified.userId, email: email, isAdmin: isAdmin)
        recent.remember(identity, for: token, until: min(verified.expires, now.addingTimeInterval(IdentityCache.lifetime)))
        return identity
    }

    /// Signs a token out: revoked in the file until it would expire, forgotten at once here.
    func revoke(token: String) async throws {
        recent.forget(token)
        guard let verified = try? await verifier.verifyWithExpiry(token), verified.isLocal, let tokenId = verified.tokenId else {
            return
        }
        try await database.writer.write { db in
            try TokenRevocations.revoke(db, tokenId: tokenId, expiresAt: verified.expires)
        }
    }
}

/// Verified tokens and their identities, for a few seconds.
final class IdentityCache: Sendable {
    static let lifetime: TimeInterval = 5
    private static let capacity = 10_000
    private let entries = Mutex<[String: (identity: Identity, until: Date)]>([:])

    func identity(for token: String, at now: Date) -> Identity? {
        entries.withLock { entries in
            guard let entry = entries[token], entry.until > now else { return nil }
            return entry.identity
        }
    }

    func forget(_ token: String) {
        _ = entries.withLock { $0.removeValue(forKey: token) }
    }

    func remember(_ identity: Identity, for token: String, until: Date) {
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[token] = (identity, until)
        }
    }
}

/// Authenticates `Authorization: Bearer` on the routes it guards. Safe requests (GET, HEAD) may
/// instead carry the dashboard's session cookie, so that its pages can stream progress and search
/// as you type; the cookie never authorizes a change, so it needs no CSRF defence here.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let authenticator: Authenticator

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let token: String
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty else {
                throw Problem.unauthorized("the Authorization header must be `Bearer <token>`")
            }
            token = String(parts[1])
        } else if request.method == .get || request.method == .head,
            let cookie = request.cookies[Authenticator.sessionCookie]?.value, !cookie.isEmpty
        {
            token = cookie
        } else {
            throw Problem.unauthorized("send Authorization: Bearer <token> (get one with `reach token USER_ID`)")
        }
        var context = context
        context.identity = try await authenticator.identity(token: token)
        context.logger[metadataKey: "user_id"] = .string(context.identity!.userId)
        return try await next(request, context)
    }
}

/// Admin routes: 403 unless the user is an admin.
struct AdminMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard try context.user().isAdmin else { throw Problem.forbidden("admin only: needs is_admin or an address in REACH_ADMIN_EMAILS") }
        return try await next(request, context)
    }
}
