import Foundation
import GRDB
import ReachStore

/// The creators a user's searches found, de-duplicated, searchable by substring.
public struct Creators: Sendable {
    let context: AppContext

    public init(_ context: AppContext) {
        self.context = context
    }

    /// A page of creators; with `total`, how many match in all (counted the same way, in the same read).
    /// A cursor that no page gave is a bad request (400), not a bad field.
    public func search(_ query: CreatorQuery, total: Bool) async throws -> (page: CreatorPage, total: Int?) {
        try await context.read { db in
            do {
                let page = try CreatorSearch.search(db, query)
                return (page, total ? try CreatorSearch.count(db, query, plan: page.plan) : nil)
            } catch StoreError.invalid(let field, let reason) where field == "cursor" {
                throw ReachError.badRequest("`cursor` \(reason)")
            }
        }
    }
}
