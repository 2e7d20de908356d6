import Foundation
import GRDB

extension SystemConfiguration {
    /// One setting (read at each use, so that changes apply at once: a kept statement).
    public static func fetchOne(_ db: Database, category: String, key: String) throws -> SystemConfiguration? {
        try SystemConfiguration.fetchOne(
            db.cachedStatement(sql: #"SELECT * FROM system_configurations WHERE category = ? AND "key" = ?"#),
            arguments: [category, key])
    }

    public static func fetchAllOrdered(_ db: Database) throws -> [SystemConfiguration] {
        try SystemConfiguration.order(Columns.category, Columns.key).fetchAll(db)
    }
}

extension SubscriptionPlan {
    public static func fetchOne(_ db: Database, key: String) throws -> SubscriptionPlan? {
        try SubscriptionPlan.filter(Columns.planKey == key).fetchOne(db)
    }

    /// The plan whose monthly or yearly Stripe price is `priceId`.
    public static func fetchOne(_ db: Database, stripePriceId priceId: String) throws -> SubscriptionPlan? {
        try SubscriptionPlan
            .filter(Columns.stripeMonthlyPriceId == priceId || Columns.stripeYearlyPriceId == priceId)
            .fetchOne(db)
    }

    public static func fetchAllOrdered(_ db: Database, activeOnly: Bool = false) throws -> [SubscriptionPlan] {
        var request = SubscriptionPlan.order(Columns.sortOrder, Columns.planKey)
        if activeOnly { request = request.filter(Columns.isActive == true) }
        return try request.fetchAll(db)
    }
}
