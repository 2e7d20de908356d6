import Foundation
import ReachStore

/// Where a search stands: what the poll routes answer and the live stream sends at each change.
public struct SearchProgress: Sendable, Equatable, Encodable {
    public var jobId: UUID
    public var status: ScrapingJobStatus
    public var platform: Platform
    public var processedResults: Int
    public var processedRuns: Int
    public var targetResults: Int
    /// 0 to 100.
    public var progress: Double
    public var error: String?
    /// The result pages found so far, in the order found; left out of the live stream.
    public var results: [ScrapingResult]?

    public init(_ job: ScrapingJob, results: [ScrapingResult]? = nil) {
        jobId = job.id
        status = job.status
        platform = job.platform
        processedResults = job.processedResults
        processedRuns = job.processedRuns
        targetResults = job.targetResults
        progress = job.progress ?? 0
        error = job.error
        self.results = results
    }
}
