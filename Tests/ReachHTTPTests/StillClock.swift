import Foundation
import ReachCore
import ReachHTTP

/// Test-mode control that does nothing: enough to register the `/_reach` routes.
struct StillClock: TestModeControl {
    func now() -> Date { Date(timeIntervalSince1970: 0) }
    func moveClock(to date: Date) async throws -> ClockMove { ClockMove(now: date) }
    func runDueWork() async throws -> (ran: Int, pending: Int) { (0, 0) }
    func snapshot(_ name: String) async throws -> Duration { .zero }
    func restore(_ name: String) async throws -> Duration { .zero }
    func deleteSnapshot(_ name: String) async throws {}
    func reset() async throws -> Duration { .zero }
}
