import Foundation
import ReachStore

/// One kind of background work: its `job_type` and its parameters as a type. Work is enqueued and
/// handled through its kind, never through a string key (as hummingbird-jobs' `JobParameters`).
public protocol JobKind: Sendable {
    associatedtype Parameters: Codable & Sendable
    /// The `background_jobs.job_type` it is stored under.
    static var jobType: String { get }
}

extension BackgroundJob {
    /// A job of `kind`, its parameters as the payload (UUIDs lowercase, keys sorted, as stored before).
    public init<Kind: JobKind>(
        _ kind: Kind.Type, _ parameters: Kind.Parameters, priority: Int = 100, maxRetries: Int = 3, scheduledFor: Date,
        dedupeKey: String? = nil, now: Date
    ) throws {
        self.init(jobType: Kind.jobType, payload: try WireEncoder.jsonValue(parameters), priority: priority,
                  maxRetries: maxRetries, scheduledFor: scheduledFor, dedupeKey: dedupeKey, now: now)
    }

    /// Whether this job is of `kind`.
    public func `is`<Kind: JobKind>(_ kind: Kind.Type) -> Bool { jobType == Kind.jobType }

    /// The payload read as `kind`'s parameters; `nil` for a job of another kind.
    public func parameters<Kind: JobKind>(_ kind: Kind.Type) throws -> Kind.Parameters? {
        guard self.is(kind) else { return nil }
        do {
            return try JSONDecoder().decode(Kind.Parameters.self, from: Data(payload.jsonText.utf8))
        } catch {
            throw ReachError.invalid(field: "payload", reason: "not the parameters of a \(Kind.jobType) job: \(payload.jsonText.prefix(200))")
        }
    }
}
