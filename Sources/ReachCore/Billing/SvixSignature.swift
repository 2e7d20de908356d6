import Crypto
import Foundation
import GRDB
import ReachStore

/// Svix's scheme, as Clerk sends it: `svix-id`, `svix-timestamp`, and
/// `svix-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">` with the base64 key after `whsec_`.
public struct SvixSignature: Sendable {
    public static let tolerance: TimeInterval = 300
    public let secret: String

    public init(secret: String) {
        self.secret = secret
    }

    /// The signing key, the base64 after `whsec_`; `nil` when it is not base64 or is empty.
    var key: SymmetricKey? {
        let base64 = secret.hasPrefix("whsec_") ? String(secret.dropFirst(6)) : secret
        guard let bytes = Data(base64Encoded: base64), !bytes.isEmpty else { return nil }
        return SymmetricKey(data: bytes)
    }

    public func verify(id: String?, timestamp: String?, signature: String?, body: [UInt8], now: Date) throws {
        guard let id, !id.isEmpty, let timestamp, let signature, !signature.isEmpty else {
            throw SignatureError(description: "missing svix-id, svix-timestamp or svix-signature header")
        }
        guard let seconds = Int(timestamp) else { throw SignatureError(description: "svix-timestamp is not a unix time") }
        let age = now.timeIntervalSince1970 - Double(seconds)
        guard abs(age) <= Self.tolerance else {
            throw SignatureError(description: "svix-timestamp is \(StripeSignature.seconds(age)) from now, outside the 5-minute tolerance")
        }
        guard let expected = sign(id: id, timestamp: seconds, body: body) else {
            throw SignatureError(description: "the Clerk webhook secret is not whsec_<base64>")
        }
        let candidates = signature.split(separator: " ").compactMap { entry -> String? in
            let parts = entry.split(separator: ",", maxSplits: 1)
            return parts.count == 2 && parts[0] == "v1" ? String(parts[1]) : nil
        }
        guard candidates.contains(where: { constantTimeEqual($0, expected) }) else {
            throw SignatureError(description: "no v1 signature matches the body and the signing secret")
        }
    }

    public func sign(id: String, timestamp: Int, body: [UInt8]) -> String? {
        guard let key else { return nil }
        var message = Array("\(id).\(timestamp).".utf8)
        message += body
        return Data(HMAC<SHA256>.authenticationCode(for: message, using: key)).base64EncodedString()
    }
}
