import Foundation
import GRDB
import ReachStore

/// Admin operations on users and plans; each is recorded as an `admin_action` event.
public enum AdminUsers {
    /// Gives a user admin rights, by user id or e-mail.
    public static func promote(_ db: Database, userId: String?, email: String?, admin: String, now: Date, context: EventContext) throws -> UserProfile {
        var profile: UserProfile?
        if let userId { profile = try UserProfile.fetchOne(db, userId: userId) }
        if profile == nil, let email {
            profile = try UserProfile.fetchOne(db, email: email)
        }
        if profile == nil, let userId {  // as the platform does: the profile its webhook has not made yet
            profile = try Accounts.createUser(db, userId: userId, email: email, fullName: nil, now: now, context: context)
        }
        guard var profile else { throw ReachError.notFound("user \(email ?? "")") }
        profile.isAdmin = true
        profile.updatedAt = now
        try profile.update(db)
        try AdminActions.record(db, admin: admin, action: "user_promoted", target: profile.userId, details: [:], context: context, now: now)
        return profile
    }

    /// Puts a user on a plan (subscription active unless free), limits and features copied.
    public static func setPlan(_ db: Database, userId: String, plan: PlanKey, admin: String, now: Date, context: EventContext) throws -> UserProfile {
        var profile = try Onboarding.profile(db, userId)
        let before = profile.currentPlan?.rawValue ?? "free"
        try Plans.apply(db, plan: plan, to: &profile)
        if plan == .free {
            profile.subscriptionStatus = SubscriptionStatus.none
        } else if profile.subscriptionStatus != .trialing {
            profile.subscriptionStatus = .active
        }
        profile.updatedAt = now
        try profile.update(db)
        try AdminActions.record(db, admin: admin, action: "plan_set", target: userId,
                                details: ["from": .string(before), "to": .string(plan.rawValue)], context: context, now: now)
        return profile
    }

    /// Changes a plan's price, limits, features or availability, and pushes the new limits and
    /// features to every user on it.
    public struct PlanChange: Codable, Sendable {
        public var displayName: String?
        public var description: String?
        public var monthlyPrice: Int?
        public var yearlyPrice: Int?
        public var campaignsLimit: Int?
        public var creatorsLimit: Int?
        public var features: JSONValue?
        public var isActive: Bool?

        public init(displayName: String? = nil, description: String? = nil, monthlyPrice: Int? = nil, yearlyPrice: Int? = nil,
                    campaignsLimit: Int? = nil, creatorsLimit: Int? = nil, features: JSONValue? = nil, isActive: Bool? = nil) {
            self.displayName = displayName
            self.description = description
            self.monthlyPrice = monthlyPrice
            self.yearlyPrice = yearlyPrice
            self.campaignsLimit = campaignsLimit
            self.creatorsLimit = creatorsLimit
            self.features = features
            self.isActive = isActive
        }
    }

    public static func updatePlan(
        _ db: Database, key: String, change: PlanChange, admin: String, now: Date, context: EventContext
    ) throws -> (plan: SubscriptionPlan, usersUpdated: Int) {
        guard var plan = try SubscriptionPlan.fetchOne(db, key: key) else { throw ReachError.notFound("plan \(key)") }
        if let name = change.displayName { plan.displayName = try Onboarding.text(name, field: "displayName") }
        if let description = change.description { plan.description = description }
        for (value, field) in [(change.monthlyPrice, "monthlyPrice"), (change.yearlyPrice, "yearlyPrice")] {
            if let value, !(0...Int(Int32.max)).contains(value) {
                throw ReachError.invalid(field: field, reason: "cents from 0 to 2147483647")
            }
        }
        for (value, field) in [(change.campaignsLimit, "campaignsLimit"), (change.creatorsLimit, "creatorsLimit")] {
            if let value, !(-1...Int(Int32.max)).contains(value) {
                throw ReachError.invalid(field: field, reason: "-1 (unlimited) or a count up to 2147483647")
            }
        }
        if let features = change.features {
            guard case .object = features else { throw ReachError.invalid(field: "features", reason: "must be a JSON object") }
        }
        plan.monthlyPrice = change.monthlyPrice ?? plan.monthlyPrice
        plan.yearlyPrice = change.yearlyPrice ?? plan.yearlyPrice
        plan.campaignsLimit = change.campaignsLimit ?? plan.campaignsLimit
        plan.creatorsLimit = change.creatorsLimit ?? plan.creatorsLimit
        plan.features = change.features ?? plan.features
        plan.isActive = change.isActive ?? plan.isActive
        plan.updatedAt = now
        try plan.update(db)
        let updated = try UserProfile.pushPlanLimits(
            db, planKey: key, campaigns: plan.campaignsLimit, creators: plan.creatorsLimit, features: plan.features, now: now)
        try AdminActions.record(db, admin: admin, action: "plan_updated", target: key,
                                details: ["usersUpdated": .int(Int64(updated))], context: context, now: now)
        return (plan, updated)
    }
}
