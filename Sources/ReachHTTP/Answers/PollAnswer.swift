import Foundation
import Hummingbird
import ReachCore

/// What the platform's poll routes answer (`GET /api/scraping/<route>?jobId=`): one shape with
/// every field any of its frontend's pages reads, so that any route answers any of the user's
/// jobs (the campaign page polls `/api/scraping/instagram` for a reels job). Results are merged
/// into one entry; similar routes add `creators`, the reels route its `job` block.
struct PollAnswer: ResponseEncodable {
    enum Variant { case plain, similar, reels }

    var detail: JobDetail
    var variant: Variant

    struct JobBlock: Encodable {
        var id: UUID
        var status: ScrapingJobStatus
        var progress: Double
        var processedResults: Int
        var targetResults: Int
        var keywords: JSONValue?
        var platform: Platform
        var error: String?
        var createdAt: Date
        var completedAt: Date?
    }

    struct APIStatus: Encodable {
        var processedRuns: Int
        var processedResults: Int
    }

    enum Keys: String, CodingKey {
        case jobId, id, status, platform, searchType, keywords, targetUsername, progress, processedResults, processedRuns
        case targetResults, error, createdAt, startedAt, completedAt, results, creators, job, apiStatus
    }

    func encode(to encoder: any Encoder) throws {
        let job = detail.job
        let results = detail.mergedResults
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(job.id, forKey: .jobId)
        try container.encode(job.id, forKey: .id)
        try container.encode(job.status, forKey: .status)
        try container.encode(job.platform, forKey: .platform)
        try container.encode(job.searchType, forKey: .searchType)
        try container.encodeIfPresent(job.keywords, forKey: .keywords)
        try container.encodeIfPresent(job.targetUsername, forKey: .targetUsername)
        try container.encode(job.progress ?? 0, forKey: .progress)
        try container.encode(job.processedResults, forKey: .processedResults)
        try container.encode(job.processedRuns, forKey: .processedRuns)
        try container.encode(job.targetResults, forKey: .targetResults)
        try container.encodeIfPresent(job.error, forKey: .error)
        try container.encode(job.createdAt, forKey: .createdAt)
        try container.encodeIfPresent(job.startedAt, forKey: .startedAt)
        try container.encodeIfPresent(job.completedAt, forKey: .completedAt)
        try container.encode(results, forKey: .results)
        switch variant {
        case .plain: break
        case .similar:
            try container.encode(results.first?.creators ?? RawJSON(.array([])), forKey: .creators)
        case .reels:
            try container.encode(JobBlock(
                id: job.id, status: job.status, progress: job.progress ?? 0, processedResults: job.processedResults,
                targetResults: job.targetResults, keywords: job.keywords, platform: job.platform, error: job.error,
                createdAt: job.createdAt, completedAt: job.completedAt), forKey: .job)
            try container.encode(APIStatus(processedRuns: job.processedRuns, processedResults: job.processedResults),
                                 forKey: .apiStatus)
        }
    }
}
