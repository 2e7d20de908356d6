import Foundation
import JWTKit
import ReachStore

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
        try await issue(userId: userId, expires: clock.now().addingTimeInterval(lifetime))
    }

    /// A local token for `userId` that expires at `expires`.
    public func issue(userId: String, expires: Date) async throws -> String {
        let now = clock.now()
        let claims = SessionClaims(
            sub: .init(value: userId), exp: .init(value: min(expires, Date.latestStored)), iss: .init(value: Self.localIssuer),
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
                guard claims.iss.value == Self.localIssuer else { throw ReachError.unauthorized("token issuer is not Reach") }
            } else if let clerk, let clerkIssuer {
                claims = try await clerk.verify(token, as: SessionClaims.self)
                guard claims.iss.value == clerkIssuer else {
                    throw ReachError.unauthorized("token issuer \(claims.iss.value) is not \(clerkIssuer)")
                }
            } else {
                throw ReachError.unauthorized("not a token of this server: get one with `reach token USER_ID`")
            }
        } catch let error as ReachError {
            throw error
        } catch {
            throw ReachError.unauthorized("invalid bearer token: get a new one with `reach token USER_ID`")
        }
        guard claims.exp.value > clock.now() else { throw ReachError.unauthorized("the token expired: get a new one") }
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
        guard let data = Base64URL.decode(String(decoding: encoded, as: UTF8.self)) else {
            throw JWTError.malformedToken(reason: "header is not base64url")
        }
        return try JSONDecoder().decode(JWTHeader.self, from: data)
    }
}
