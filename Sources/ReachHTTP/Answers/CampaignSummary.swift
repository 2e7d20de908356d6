import Foundation
import Hummingbird
import ReachCore

/// A campaign in the list: its fields and its latest search, as `scrapingJobs: [{id, status, createdAt}]`.
struct CampaignSummary: Encodable {
    var campaign: Campaign
    var latestJob: ScrapingJob?

    struct JobSummary: Encodable {
        var id: UUID
        var status: ScrapingJobStatus
        var createdAt: Date
    }

    enum Keys: String, CodingKey { case scrapingJobs }

    func encode(to encoder: any Encoder) throws {
        try campaign.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(latestJob.map { [JobSummary(id: $0.id, status: $0.status, createdAt: $0.createdAt)] } ?? [],
                             forKey: .scrapingJobs)
    }
}
