import ReachCore

/// Ends the searches past their `timeout_at` (recurring).
public enum TimeOutSearchesJob: JobKind {
    public typealias Parameters = RecurringRun
    public static let jobType = "timeout_scraping_jobs"
}
