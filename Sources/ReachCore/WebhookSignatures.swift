import Crypto
import Foundation
import GRDB
import ReachStore

/// Why a webhook's signature was refused.
public struct SignatureError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// Stripe's scheme: `Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "t.body">[,v1=…]`.
public struct StripeSignature: Sendable {
    public static let tolerance: TimeInterval = 300
    public let secret: String

    public init(secret: String) {
        self.secret = secret
    }

    /// Checks the header against the raw body; several `v1` signatures are accepted (secret rotation).
    public func verify(header: String?, body: [UInt8], now: Date) throws {
        guard !secret.isEmpty else { throw SignatureError(description: "no Stripe endpoint secret is configured") }
        guard let header, !header.isEmpty else { throw SignatureError(description: "missing Stripe-Signature header") }
        var timestamp: Int?
        var signatures: [String] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            switch pair[0] {
            case "t": timestamp = Int(pair[1])
            case "v1": signatures.append(pair[1].lowercased())
            default: continue
            }
        }
        guard let timestamp else { throw SignatureError(description: "Stripe-Signature has no t= timestamp") }
        guard !signatures.isEmpty else { throw SignatureError(description: "Stripe-Signature has no v1= signature") }
        let age = now.timeIntervalSince1970 - Double(timestamp)
        guard abs(age) <= Self.tolerance else {
            throw SignatureError(description: "Stripe-Signature timestamp is \(Self.seconds(age)) from now, outside the 5-minute tolerance")
        }
        let expected = sign(timestamp: timestamp, body: body)
        guard signatures.contains(where: { constantTimeEqual($0, expected) }) else {
            throw SignatureError(description: "no v1 signature matches the body and the endpoint secret")
        }
    }

    /// `-86400.0` → `86400 s in the past`: in words, without converting an outside number to an integer.
    static func seconds(_ age: Double) -> String {
        let magnitude = abs(age) < 1e12 ? "\(Int64(abs(age))) s" : "more than 30,000 years"
        return age >= 0 ? magnitude + " in the past" : magnitude + " in the future"
    }

    /// The hex signature of `body` at `timestamp`.
    public func sign(timestamp: Int, body: [UInt8]) -> String {
        var message = Array("\(timestamp).".utf8)
        message += body
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Array(secret.utf8)))
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    /// A complete header for `body`.
    public func header(body: [UInt8], at date: Date) -> String {
        let timestamp = Int(date.timeIntervalSince1970)
        return "t=\(timestamp),v1=\(sign(timestamp: timestamp, body: body))"
    }
}

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

private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let left = Array(a.utf8), right = Array(b.utf8)
    guard left.count == right.count else { return false }
    var difference: UInt8 = 0
    for index in left.indices { difference |= left[index] ^ right[index] }
    return difference == 0
}

/// The webhook secrets: from the environment when set, else kept per file in `reach_secrets`, so
/// that `reach stripe|clerk trigger` and a server on the same file agree.
public enum WebhookSecrets {
    /// The Stripe endpoint secret: `STRIPE_WEBHOOK_SECRET`, else the file's own. An empty one
    /// is refused, wherever it comes from: an event signed with an empty key proves nothing.
    public static func stripe(_ database: ReachDatabase, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let secret = try chosen("STRIPE_WEBHOOK_SECRET", environment: environment) ?? database.writer.write { db in
            try Secrets.fetchOrCreate(db, name: "stripe_webhook_secret") { "whsec_" + Secrets.random() }
        }
        return try checkStripe(secret, source: environment["STRIPE_WEBHOOK_SECRET"] == nil ? "the file's stripe_webhook_secret" : "STRIPE_WEBHOOK_SECRET")
    }

    /// The Clerk (Svix) signing secret, `whsec_<base64>`: `CLERK_WEBHOOK_SECRET`, else the file's own.
    public static func clerk(_ database: ReachDatabase, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let secret = try chosen("CLERK_WEBHOOK_SECRET", environment: environment) ?? database.writer.write { db in
            try Secrets.fetchOrCreate(db, name: "clerk_webhook_secret") { "whsec_" + Secrets.random() }
        }
        guard SvixSignature(secret: secret).key != nil else {
            let source = environment["CLERK_WEBHOOK_SECRET"] == nil ? "the file's clerk_webhook_secret" : "CLERK_WEBHOOK_SECRET"
            throw ReachError.invalid(field: source, reason: "must be whsec_ followed by a non-empty base64 key")
        }
        return secret
    }

    /// A Stripe secret as given (`--stripe-webhook-secret`), refused when empty or blank.
    public static func checkStripe(_ secret: String, source: String) throws -> String {
        guard !secret.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ReachError.invalid(field: source, reason: "is empty: give the endpoint secret Stripe shows (whsec_…), or leave it unset to use this file's own")
        }
        return secret
    }

    /// The environment's value of `name`; set but empty is refused, not taken as unset.
    static func chosen(_ name: String, environment: [String: String]) throws -> String? {
        guard let value = environment[name] else { return nil }
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ReachError.invalid(field: name, reason: "is set but empty: give the secret, or unset it to use this file's own")
        }
        return value
    }
}
