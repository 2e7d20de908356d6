import GRDB

public enum TrialStatus: String, StoredEnum {
    case pending, active, expired, cancelled, converted
}
