import Foundation

/// One step of a search: the page at `cursor` from the provider, stored, then the next step.
public enum SearchStepJob: JobKind {
    public static let jobType = "process_scraping_job"

    public struct Parameters: Codable, Sendable, Equatable {
        public var scrapingJobId: UUID
        public var cursor: Int

        public init(scrapingJobId: UUID, cursor: Int) {
            self.scrapingJobId = scrapingJobId
            self.cursor = cursor
        }
    }
}
