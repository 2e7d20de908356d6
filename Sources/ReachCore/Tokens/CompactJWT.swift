import Foundation
import ReachStore

/// A JSON Web Token in its compact form, `header.payload.signature` (RFC 7519), split and decoded:
/// what a signature is checked over, and the claims once it holds.
struct CompactJWT {
    struct Header: Codable {
        var alg: String
        var kid: String?
        var typ: String?
    }

    var header: Header
    /// `header.payload`, the bytes the signature covers.
    var signingInput: Data
    var signature: Data
    private var payload: Data

    /// The parts of `token`, or nil when it is not three base64url parts with a JSON header.
    init?(_ token: String) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Base64URL.decode(parts[0]), let payload = Base64URL.decode(parts[1]),
            let signature = Base64URL.decode(parts[2]),
            let header = try? JSONDecoder().decode(Header.self, from: headerBytes)
        else { return nil }
        self.header = header
        self.payload = payload
        self.signature = signature
        signingInput = Data("\(parts[0]).\(parts[1])".utf8)
    }

    /// The claims, read only once the signature was checked; nil when they are not Reach's (no
    /// subject, expiry or issuer).
    func claims() -> SessionClaims? {
        try? JSONDecoder().decode(SessionClaims.self, from: payload)
    }

    /// A signed token: `header.payload` signed by `sign`.
    static func encode(header: Header, claims: SessionClaims, sign: (Data) -> Data) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let input = Base64URL.encode(try encoder.encode(header)) + "." + Base64URL.encode(try encoder.encode(claims))
        return input + "." + Base64URL.encode(sign(Data(input.utf8)))
    }
}
