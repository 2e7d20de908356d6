import ReachCore

/// Starts a new usage month for the profiles whose month has ended (recurring).
public enum ResetUsageJob: JobKind {
    public typealias Parameters = RecurringRun
    public static let jobType = "reset_usage"
}
