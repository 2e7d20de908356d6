import Foundation
import ReachStore

/// A setting's address, `category.key`: `timeouts.standard_job_timeout`.
public struct ConfigKey: Hashable, Sendable, CustomStringConvertible {
    public var category: String
    public var key: String

    public init(_ category: String, _ key: String) {
        self.category = category
        self.key = key
    }

    /// Parses `category.key`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ReachError.invalid(field: "key", reason: "'\(text)' is not CATEGORY.KEY, e.g. timeouts.standard_job_timeout")
        }
        self.init(parts[0], parts[1])
    }

    public var description: String { "\(category).\(key)" }
}

extension ConfigKey {
    public static let maxConcurrentJobs = ConfigKey("job_processing", "max_concurrent_jobs")
    public static let defaultRetryDelay = ConfigKey("job_processing", "default_retry_delay")
    public static let jobTimeout = ConfigKey("job_processing", "job_timeout")
    public static let standardJobTimeout = ConfigKey("timeouts", "standard_job_timeout")
    public static let instagramJobTimeout = ConfigKey("timeouts", "instagram_job_timeout")
    public static let cleanupTimeout = ConfigKey("timeouts", "cleanup_timeout_hours")
    public static let tiktokContinuationDelay = ConfigKey("qstash_delays", "tiktok_continuation_delay")
    public static let instagramReelsDelay = ConfigKey("qstash_delays", "instagram_reels_delay")
    public static let frontendStatusCheckInterval = ConfigKey("polling", "frontend_status_check_interval")
    public static let campaignStatusInterval = ConfigKey("polling", "campaign_status_interval")
    public static let batchSize = ConfigKey("processing", "batch_size")
    public static let completedJobsRetentionDays = ConfigKey("cleanup", "completed_jobs_retention_days")
    public static let errorJobsRetentionDays = ConfigKey("cleanup", "error_jobs_retention_days")
    public static let eventRetentionDays = ConfigKey("event_sourcing", "event_retention_days")
    public static let enableEventReplay = ConfigKey("event_sourcing", "enable_event_replay")

    public static let providerRequestTimeout = ConfigKey("providers", "request_timeout")
    public static let providerMaxRetries = ConfigKey("providers", "max_retries")
    public static let providerRetryAfterCap = ConfigKey("providers", "retry_after_cap")
    public static let scrapeCreatorsInterval = ConfigKey("providers", "scrapecreators_interval")
    public static let rapidAPIInterval = ConfigKey("providers", "rapidapi_interval")
    public static let apifyInterval = ConfigKey("providers", "apify_interval")
    public static let providerSecondaryConcurrency = ConfigKey("providers", "secondary_concurrency")
    public static let apifyRunTimeout = ConfigKey("providers", "apify_run_timeout")

    /// The provider-call cap of a search: `api_limits.max_api_calls_tiktok_similar`.
    public static func maxAPICalls(_ platform: Platform, _ type: SearchType) -> ConfigKey {
        ConfigKey("api_limits", "max_api_calls_\(platform.slug)" + (type == .similar ? "_similar" : ""))
    }
}
