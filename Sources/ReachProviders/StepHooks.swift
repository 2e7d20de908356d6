import Foundation

/// What a step may ask of the search it runs for, besides provider calls.
public struct StepHooks: Sendable {
    /// Records the search's progress, 0 to 99 (similar searches report their phases).
    public var progress: @Sendable (Double) async -> Void
    /// Whether the search still runs: a cancelled one makes no more calls.
    public var isRunning: @Sendable () async -> Bool

    public init(progress: @escaping @Sendable (Double) async -> Void = { _ in },
                isRunning: @escaping @Sendable () async -> Bool = { true }) {
        self.progress = progress
        self.isRunning = isRunning
    }

    /// Throws ``SearchStopped`` when the search no longer runs.
    func checkRunning() async throws {
        guard await isRunning() else { throw SearchStopped() }
    }
}
