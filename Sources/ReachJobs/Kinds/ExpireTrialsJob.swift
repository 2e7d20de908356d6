import ReachCore

/// Ends the trials whose end has passed (recurring).
public enum ExpireTrialsJob: JobKind {
    public typealias Parameters = RecurringRun
    public static let jobType = "expire_trial"
}
