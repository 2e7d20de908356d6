import GRDB

public enum EventProcessingStatus: String, StoredEnum {
    case pending, processing, processed, failed
}
