import Foundation
import GRDB
import ReachCore

/// One run of a search: fetch the page at the job's cursor, append it, then continue or complete.
public struct ScrapingStepHandler: JobHandler {
    public let jobType = Searches.stepJobType
    let provider: any CreatorProvider

    public init(provider: any CreatorProvider) {
        self.provider = provider
    }

    /// A step that died for good ends its search in `error`, rather than leaving it processing.
    public func jobDied(_ db: Database, _ job: BackgroundJob, reason: String, now: Date) throws {
        guard let idText = job.payload["scrapingJobId"]?.stringValue, let jobId = UUID(uuidString: idText) else { return }
        try Searches.recordFailure(db, jobId: jobId, message: reason, now: now)
    }

    public func run(_ job: BackgroundJob, context: JobContext) async throws -> JSONValue? {
        guard let idText = job.payload["scrapingJobId"]?.stringValue, let jobId = UUID(uuidString: idText),
            let cursor = job.payload["cursor"]?.intValue.map({ Int($0) })
        else { throw PermanentJobError("payload needs scrapingJobId and cursor") }
        guard case .fetch(let search) = try await context.searches.beginStep(jobId: jobId, cursor: cursor) else {
            return ["skipped": true]
        }
        let request = ProviderRequest(
            platform: search.platform, searchType: search.searchType,
            query: search.targetUsername ?? search.keywordList.joined(separator: ","), cursor: cursor)
        let page: ProviderPage
        do {
            page = try await provider.fetchPage(request)
        } catch let error as CancellationError {
            throw error
        } catch {
            let transient = (error as? ProviderError)?.isTransient ?? true
            guard !transient || context.isLastAttempt else { throw error }
            let message = String(describing: error)
            try await context.searches.recordFailure(jobId: jobId, message: message)
            return ["error": .string(message)]
        }
        try await context.searches.recordPage(jobId: jobId, cursor: cursor, items: page.items, nextCursor: page.nextCursor)
        return ["cursor": .int(Int64(cursor)), "items": .int(Int64(page.items.count))]
    }
}
