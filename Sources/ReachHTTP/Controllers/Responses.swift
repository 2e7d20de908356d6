import Foundation
import ReachCore
import ReachStore

/// A job with its results, as the platform's Drizzle relation returns it: the job's fields and
/// `results`; `resultsOmitted` when a campaign's answer had no room left for them.
struct JobWithResults: Encodable {
    var job: ScrapingJob
    var results: [ScrapingResult]
    var resultsOmitted = false

    enum Keys: String, CodingKey { case results, resultsOmitted }

    func encode(to encoder: any Encoder) throws {
        try job.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(results, forKey: .results)
        if resultsOmitted { try container.encode(true, forKey: .resultsOmitted) }
    }
}

/// A campaign with its searches and their results.
struct CampaignWithJobs: Encodable {
    var campaign: Campaign
    var scrapingJobs: [JobWithResults]

    enum Keys: String, CodingKey { case scrapingJobs }

    func encode(to encoder: any Encoder) throws {
        try campaign.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(scrapingJobs, forKey: .scrapingJobs)
    }
}

struct Pagination: Encodable {
    var total: Int
    var page: Int
    var limit: Int
    var totalPages: Int
}

struct Message: Encodable {
    var message: String
}
