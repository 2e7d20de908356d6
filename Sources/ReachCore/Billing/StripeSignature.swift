import Crypto
import Foundation
import GRDB
import ReachStore

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
