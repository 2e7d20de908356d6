import Foundation
import ReachCore

/// Where a search's creators come from: one step at a time, each a page (keyword searches) or
/// the whole pass (similar searches).
public protocol SearchProvider: Sendable {
    func run(_ step: SearchStep, hooks: StepHooks) async throws -> SearchPage
}
