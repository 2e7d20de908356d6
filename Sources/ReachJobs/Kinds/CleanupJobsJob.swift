import ReachCore

/// Deletes finished jobs and processed events past their retention (recurring).
public enum CleanupJobsJob: JobKind {
    public typealias Parameters = RecurringRun
    public static let jobType = "cleanup_jobs"
}
