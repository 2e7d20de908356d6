import GRDB

public enum CampaignStatus: String, StoredEnum {
    case draft, active, completed, archived
}
