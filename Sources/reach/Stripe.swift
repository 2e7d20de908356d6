import ArgumentParser
import Foundation
import ReachCore

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
            let context = try options.context(.existing)
            let delivery = try await WebhookTriggers(context)
                .stripe(event, userId: trigger.user, plan: plan.flatMap(PlanKey.init(parsing:)), status: status)
            let endpoint = try trigger.endpoint("/api/webhooks/stripe", listener: try await Maintenance(context).runningListener())
            try await trigger.send(to: endpoint, body: delivery.body, headers: delivery.headers, json: options.json)
        }
    }
}
