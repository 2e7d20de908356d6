import Foundation
import GRDB
import Logging
import ReachCore

/// The work behind one `job_type` of `background_jobs`.
///
/// Handlers run at least once: a job whose worker died runs again, so each handler is idempotent.
/// A handler does its work through the services of its ``JobContext``; it never opens a transaction.
public protocol JobHandler: Sendable {
    var jobType: String { get }
    /// Does the job; the returned value is stored in `result`.
    func run(_ job: BackgroundJob, context: JobContext) async throws -> JSONValue?
    /// The job failed for good (no retries left, or its worker died once too often), in the
    /// queue's transaction that marked it: the work it stood for must end too.
    func jobDied(_ db: Database, _ job: BackgroundJob, reason: String, now: Date) throws
}

extension JobHandler {
    public func jobDied(_ db: Database, _ job: BackgroundJob, reason: String, now: Date) throws {}
}
