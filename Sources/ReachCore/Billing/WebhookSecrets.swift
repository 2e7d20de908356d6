import Crypto
import Foundation
import GRDB
import ReachStore

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
