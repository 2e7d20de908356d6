import Hummingbird
import ReachCore

/// A campaign with its searches and their results.
struct CampaignWithJobs: ResponseEncodable {
    var campaign: Campaign
    var scrapingJobs: [JobWithResults]

    enum Keys: String, CodingKey { case scrapingJobs }

    func encode(to encoder: any Encoder) throws {
        try campaign.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(scrapingJobs, forKey: .scrapingJobs)
    }
}
