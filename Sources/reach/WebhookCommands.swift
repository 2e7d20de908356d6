import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import ReachCore
import ReachStore

/// Options of `reach stripe|clerk trigger`.
struct TriggerOptions: ParsableArguments {
    @Option(name: .long, help: "Whose event (a user id).") var user: String
    @Option(name: .long, help: "The running listener: http://127.0.0.1:8080 or the webhook's full URL.")
    var url = "http://127.0.0.1:8080"

    func endpoint(_ path: String) throws -> String {
        guard let parsed = URL(string: url), let scheme = parsed.scheme, ["http", "https"].contains(scheme), parsed.host != nil else {
            throw UsageError("--url must be an http(s) URL such as http://127.0.0.1:8080")
        }
        return parsed.path.isEmpty || parsed.path == "/" ? url.trimmingCharacters(in: ["/"]) + path : url
    }

    /// Sends a signed event and prints the listener's answer.
    func send(to endpoint: String, body: [UInt8], headers: [(String, String)], json: Bool) async throws {
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let response: HTTPClientResponse
        do {
            response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        } catch {
            throw ReachError.unavailable("no listener answered at \(endpoint): start `reach serve` (\(error))")
        }
        let answer = String(buffer: try await response.body.collect(upTo: 1 << 20))
        if json { Terminal.print(answer) } else { Terminal.print("\(response.status.code) \(answer)") }
        guard (200..<300).contains(response.status.code) else { throw ExitCode.failure }
    }
}

struct Stripe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stripe", abstract: "Stripe test webhooks.", subcommands: [Trigger.self])

    struct Trigger: ReachCommand {
        static let configuration = CommandConfiguration(
            commandName: "trigger", abstract: "Send a signed Stripe event about a user to a running listener, as Stripe's CLI does.",
            discussion: "Events: \(SampleWebhooks.stripeTypes.joined(separator: ", ")).")

        @OptionGroup var options: GlobalOptions
        @OptionGroup var trigger: TriggerOptions
        @Argument(help: "The event type, e.g. customer.subscription.created.") var event: String
        @Option(name: .long, help: "The plan (default: the user's chosen plan, else glow_up).") var plan: String?
        @Option(name: .long, help: "Subscription status: trialing, active, past_due, canceled.") var status: String?

        func validate() throws {
            guard SampleWebhooks.stripeTypes.contains(event) else {
                throw UsageError("EVENT must be one of \(SampleWebhooks.stripeTypes.joined(separator: ", "))")
            }
            if let plan, PlanKey(parsing: plan) == nil { throw UsageError("--plan must be one of \(PlanKey.valueList)") }
        }

        func execute() async throws {
            // The signing secret is the server's file's: a file made here would sign with another.
            let database = try options.open(.existing)
            let profile = try await database.reader.read { db in try UserProfile.fetchOne(db, userId: trigger.user) }
            let now = Date()
            let payload = try SampleWebhooks.stripe(
                event, userId: trigger.user, profile: profile, plan: plan.flatMap(PlanKey.init(parsing:)), status: status, now: now)
            let body = Array(payload.jsonText.utf8)
            let signature = StripeSignature(secret: try WebhookSecrets.stripe(database)).header(body: body, at: now)
            try await trigger.send(
                to: try trigger.endpoint("/api/webhooks/stripe"), body: body, headers: [("Stripe-Signature", signature)],
                json: options.json)
        }
    }
}

struct Clerk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clerk", abstract: "Clerk test webhooks.", subcommands: [Trigger.self])

    struct Trigger: ReachCommand {
        static let configuration = CommandConfiguration(
            commandName: "trigger", abstract: "Send a Svix-signed Clerk event about a user to a running listener.",
            discussion: "Events: \(SampleWebhooks.clerkTypes.joined(separator: ", ")).")

        @OptionGroup var options: GlobalOptions
        @OptionGroup var trigger: TriggerOptions
        @Argument(help: "The event type, e.g. user.created.") var event: String
        @Option(name: .long, help: "The user's e-mail address.") var email: String?
        @Option(name: .long, help: "The user's full name.") var name: String?

        func validate() throws {
            guard SampleWebhooks.clerkTypes.contains(event) else {
                throw UsageError("EVENT must be one of \(SampleWebhooks.clerkTypes.joined(separator: ", "))")
            }
        }

        func execute() async throws {
            try Accounts.validateUserId(trigger.user)
            // The signing secret is the server's file's: a file made here would sign with another.
            let database = try options.open(.existing)
            let now = Date()
            let payload = try SampleWebhooks.clerk(event, userId: trigger.user, email: email, name: name, now: now)
            let body = Array(payload.jsonText.utf8)
            let id = "msg_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            let timestamp = Int(now.timeIntervalSince1970)
            guard let signature = SvixSignature(secret: try WebhookSecrets.clerk(database)).sign(id: id, timestamp: timestamp, body: body)
            else { throw ReachError.invalid(field: "CLERK_WEBHOOK_SECRET", reason: "must be whsec_<base64>") }
            try await trigger.send(
                to: try trigger.endpoint("/api/webhooks/clerk"), body: body,
                headers: [("svix-id", id), ("svix-timestamp", String(timestamp)), ("svix-signature", "v1,\(signature)")],
                json: options.json)
        }
    }
}
