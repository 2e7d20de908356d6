import CryptoExtras
import Crypto
import Foundation
import ReachStore

/// Clerk's public keys, from a JWKS document (RFC 7517): RS256 session tokens are verified against them.
struct ClerkKeys: Sendable {
    private let keys: [String: _RSA.Signing.PublicKey]

    private struct Document: Decodable {
        struct Key: Decodable {
            var kty: String
            var kid: String?
            var n: String?
            var e: String?
        }
        var keys: [Key]
    }

    /// The RSA keys of `jwks`; refused when it holds none Reach can use.
    init(jwks: String) throws {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(jwks.utf8))
        } catch {
            throw ReachError.invalid(field: "clerk-jwks", reason: "not a JWKS document: \(error)")
        }
        var keys: [String: _RSA.Signing.PublicKey] = [:]
        for (index, key) in document.keys.enumerated() where key.kty == "RSA" {
            guard let n = key.n.flatMap(Base64URL.decode), let e = key.e.flatMap(Base64URL.decode) else {
                throw ReachError.invalid(field: "clerk-jwks", reason: "not a JWKS document: RSA key \(index) lacks n or e")
            }
            do {
                keys[key.kid ?? ""] = try _RSA.Signing.PublicKey(n: n, e: e)
            } catch {
                throw ReachError.invalid(field: "clerk-jwks", reason: "not a JWKS document: RSA key \(index) is not a usable key (2,048 bits or more): \(error)")
            }
        }
        guard !keys.isEmpty else { throw ReachError.invalid(field: "clerk-jwks", reason: "not a JWKS document: it holds no RSA key") }
        self.keys = keys
    }

    /// Whether an RS256 token's signature is one of these keys': the key its `kid` names, or the
    /// only key when it names none.
    func isValid(_ token: CompactJWT) -> Bool {
        guard token.header.alg == "RS256" else { return false }
        let key = token.header.kid.flatMap { keys[$0] } ?? (keys.count == 1 && token.header.kid == nil ? keys.values.first : nil)
        guard let key else { return false }
        return key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: token.signature), for: SHA256.hash(data: token.signingInput),
                                    padding: .insecurePKCS1v1_5)
    }
}
