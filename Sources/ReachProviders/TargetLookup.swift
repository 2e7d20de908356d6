import Foundation
import ReachCore

/// A similar search's first call, for its target: a 404 says the account was not found.
enum TargetLookup {
    static func get(
        _ calls: ProviderCalls, _ provider: Provider, _ path: String, query: [(String, String)], missing: String
    ) async throws -> JSONValue {
        do {
            return try ShapeCheck.object(try await calls.get(provider, path, query: query), provider: provider)
        } catch let error as ProviderError where error.status == 404 {
            throw ProviderError("\(missing) (\(provider.name) 404)", isTransient: false, status: 404)
        }
    }
}
