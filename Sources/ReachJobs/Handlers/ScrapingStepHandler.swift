import Foundation
import ReachCore
import ReachProviders

/// One run of a search: the page (or pass) at the job's cursor from the provider, stored, then
/// the next step or completion.
public struct ScrapingStepHandler: JobHandler {
    public typealias Kind = SearchStepJob
    let provider: any SearchProvider

    public init(provider: any SearchProvider) {
        self.provider = provider
    }

    /// A step that died for good ends its search in `error`, rather than leaving it processing.
    public func jobDied(_ parameters: SearchStepJob.Parameters, reason: String, context: JobContext) async throws {
        try await context.searches.recordFailure(jobId: parameters.scrapingJobId, message: reason)
    }

    public func run(_ parameters: SearchStepJob.Parameters, context: JobContext) async throws -> JSONValue? {
        let (jobId, cursor) = (parameters.scrapingJobId, parameters.cursor)
        guard case .fetch(let step) = try await context.searches.beginStep(jobId: jobId, cursor: cursor) else {
            return ["skipped": true]
        }
        let searches = context.searches
        let hooks = StepHooks(
            progress: { progress in try? await searches.reportProgress(jobId: jobId, progress: progress) },
            isRunning: { (try? await searches.isRunning(jobId: jobId)) ?? false })
        let page: SearchPage
        do {
            page = try await provider.run(step, hooks: hooks)
        } catch let error as CancellationError {
            throw error
        } catch is SearchTimedOut {
            try await searches.recordTimeout(jobId: jobId)
            return ["timeout": true]
        } catch is SearchStopped {
            return ["stopped": true]
        } catch {
            // A provider that answered for good (or ran out of retries) ends the search; anything
            // else is retried as a job, and ends the search on its last attempt.
            let transient = (error as? ProviderError)?.isTransient ?? true
            guard !transient || context.isLastAttempt else { throw error }
            let message = String(describing: error)
            try await searches.recordFailure(jobId: jobId, message: message)
            return ["error": .string(message)]
        }
        try await searches.recordPage(jobId: jobId, cursor: cursor, page: page)
        return ["cursor": .int(Int64(cursor)), "items": .int(Int64(page.items.count)), "runs": .int(Int64(page.runs))]
    }
}
