import ReachCore

/// Runs `PRAGMA optimize` (recurring).
public enum OptimizeDatabaseJob: JobKind {
    public typealias Parameters = RecurringRun
    public static let jobType = "optimize_database"
}
