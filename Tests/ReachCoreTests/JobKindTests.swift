import Foundation
import ReachStore
import Testing
@testable import ReachCore

@Suite("Typed work")
struct JobKindTests {
    let now = Date(timeIntervalSince1970: 1_796_000_000)

    @Test("a kind writes the payload an older Reach wrote, byte for byte, and reads the payloads it left")
    func storedPayloads() throws {
        // Given the payloads as Reach wrote them by hand before its work was typed
        let search = UUID(uuidString: "6525C760-D097-4764-9335-5D236A05C504")!
        let stored: [(BackgroundJob, String)] = [
            (try BackgroundJob(SearchStepJob.self, .init(scrapingJobId: search, cursor: 27), scheduledFor: now, now: now),
             #"{"cursor":27,"scrapingJobId":"6525c760-d097-4764-9335-5d236a05c504"}"#),
            (try BackgroundJob(TrialEmailJob.self, .init(userId: "user_ada", email: .trialDay2), scheduledFor: now, now: now),
             #"{"email":"trial_day2","userId":"user_ada"}"#),
            (try BackgroundJob(CompleteOnboardingJob.self, .init(userId: "user_ada", eventId: search), scheduledFor: now, now: now),
             #"{"eventId":"6525c760-d097-4764-9335-5d236a05c504","userId":"user_ada"}"#),
        ]
        // Then each kind writes exactly those bytes, under the same job type
        for (job, text) in stored { #expect(job.payload.jsonText == text, "\(job.jobType)") }
        #expect(stored.map(\.0.jobType) == ["process_scraping_job", "send_trial_email", "complete_onboarding"])
        // And an old row's payload reads back as its parameters
        let old = BackgroundJob(jobType: "process_scraping_job", payload: try JSONValue(parsing: stored[0].1), scheduledFor: now, now: now)
        #expect(try old.parameters(SearchStepJob.self) == .init(scrapingJobId: search, cursor: 27))
        #expect(try old.parameters(TrialEmailJob.self) == nil, "a job of another kind is not read as this one")
    }

    @Test("a payload that is not its kind's parameters is refused with words, not a trap")
    func badPayload() throws {
        let job = BackgroundJob(jobType: "send_trial_email", payload: ["userId": "user_ada", "email": "no_such_email"], scheduledFor: now, now: now)
        #expect(throws: ReachError.self) { try job.parameters(TrialEmailJob.self) }
    }
}
