import Foundation
import ReachStore

/// What a step of a search needs to know: the search, the creators it holds already, and its
/// cap of provider calls.
public struct SearchStep: Sendable, Hashable {
    public var job: ScrapingJob
    /// ``CreatorIdentity`` keys of the creators stored: a repeat is dropped before its secondary calls.
    public var known: Set<String>
    /// How many creators are stored.
    public var stored: Int
    /// The most primary calls the search may make in all (`api_limits.max_api_calls_*`).
    public var maxCalls: Int

    public init(job: ScrapingJob, known: Set<String>, stored: Int, maxCalls: Int) {
        self.job = job
        self.known = known
        self.stored = stored
        self.maxCalls = maxCalls
    }

    /// The cursor this step fetches at.
    public var cursor: Int { job.cursor ?? 0 }

    /// Creators still wanted.
    public var room: Int { max(0, job.targetResults - stored) }

    /// Primary calls still allowed.
    public var callsLeft: Int { max(0, maxCalls - job.processedRuns) }
}
