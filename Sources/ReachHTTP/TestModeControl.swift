import Foundation
import ReachCore

/// What the test-mode routes (`/_reach/…`) need beyond the application's services: the clock and
/// the scheduler, which the composition root (ReachTesting) owns.
public protocol TestModeControl: Sendable {
    /// The server's time.
    func now() -> Date
    /// Moves the clock to `date` (never back), running every piece of work due on the way, in due
    /// order; a graceful shutdown stops it where the work reached.
    func moveClock(to date: Date) async throws -> ClockMove
    /// Runs the queue until nothing is due now.
    func runDueWork() async throws -> (ran: Int, pending: Int)
    /// Saves the whole database and the clock under `name`; the time it took.
    func snapshot(_ name: String) async throws -> Duration
    /// Puts back the database and clock saved under `name`.
    func restore(_ name: String) async throws -> Duration
    func deleteSnapshot(_ name: String) async throws
    /// An empty database (plans and configuration defaults), the clock at real time.
    func reset() async throws -> Duration
}
