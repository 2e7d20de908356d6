/// The parameters of a recurring task's run: which task (`reach_recurring_tasks.name`) enqueued it.
public struct RecurringRun: Codable, Sendable, Equatable {
    public var task: String

    public init(task: String) {
        self.task = task
    }
}
