import Foundation
import Hummingbird
import ReachCore

/// `/_reach/…`: the test kit's routes (`--test-mode` only, admin token required): users in one
/// call, the clock, the queue, the e-mails, snapshots and reset.
struct TestModeController {
    let app: ReachApp
    let control: any TestModeControl

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("users", use: createUser)
        group.get("clock", use: clock)
        group.post("clock", use: moveClock)
        group.post("work", use: work)
        group.get("emails", use: emails)
        group.post("snapshots", use: snapshot)
        group.post("snapshots/{name}/restore", use: restore)
        group.delete("snapshots/{name}", use: deleteSnapshot)
        group.post("reset", use: reset)
    }

    struct NewUser: Decodable {
        var userId: String
        var email: String?
        var fullName: String?
        var plan: String?
        var onboarded: Bool?
    }

    struct CreatedUser: ResponseEncodable {
        var userId: String
        var token: String
        var profile: UserProfile
    }

    /// A user as Clerk's `user.created` makes one; with `plan` (or `onboarded`), onboarded onto it.
    @Sendable func createUser(_ request: Request, context: AppRequestContext) async throws -> CreatedUser {
        let body = try await request.decode(as: NewUser.self, context: context)
        let plan = try body.plan.map(TestKitInput.plan)
        let onboardOnto = body.onboarded == false ? nil : plan ?? (body.onboarded == true ? .glowUp : nil)
        let profile = try await app.accounts.createTestUser(
            userId: body.userId, email: body.email ?? "\(body.userId)@example.com", fullName: body.fullName, plan: onboardOnto,
            events: context.events)
        return CreatedUser(userId: profile.userId, token: try await app.tokens.issueForTestKit(userId: profile.userId),
                           profile: profile)
    }

    struct Clock: ResponseEncodable {
        var now: Date
        /// Why a move stopped short of its target (the server began shutting down on the way).
        var stoppedShort: String?
    }

    @Sendable func clock(_ request: Request, context: AppRequestContext) async throws -> Clock {
        Clock(now: control.now())
    }

    struct Move: Decodable {
        var advance: String?
        var set: String?
    }

    @Sendable func moveClock(_ request: Request, context: AppRequestContext) async throws -> Clock {
        let body = try await request.decode(as: Move.self, context: context)
        let set = try body.set.map(TestKitInput.clockTime)
        let target = try TestKitInput.clockTarget(advance: body.advance, set: set, now: control.now())
        let move = try await control.moveClock(to: target)
        return Clock(now: move.now, stoppedShort: move.stoppedShort)
    }

    struct Worked: ResponseEncodable {
        var ran: Int
        var pending: Int
    }

    @Sendable func work(_ request: Request, context: AppRequestContext) async throws -> Worked {
        let (ran, pending) = try await control.runDueWork()
        return Worked(ran: ran, pending: pending)
    }

    struct Emails: ResponseEncodable { var emails: [EmailLogEntry] }

    @Sendable func emails(_ request: Request, context: AppRequestContext) async throws -> Emails {
        let type = try request.query.string("type", maximum: 50).map(TestKitInput.emailType)
        return Emails(emails: try await app.accounts.emailLog(to: try request.query.string("to", maximum: 320), type: type))
    }

    struct SnapshotRequest: Decodable { var name: String }

    struct Timed: ResponseEncodable {
        var name: String?
        var ms: Double
    }

    /// Snapshot names: 1 to 100 of letters, digits, `-`, `_` and `.`.
    static func checkName(_ name: String) throws -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        guard (1...100).contains(name.count), name.allSatisfy(allowed.contains) else {
            throw Problem.invalid("name", "1 to 100 letters, digits, -, _ or .")
        }
        return name
    }

    @Sendable func snapshot(_ request: Request, context: AppRequestContext) async throws -> Timed {
        let name = try Self.checkName(try await request.decode(as: SnapshotRequest.self, context: context).name)
        return Timed(name: name, ms: try await control.snapshot(name).milliseconds)
    }

    @Sendable func restore(_ request: Request, context: AppRequestContext) async throws -> Timed {
        let name = try Self.checkName(context.parameters.get("name") ?? "")
        return Timed(name: name, ms: try await control.restore(name).milliseconds)
    }

    struct Deleted: ResponseEncodable {
        var name: String
        var deleted = true
    }

    @Sendable func deleteSnapshot(_ request: Request, context: AppRequestContext) async throws -> Deleted {
        let name = try Self.checkName(context.parameters.get("name") ?? "")
        try await control.deleteSnapshot(name)
        return Deleted(name: name)
    }

    @Sendable func reset(_ request: Request, context: AppRequestContext) async throws -> Timed {
        Timed(name: nil, ms: try await control.reset().milliseconds)
    }
}
