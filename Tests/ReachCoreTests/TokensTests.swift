import Foundation
import Testing
import ReachCore

@Suite("Tokens service")
struct TokensTests {
    @Test("an issued token names its user until it expires")
    func lifetime() async throws {
        let clock = ManualClock()
        let app = try await makeApp(clock: clock)
        try await newUser(app)
        let token = try await app.tokens.issue(userId: "user_a", lifetime: 3_600)
        let identity = try await app.tokens.identity(token)
        #expect(identity.userId == "user_a")
        #expect(identity.email == "user_a@example.com")
        #expect(!identity.isAdmin)
        clock.advance(by: 3_601)
        guard case .unauthorized = await reachError({ try await app.tokens.identity(token) }) else {
            Issue.record("an expired token was accepted"); return
        }
    }

    @Test("a signed-out token is refused at once; the user's other tokens still work")
    func signOut() async throws {
        let app = try await makeApp()
        try await newUser(app)
        let first = try await app.tokens.issue(userId: "user_a")
        let second = try await app.tokens.issue(userId: "user_a")
        _ = try await app.tokens.identity(first)  // remembered, and forgotten by the sign-out
        try await app.tokens.signOut(first)
        guard case .unauthorized = await reachError({ try await app.tokens.identity(first) }) else {
            Issue.record("a signed-out token was accepted"); return
        }
        #expect(try await app.tokens.identity(second).userId == "user_a")
    }

    @Test("revoking all of a user's tokens refuses those issued before, not those issued after")
    func revokeAll() async throws {
        let clock = ManualClock()
        let app = try await makeApp(clock: clock)
        try await newUser(app)
        let before = try await app.tokens.issue(userId: "user_a")
        clock.advance(by: 1)
        _ = try await app.tokens.revokeAll(userId: "user_a")
        clock.advance(by: 1)
        let after = try await app.tokens.issue(userId: "user_a")
        let fresh = try await Tokens.local(app.context)  // another process: nothing remembered
        guard case .unauthorized = await reachError({ try await fresh.identity(before) }) else {
            Issue.record("a token from before revoke-all was accepted"); return
        }
        #expect(try await fresh.identity(after).userId == "user_a")
    }

    @Test("garbage, a token of another file's key, and an empty string are unauthorized", arguments: [
        "", "not.a.token", "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl",
    ])
    func refused(_ token: String) async throws {
        let app = try await makeApp()
        guard case .unauthorized = await reachError({ try await app.tokens.identity(token) }) else {
            Issue.record("\(token) was accepted"); return
        }
    }

    @Test("a token signed by another file's key is refused")
    func otherKey() async throws {
        let app = try await makeApp()
        let other = try await makeApp()
        try await newUser(app)
        let foreign = try await other.tokens.issue(userId: "user_a")
        guard case .unauthorized = await reachError({ try await app.tokens.identity(foreign) }) else {
            Issue.record("a token of another file was accepted"); return
        }
    }

    @Test("an admin is one with is_admin, or an address in the admin list")
    func admins() async throws {
        let clock = ManualClock()
        var options = ReachApp.Options()
        options.environment = [:]
        options.adminEmails = ["boss@example.com"]
        let app = try await ReachApp(database: try ReachDatabase.temporary(), clock: clock, options: options)
        try await newUser(app, "user_boss", email: "Boss@Example.com")
        try await newUser(app, "user_a")
        #expect(try await app.tokens.identity(try await app.tokens.issue(userId: "user_boss")).isAdmin)
        let plain = try await app.tokens.issue(userId: "user_a")
        #expect(try await !app.tokens.identity(plain).isAdmin)
        _ = try await app.admin.promote(userId: "user_a", email: nil, admin: "user_boss", events: EventContext())
        let fresh = try await app.tokens.identity(try await app.tokens.issue(userId: "user_a"))
        #expect(fresh.isAdmin)
    }
}
