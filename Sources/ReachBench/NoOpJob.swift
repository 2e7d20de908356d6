import ReachCore

/// The queue benchmark's job: nothing to do, so that the figures are the queue's own.
enum NoOpJob: JobKind {
    static let jobType = "noop"

    struct Parameters: Codable, Sendable {}
}
