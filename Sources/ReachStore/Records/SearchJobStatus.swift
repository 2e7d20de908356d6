import GRDB

public enum SearchJobStatus: String, StoredEnum {
    case queued, processing, completed, failed, cancelled
}
