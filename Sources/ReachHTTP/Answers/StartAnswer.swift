import Foundation
import Hummingbird
import ReachCore

/// What the platform's start routes answer: the union of their six shapes (`message`, `jobId`,
/// `qstashMessageId`; reels' `success`; YouTube similar's `status`, `platform`, `targetUsername`),
/// and the job itself (Reach's addition).
struct StartAnswer: ResponseEncodable {
    var success = true
    var message: String
    var jobId: UUID
    var qstashMessageId: String?
    var status: ScrapingJobStatus
    var platform: Platform
    var targetUsername: String?
    var job: ScrapingJob

    init(_ job: ScrapingJob, message: String) {
        self.message = message
        jobId = job.id
        qstashMessageId = job.qstashMessageId
        status = job.status
        platform = job.platform
        targetUsername = job.targetUsername
        self.job = job
    }
}
