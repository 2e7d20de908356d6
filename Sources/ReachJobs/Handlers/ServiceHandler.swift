import Foundation
import ReachCore

/// A handler that is one call of the application's services.
struct ServiceHandler: JobHandler {
    let jobType: String
    let work: @Sendable (BackgroundJob, JobContext) async throws -> JSONValue?

    func run(_ job: BackgroundJob, context: JobContext) async throws -> JSONValue? {
        try await work(job, context)
    }
}
