import Foundation
import ReachCore

/// A fresh application on a temporary file, with a clock that moves only when told.
func makeApp(clock: ManualClock = ManualClock()) async throws -> ReachApp {
    var options = ReachApp.Options()
    options.environment = [:]
    return try await ReachApp(database: try ReachDatabase.temporary(), clock: clock, options: options)
}

/// A user created as Clerk's `user.created` would: free plan, trial active, onboarding pending.
@discardableResult
func newUser(_ app: ReachApp, _ userId: String = "user_a", email: String? = nil) async throws -> UserProfile {
    try await app.accounts.createUser(userId: userId, email: email ?? "\(userId)@example.com", fullName: "Ada Lovelace",
                                      events: EventContext())
}

/// A user through all of onboarding on `plan`: trialing, with the plan's limits.
@discardableResult
func onboardedUser(_ app: ReachApp, _ userId: String = "user_a", plan: PlanKey = .glowUp) async throws -> UserProfile {
    try await newUser(app, userId)
    _ = try await app.accounts.captureInfo(userId: userId, fullName: "Ada Lovelace", businessName: "Analytical Engines",
                                           events: EventContext())
    _ = try await app.accounts.captureIntent(userId: userId, brandDescription: String(repeating: "We make engines. ", count: 4))
    _ = try await app.accounts.savePlan(userId: userId, plan: plan)
    return try await app.accounts.completeOnboarding(userId: userId, events: EventContext()).profile
}

/// The error `body` throws, if it throws a ReachError.
func reachError(_ body: () async throws -> some Any) async -> ReachError? {
    do {
        _ = try await body()
        return nil
    } catch let error as ReachError {
        return error
    } catch {
        return nil
    }
}
