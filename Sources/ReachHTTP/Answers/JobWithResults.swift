import Hummingbird
import ReachCore

/// A job with its results, as the platform's Drizzle relation returns it: the job's fields and
/// `results`, its pages merged into one entry; `resultsOmitted` when a campaign's answer had no
/// room left for them.
struct JobWithResults: ResponseEncodable {
    var job: ScrapingJob
    var results: [ScrapingResult]
    var resultsOmitted = false

    init(_ detail: JobDetail) {
        job = detail.job
        results = detail.mergedResults
    }

    init(omitting job: ScrapingJob) {
        self.job = job
        results = []
        resultsOmitted = true
    }

    enum Keys: String, CodingKey { case results, resultsOmitted }

    func encode(to encoder: any Encoder) throws {
        try job.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(results, forKey: .results)
        if resultsOmitted { try container.encode(true, forKey: .resultsOmitted) }
    }
}
