import ArgumentParser
import Foundation
import ReachCore

struct Token: ReachCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Print a bearer token for the local listener, signed with this database's secret.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The user id, e.g. user_demo.") var userId: String?
    @Option(name: .long, parsing: .unconditional, help: "Hours until it expires: more than 0, at most 8760 (a year); default 24.") var hours = 24.0
    @Option(name: .long, help: "Revoke this token (a sign-out); servers refuse it within 5 seconds.") var revoke: String?
    @Flag(name: .long, help: "Revoke every token of USER_ID issued until now.") var revokeAll = false

    func validate() throws {
        guard hours > 0, hours <= 24 * 365 else { throw UsageError("--hours must be more than 0 and at most 8760") }
        if revoke != nil && (userId != nil || revokeAll) { throw UsageError("--revoke TOKEN takes no USER_ID and no --revoke-all") }
        if revoke == nil && userId == nil { throw UsageError("give USER_ID (or --revoke TOKEN)") }
    }

    func execute() async throws {
        let context = try options.context(.existing)
        let tokens = try await Tokens.local(context)
        if let revoke {
            let verified = try await tokens.revoke(revoke)
            Terminal.print("revoked the token of \(verified.userId) (it would have expired at \(WireFormat.timestamp(verified.expires)))")
            return
        }
        guard let userId else { return }
        try Accounts.validateUserId(userId)
        if revokeAll {
            let until = try await tokens.revokeAll(userId: userId)
            Terminal.print("revoked every token of \(userId) issued until \(WireFormat.timestamp(until))")
            return
        }
        guard try await Accounts(context).exists(userId: userId) else {
            throw ReachError.badRequest("user \(userId) not found (create it with `reach clerk trigger user.created --user \(userId)`, "
                + "`reach test user \(userId) --db … --allow-test-mode`, or seed the demo)")
        }
        let token = try await tokens.issue(userId: userId, lifetime: hours * 3_600)
        if options.json { try Terminal.printJSON(["userId": userId, "token": token]) } else { Terminal.print(token) }
    }
}
