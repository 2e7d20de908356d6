import GRDB

public enum ScrapingJobStatus: String, StoredEnum {
    case pending, processing, completed, error, timeout, cancelled

    /// A final status: the job never moves again.
    public var isFinal: Bool { [.completed, .error, .timeout, .cancelled].contains(self) }
}
