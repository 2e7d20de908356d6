import Foundation
import GRDB
import ReachStore

/// A search followed live, as its progress stream and the dashboard's bars see it.
extension Searches {
    /// The search's progress at each change, ending after its final status; nothing for a search that goes.
    public func progressUpdates(id: UUID) -> AsyncThrowingStream<SearchProgress, any Error> {
        let observation = ValueObservation
            .tracking { db in try ScrapingJob.fetchOne(db, id: id).map { SearchProgress($0) } }
            .removeDuplicates()
        let values = observation.values(in: context.database.reader)
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await progress in values {
                        guard let progress else { break }
                        continuation.yield(progress)
                        if progress.status.isFinal { break }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
