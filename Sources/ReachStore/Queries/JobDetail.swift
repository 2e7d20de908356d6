import Foundation
import GRDB

/// A job with its results and campaign.
public struct JobDetail: Sendable, Hashable {
    public var job: ScrapingJob
    public var campaign: Campaign?
    /// Its pages, in page order.
    public var results: [ScrapingResult]

    /// The pages as one result, as the platform keeps them (none while nothing was found).
    public var mergedResults: [ScrapingResult] { ScrapingResult.merged(results).map { [$0] } ?? [] }
}
