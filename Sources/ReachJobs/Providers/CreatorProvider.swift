import Foundation
import ReachCore

/// Where creators come from: the offline generator, or a ScrapeCreators-style HTTP API.
public protocol CreatorProvider: Sendable {
    func fetchPage(_ request: ProviderRequest) async throws -> ProviderPage
}
