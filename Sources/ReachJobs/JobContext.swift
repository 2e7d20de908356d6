import Foundation
import GRDB
import Logging
import ReachCore

/// What a handler may use: the application's services, and whether a failure now is final.
public struct JobContext: Sendable {
    public let searches: Searches
    public let accounts: Accounts
    public let maintenance: Maintenance
    public let logger: Logger
    /// The job's id (`background_jobs.id`).
    public let jobId: UUID
    /// Whether a failure now is final: no retries remain.
    public let isLastAttempt: Bool
}
