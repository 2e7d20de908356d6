import JWTKit

/// The claims Reach reads from a bearer token: a local token's or a Clerk session token's.
package struct SessionClaims: JWTPayload {
    package var sub: SubjectClaim
    package var exp: ExpirationClaim
    package var iss: IssuerClaim
    package var iat: IssuedAtClaim?
    /// The token's id, by which a local token is revoked (sign-out, `reach token --revoke`).
    package var jti: IDClaim?
    package var email: String?

    // Expiry and issuer are checked by ``TokenVerifier`` against its clock.
    package func verify(using algorithm: some JWTAlgorithm) async throws {}

    package init(sub: SubjectClaim, exp: ExpirationClaim, iss: IssuerClaim, iat: IssuedAtClaim?, jti: IDClaim? = nil, email: String?) {
        self.sub = sub
        self.exp = exp
        self.iss = iss
        self.iat = iat
        self.jti = jti
        self.email = email
    }
}
