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
