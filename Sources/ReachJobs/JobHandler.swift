import Foundation
import Logging
import ReachCore

/// The work behind one kind of `background_jobs` (``JobKind``).
///
/// Handlers run at least once: a job whose worker died runs again, so each handler is idempotent.
/// A handler does its work through the services of its ``JobContext``; it never opens a transaction.
public protocol JobHandler: Sendable {
    associatedtype Kind: JobKind
    /// Does the job; the returned value is stored in `result`.
    func run(_ parameters: Kind.Parameters, context: JobContext) async throws -> JSONValue?
    /// The job failed for good (no retries left, or its worker died once too often): the work it
    /// stood for must end too. Runs after the queue recorded the failure, through the services:
    /// if the process stops in between, the work's own timeout ends it.
    func jobDied(_ parameters: Kind.Parameters, reason: String, context: JobContext) async throws
}

extension JobHandler {
    public func jobDied(_ parameters: Kind.Parameters, reason: String, context: JobContext) async throws {}

    /// The `job_type` it handles.
    public var jobType: String { Kind.jobType }

    /// Runs a stored job: its payload read as the kind's parameters, or a permanent failure.
    func perform(_ job: BackgroundJob, context: JobContext) async throws -> JSONValue? {
        try await run(try parameters(of: job), context: context)
    }

    func died(_ job: BackgroundJob, reason: String, context: JobContext) async throws {
        try await jobDied(try parameters(of: job), reason: reason, context: context)
    }

    private func parameters(of job: BackgroundJob) throws -> Kind.Parameters {
        do {
            guard let parameters = try job.parameters(Kind.self) else { throw PermanentJobError("not a \(Kind.jobType) job") }
            return parameters
        } catch let error as PermanentJobError {
            throw error
        } catch {
            throw PermanentJobError(String(describing: error))
        }
    }
}
