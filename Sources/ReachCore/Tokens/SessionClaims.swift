import Foundation

/// The claims Reach reads from a bearer token: a local token's or a Clerk session token's. Times
/// are seconds since 1970, as JWT writes them (whole or with a fraction).
package struct SessionClaims: Codable, Sendable, Equatable {
    package var sub: String
    package var exp: Double
    package var iss: String
    package var iat: Double?
    /// The token's id, by which a local token is revoked (sign-out, `reach token --revoke`).
    package var jti: String?
    package var email: String?

    package init(sub: String, exp: Date, iss: String, iat: Date?, jti: String? = nil, email: String?) {
        self.sub = sub
        self.exp = exp.timeIntervalSince1970
        self.iss = iss
        self.iat = iat?.timeIntervalSince1970
        self.jti = jti
        self.email = email
    }

    var expires: Date { Date(timeIntervalSince1970: exp) }
    var issuedAt: Date? { iat.map { Date(timeIntervalSince1970: $0) } }
}
