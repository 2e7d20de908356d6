import GRDB

public enum ConfigValueType: String, StoredEnum {
    case number, duration, boolean
}
