import Foundation
import ReachCore

/// The accounts routes' entries: onboarding, billing, usage, subscription, profile, plans,
/// webhooks, admin users and plans.
enum AccountsOpenAPI {
    typealias Operation = OpenAPIDocument.Operation
    typealias Parameter = OpenAPIDocument.Parameter
    static let string = OpenAPISchemas.string
    static func ref(_ name: String) -> JSONValue { OpenAPISchemas.ref(name) }

    static var operations: [Operation] {
        let query = Parameter(name: "q", schema: ["type": "string", "maxLength": 200], description: "User id prefix, or a name substring")
        return [
            Operation(method: "patch", path: "/api/onboarding/step-1", summary: "Onboarding step 1: full name and business name",
                      tag: "accounts", body: "OnboardingStepOne", response: ref("OnboardingStepAnswer")),
            Operation(method: "patch", path: "/api/onboarding/step-2", summary: "Onboarding step 2: brand description (≥ 50 characters)",
                      tag: "accounts", body: "OnboardingStepTwo", response: ref("OnboardingStepAnswer")),
            Operation(method: "post", path: "/api/onboarding/save-plan", summary: "The plan chosen before checkout",
                      tag: "accounts", body: "SavePlan", response: ref("OnboardingSaved")),
            Operation(method: "patch", path: "/api/onboarding/complete", summary: "Complete onboarding: the trial on the chosen plan",
                      tag: "accounts", body: "CompleteOnboarding", response: ref("OnboardingCompleted")),
            Operation(method: "get", path: "/api/onboarding/complete", summary: "Whether onboarding is complete, with trial and Stripe ids",
                      tag: "accounts", response: ref("OnboardingCompletion")),
            Operation(method: "get", path: "/api/onboarding/status", summary: "Where the user is in onboarding (404: a new user)",
                      tag: "accounts", response: ref("OnboardingStatus")),
            Operation(method: "get", path: "/api/billing/status", summary: "Plan, subscription, trial countdown, usage",
                      tag: "accounts", response: ref("BillingStatus")),
            Operation(method: "get", path: "/api/usage/summary", summary: "Campaign and creator usage against the plan",
                      tag: "accounts", response: ref("UsageSummary")),
            Operation(method: "get", path: "/api/subscription/status", summary: "The subscription and access, answered from the file",
                      tag: "accounts", response: ref("SubscriptionStatus")),
            Operation(method: "get", path: "/api/profile", summary: "The profile with its trial countdown", tag: "accounts",
                      response: ref("Profile")),
            Operation(method: "post", path: "/api/profile", summary: "Save name, company and industry (creates the profile)",
                      tag: "accounts", body: "SaveProfile", response: ref("Profile")),
            Operation(method: "get", path: "/api/plans", summary: "The plans on offer", tag: "accounts", response: ref("PlanList")),
            Operation(method: "post", path: "/api/webhooks/stripe", summary: "Stripe webhook (Stripe-Signature)",
                      tag: "webhooks", secured: false,
                      parameters: [Parameter(name: "Stripe-Signature", location: "header", schema: string, required: true,
                                             description: "t=<unix>,v1=<hex HMAC-SHA256>")],
                      body: "StripeEvent", response: ref("WebhookAnswer"), errors: [400, 413, 500, 503]),
            Operation(method: "post", path: "/api/webhooks/clerk", summary: "Clerk webhook (Svix signature)",
                      tag: "webhooks", secured: false,
                      parameters: [Parameter(name: "svix-id", location: "header", schema: string, required: true, description: "Message id"),
                                   Parameter(name: "svix-timestamp", location: "header", schema: string, required: true, description: "Unix time"),
                                   Parameter(name: "svix-signature", location: "header", schema: string, required: true, description: "v1,<base64>")],
                      body: "ClerkEvent", response: ref("WebhookAnswer"), errors: [400, 413, 500, 503]),
            Operation(method: "get", path: "/api/admin/users", summary: "Admin user search (id prefix or substring, newest first)",
                      tag: "admin", parameters: [query, OpenAPIDocument.limit], response: ref("UserSearch")),
            Operation(method: "get", path: "/api/admin/email-testing/users", summary: "The platform's admin user search (8 at most)",
                      tag: "admin", parameters: [query], response: ref("UserSearch")),
            Operation(method: "get", path: "/api/admin/email-testing/users-cached", summary: "The platform's id-prefix search (5 at most)",
                      tag: "admin", parameters: [query], response: ref("UserSearch")),
            Operation(method: "get", path: "/api/admin/users/billing-status", summary: "A user's plan and trial state",
                      tag: "admin",
                      parameters: [Parameter(name: "userId", schema: ["type": "string", "minLength": 1, "maxLength": 200], required: true,
                                             description: "Clerk user id")],
                      response: ref("AdminBilling")),
            Operation(method: "get", path: "/api/admin/users/{userId}", summary: "A user's profile, searches and event timeline",
                      tag: "admin",
                      parameters: [Parameter(name: "userId", location: "path", schema: string, required: true, description: "Clerk user id")],
                      response: ref("UserDetail")),
            Operation(method: "post", path: "/api/admin/users/promote", summary: "Give a user admin rights", tag: "admin",
                      body: "PromoteUser", response: ref("AdminDone")),
            Operation(method: "post", path: "/api/admin/users/set-plan", summary: "Put a user on a plan", tag: "admin",
                      body: "SetUserPlan", response: ref("AdminDone")),
            Operation(method: "get", path: "/api/admin/plans", summary: "Every plan, active or not", tag: "admin",
                      response: ref("PlanList")),
            Operation(method: "put", path: "/api/admin/plans", summary: "Change a plan; its users get the new limits",
                      tag: "admin", body: "UpdatePlan", response: ref("UpdatedPlan")),
        ]
    }
}
