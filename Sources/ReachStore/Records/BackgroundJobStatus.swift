import GRDB

public enum BackgroundJobStatus: String, StoredEnum {
    case pending, processing, completed, failed, cancelled
}
