import Foundation
import Synchronization

/// Verified tokens and their identities, for a few seconds: most requests then skip the signature
/// check and the profile read. An admin right granted or taken, or a revocation made by another
/// process, applies within that time.
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
