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

    public enum Columns: String, RecordColumns {
        case id
        case planKey = "plan_key"
        case displayName = "display_name"
        case description
        case monthlyPrice = "monthly_price"
        case yearlyPrice = "yearly_price"
        case stripeMonthlyPriceId = "stripe_monthly_price_id"
        case stripeYearlyPriceId = "stripe_yearly_price_id"
        case campaignsLimit = "campaigns_limit"
        case creatorsLimit = "creators_limit"
        case features
        case isActive = "is_active"
        case sortOrder = "sort_order"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

// Field by field: plans are read for every limit check.
extension SubscriptionPlan {
    public init(_ row: RecordRow<Columns>) throws {
        id = try row.uuid(.id)
        planKey = try row.required(.planKey)
        displayName = try row.required(.displayName)
        description = try row.optional(.description)
        monthlyPrice = try row.required(.monthlyPrice)
        yearlyPrice = try row.optional(.yearlyPrice)
        stripeMonthlyPriceId = try row.required(.stripeMonthlyPriceId)
        stripeYearlyPriceId = try row.optional(.stripeYearlyPriceId)
        campaignsLimit = try row.required(.campaignsLimit)
        creatorsLimit = try row.required(.creatorsLimit)
        features = try row.optionalJSON(.features)
        isActive = try row.required(.isActive)
        sortOrder = try row.optional(.sortOrder)
        createdAt = try row.date(.createdAt)
        updatedAt = try row.date(.updatedAt)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id.lowercased
        container[Columns.planKey] = planKey
        container[Columns.displayName] = displayName
        container[Columns.description] = description
        container[Columns.monthlyPrice] = monthlyPrice
        container[Columns.yearlyPrice] = yearlyPrice
        container[Columns.stripeMonthlyPriceId] = stripeMonthlyPriceId
        container[Columns.stripeYearlyPriceId] = stripeYearlyPriceId
        container[Columns.campaignsLimit] = campaignsLimit
        container[Columns.creatorsLimit] = creatorsLimit
        container[Columns.features] = features
        container[Columns.isActive] = isActive
        container[Columns.sortOrder] = sortOrder
        container[Columns.createdAt] = createdAt.databaseText
        container[Columns.updatedAt] = updatedAt.databaseText
    }
}
