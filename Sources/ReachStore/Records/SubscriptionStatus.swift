import GRDB

public enum SubscriptionStatus: String, StoredEnum {
    case none, trialing, active
    case pastDue = "past_due"
    case canceled
}
