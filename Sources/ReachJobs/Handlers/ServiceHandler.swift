import Foundation
import ReachCore

/// A handler that is one call of the application's services.
struct ServiceHandler<Kind: JobKind>: JobHandler {
    let work: @Sendable (Kind.Parameters, JobContext) async throws -> JSONValue?

    init(_ kind: Kind.Type, work: @escaping @Sendable (Kind.Parameters, JobContext) async throws -> JSONValue?) {
        self.work = work
    }

    func run(_ parameters: Kind.Parameters, context: JobContext) async throws -> JSONValue? {
        try await work(parameters, context)
    }
}
