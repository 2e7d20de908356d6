import Foundation
import GRDB

/// A row of `subscription_plans`. Limits of -1 mean unlimited.
public struct SubscriptionPlan: ReachRecord, Identifiable, Hashable {
    public static let databaseTableName = "subscription_plans"

    public var id: UUID
    public var planKey: String
    public var displayName: String
    public var description: String?
    public var monthlyPrice: Int
    public var yearlyPrice: Int?
    public var stripeMonthlyPriceId: String
    public var stripeYearlyPriceId: String?
    public var campaignsLimit: Int
    public var creatorsLimit: Int
    public var features: JSONValue?
    public var isActive: Bool
    public var sortOrder: Int?
    public var createdAt: Date
    public var updatedAt: Date

    public enum Columns {
        public static let planKey = Column("plan_key")
        public static let stripeMonthlyPriceId = Column("stripe_monthly_price_id")
        public static let stripeYearlyPriceId = Column("stripe_yearly_price_id")
        public static let isActive = Column("is_active")
        public static let sortOrder = Column("sort_order")
    }
}

// Field by field: plans are read for every limit check.
extension SubscriptionPlan {
    public init(row: Row) throws {
        id = row.uuid("id")
        planKey = row["plan_key"]
        displayName = row["display_name"]
        description = row["description"]
        monthlyPrice = row["monthly_price"]
        yearlyPrice = row["yearly_price"]
        stripeMonthlyPriceId = row["stripe_monthly_price_id"]
        stripeYearlyPriceId = row["stripe_yearly_price_id"]
        campaignsLimit = row["campaigns_limit"]
        creatorsLimit = row["creators_limit"]
        features = row["features"]
        isActive = row["is_active"]
        sortOrder = row["sort_order"]
        createdAt = row.date("created_at")
        updatedAt = row.date("updated_at")
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id.lowercased
        container["plan_key"] = planKey
        container["display_name"] = displayName
        container["description"] = description
        container["monthly_price"] = monthlyPrice
        container["yearly_price"] = yearlyPrice
        container["stripe_monthly_price_id"] = stripeMonthlyPriceId
        container["stripe_yearly_price_id"] = stripeYearlyPriceId
        container["campaigns_limit"] = campaignsLimit
        container["creators_limit"] = creatorsLimit
        container["features"] = features
        container["is_active"] = isActive
        container["sort_order"] = sortOrder
        container["created_at"] = createdAt.databaseText
        container["updated_at"] = updatedAt.databaseText
    }
}
