import Foundation
import Hummingbird
import HummingbirdCore
import Synchronization

/// How many connections the listener holds, against the open-file limit.
///
/// A connection accepted past `refuseAbove` is answered at once by ``RequestGate`` (a 503 that
/// says why, or `/healthz`, so that a supervisor sees the server alive) and closed; at
/// `stopAcceptingAt`, near the descriptor limit, the listener stops accepting and new connections
/// wait in the kernel's backlog: the process never runs out of descriptors, which took
/// libdispatch down with it. Idle keep-alive connections and requests whose head does not arrive
/// close after ``ServerConfiguration/idleTimeout``.
public final class ConnectionLimit: Sendable {
    public let refuseAbove: Int
    public let stopAcceptingAt: Int
    private let open = Atomic<Int>(0)

    /// For a process allowed `openFiles` descriptors: at most `maximum` connections served, 256
    /// descriptors kept for the database, logs and the refused connections' short lives, and 64
    /// never used by the listener.
    public init(openFiles: Int, maximum: Int = 10_000) {
        refuseAbove = max(16, min(maximum, openFiles - 256))
        stopAcceptingAt = max(refuseAbove + 16, openFiles - 64)
    }

    public var current: Int { open.load(ordering: .relaxed) }

    /// Whether a connection accepted now is one too many.
    var isOverLimit: Bool { current > refuseAbove }

    /// Counts the listener's connections for Hummingbird (`availableConnectionsDelegate`).
    public var delegate: some AvailableConnectionsDelegate { Counter(limit: self) }

    struct Counter: AvailableConnectionsDelegate {
        let limit: ConnectionLimit
        mutating func connectionOpened() { limit.open.add(1, ordering: .relaxed) }
        mutating func connectionClosed() { limit.open.subtract(1, ordering: .relaxed) }
        func isAcceptingNewConnections() -> Bool { limit.current < limit.stopAcceptingAt }
    }
}
