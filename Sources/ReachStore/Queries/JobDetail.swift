import Foundation
import GRDB

/// A job with its results and campaign.
public struct JobDetail: Sendable, Hashable {
    public var job: ScrapingJob
    public var campaign: Campaign?
    public var results: [ScrapingResult]
}
