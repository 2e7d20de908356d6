import ArgumentParser
import Foundation
import ReachCore

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
            // The signing secret is the server's file's: a file made here would sign with another.
            let context = try options.context(.existing)
            let delivery = try await WebhookTriggers(context).clerk(event, userId: trigger.user, email: email, name: name)
            let endpoint = try trigger.endpoint("/api/webhooks/clerk", listener: try await Maintenance(context).runningListener())
            try await trigger.send(to: endpoint, body: delivery.body, headers: delivery.headers, json: options.json)
        }
    }
}
