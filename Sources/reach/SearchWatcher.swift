import Foundation
import ReachCore

/// Shows on a terminal how unfinished searches progress while the scheduler runs them: a bar for
/// one search (`search start --wait`), a line per change for all of them (`reach work`).
struct SearchWatcher {
    let searches: Searches

    /// Runs `body` (the scheduler), drawing progress every half second until it returns.
    func watching(only id: UUID? = nil, _ body: @escaping @Sendable () async throws -> Void) async throws {
        guard Terminal.isInteractive else { return try await body() }
        let searches = searches
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await body() }
            group.addTask {
                if let id { await Self.drawBar(searches, id: id) } else { await Self.drawLines(searches) }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    private static func drawBar(_ searches: Searches, id: UUID) async {
        let bar = Terminal.ProgressBar("search")
        while !Task.isCancelled {
            if let job = try? await searches.find(id: id) {
                bar.update(done: job.processedResults, total: job.targetResults)
                if job.status.isFinal { break }
            }
            try? await Task.sleep(for: .milliseconds(500))
        }
        bar.finish()
    }

    private static func drawLines(_ searches: Searches) async {
        var shown: [UUID: Int] = [:]
        while !Task.isCancelled {
            for job in (try? await searches.unfinished()) ?? [] where job.targetResults > 0 {
                let percent = min(100, job.processedResults * 100 / job.targetResults)
                guard shown[job.id] != percent else { continue }
                shown[job.id] = percent
                Terminal.info("search \(job.id.lowercased.prefix(8)) \(job.platform.rawValue) \(job.searchType.rawValue): "
                    + "\(percent)% (\(job.processedResults) of \(job.targetResults))")
            }
            try? await Task.sleep(for: .milliseconds(500))
        }
    }
}
