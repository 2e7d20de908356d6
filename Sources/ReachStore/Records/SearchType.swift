import GRDB

public enum SearchType: String, StoredEnum {
    case keyword, similar
}
