import Foundation
import ReachCore

/// The accounts routes' entries: onboarding, billing, usage, plans, webhooks, admin users and plans.
enum AccountsOpenAPI {
    typealias Operation = OpenAPIDocument.Operation
    typealias Parameter = OpenAPIDocument.Parameter
    static let string = OpenAPIDocument.string
    static let integer = OpenAPIDocument.integer
    static let boolean = OpenAPIDocument.boolean
    static let dateTime = OpenAPIDocument.dateTime
    static let uuid = OpenAPIDocument.uuid
    static func ref(_ name: String) -> JSONValue { OpenAPIDocument.ref(name) }
    static func object(_ properties: [String: JSONValue], required: [String] = []) -> JSONValue {
        OpenAPIDocument.object(properties, required: required)
    }
    static func array(_ items: JSONValue) -> JSONValue { OpenAPIDocument.array(items) }
    static func enumeration(_ values: [String]) -> JSONValue { OpenAPIDocument.enumeration(values) }

    static var operations: [Operation] {
        [
            Operation(method: "patch", path: "/api/onboarding/step-1", summary: "Onboarding step 1: full name and business name",
                      tag: "accounts", body: "OnboardingStepOne", response: ref("OnboardingStatus"),
                      errors: [400, 401, 404, 409, 413, 422, 503]),
            Operation(method: "patch", path: "/api/onboarding/step-2", summary: "Onboarding step 2: brand description (≥ 50 characters)",
                      tag: "accounts", body: "OnboardingStepTwo", response: ref("OnboardingStatus"),
                      errors: [400, 401, 404, 409, 413, 422, 503]),
            Operation(method: "post", path: "/api/onboarding/save-plan", summary: "The plan chosen before checkout",
                      tag: "accounts", body: "SavePlan", response: ref("OnboardingStatus")),
            Operation(method: "patch", path: "/api/onboarding/complete", summary: "Complete onboarding: the trial on the chosen plan",
                      tag: "accounts", response: ref("OnboardingStatus"), errors: [400, 401, 404, 409, 503]),
            Operation(method: "get", path: "/api/onboarding/status", summary: "Where the user is in onboarding",
                      tag: "accounts", response: ref("OnboardingStatus")),
            Operation(method: "get", path: "/api/billing/status", summary: "Plan, subscription, trial countdown, usage",
                      tag: "accounts", response: ref("BillingStatus")),
            Operation(method: "get", path: "/api/usage/summary", summary: "Campaign and creator usage against the plan",
                      tag: "accounts", response: ref("UsageSummary")),
            Operation(method: "get", path: "/api/plans", summary: "The plans on offer", tag: "accounts",
                      response: object(["plans": array(ref("SubscriptionPlan"))], required: ["plans"])),
            Operation(method: "post", path: "/api/webhooks/stripe", summary: "Stripe webhook (Stripe-Signature)",
                      tag: "webhooks", secured: false,
                      parameters: [Parameter(name: "Stripe-Signature", location: "header", schema: string, required: true,
                                             description: "t=<unix>,v1=<hex HMAC-SHA256>")],
                      body: "StripeEvent", response: ref("WebhookAnswer"), errors: [400, 413, 422, 503]),
            Operation(method: "post", path: "/api/webhooks/clerk", summary: "Clerk webhook (Svix signature)",
                      tag: "webhooks", secured: false,
                      parameters: [Parameter(name: "svix-id", location: "header", schema: string, required: true, description: "Message id"),
                                   Parameter(name: "svix-timestamp", location: "header", schema: string, required: true, description: "Unix time"),
                                   Parameter(name: "svix-signature", location: "header", schema: string, required: true, description: "v1,<base64>")],
                      body: "ClerkEvent", response: ref("WebhookAnswer"), errors: [400, 413, 422, 503]),
            Operation(method: "get", path: "/api/admin/users", summary: "Admin user search (substring, any case, newest first)",
                      tag: "admin",
                      parameters: [Parameter(name: "q", schema: ["type": "string", "maxLength": 200], description: "Name, e-mail, business…"),
                                   OpenAPIDocument.limit],
                      response: object(["users": array(ref("UserProfile"))], required: ["users"])),
            Operation(method: "get", path: "/api/admin/users/{userId}", summary: "A user's profile, searches and event timeline",
                      tag: "admin",
                      parameters: [Parameter(name: "userId", location: "path", schema: string, required: true, description: "Clerk user id")],
                      response: ref("UserDetail")),
            Operation(method: "post", path: "/api/admin/users/promote", summary: "Give a user admin rights", tag: "admin",
                      body: "PromoteUser", response: ref("UserProfile")),
            Operation(method: "post", path: "/api/admin/users/set-plan", summary: "Put a user on a plan", tag: "admin",
                      body: "SetUserPlan", response: ref("UserProfile")),
            Operation(method: "get", path: "/api/admin/plans", summary: "Every plan, active or not", tag: "admin",
                      response: object(["plans": array(ref("SubscriptionPlan"))], required: ["plans"])),
            Operation(method: "put", path: "/api/admin/plans", summary: "Change a plan; its users get the new limits",
                      tag: "admin", body: "UpdatePlan",
                      response: object(["plan": ref("SubscriptionPlan"), "usersUpdated": integer], required: ["plan", "usersUpdated"])),
        ]
    }

    static var schemas: [String: JSONValue] {
        let plans = PlanKey.allCases.map(\.rawValue)
        let meter = object(["used": integer, "limit": integer, "percentage": integer, "warning": string],
                           required: ["used", "limit", "percentage"])
        return [
            "OnboardingStepOne": object(["fullName": ["type": "string", "minLength": 1, "maxLength": 200],
                                         "businessName": ["type": "string", "minLength": 1, "maxLength": 200]],
                                        required: ["fullName", "businessName"]),
            "OnboardingStepTwo": object(["brandDescription": ["type": "string", "minLength": 50, "maxLength": 5_000]],
                                        required: ["brandDescription"]),
            "SavePlan": object(["selectedPlan": enumeration(["glow_up", "viral_surge", "fame_flex"])], required: ["selectedPlan"]),
            "OnboardingStatus": object([
                "userId": string, "step": enumeration(OnboardingStep.allCases.map(\.rawValue)),
                "onboardingStep": enumeration(OnboardingStep.allCases.map(\.rawValue)), "isCompleted": boolean,
                "fullName": string, "businessName": string, "brandDescription": string, "intendedPlan": enumeration(plans),
                "currentPlan": enumeration(plans), "trialStatus": enumeration(TrialStatus.allCases.map(\.rawValue)),
                "subscriptionStatus": enumeration(SubscriptionStatus.allCases.map(\.rawValue)),
            ], required: ["userId", "step", "isCompleted"]),
            "UsageSummary": object(["plan": enumeration(plans), "campaigns": meter, "creators": meter, "resetDate": dateTime],
                                   required: ["plan", "campaigns", "creators"]),
            "BillingStatus": object([
                "userId": string, "currentPlan": enumeration(plans), "intendedPlan": enumeration(plans), "planName": string,
                "subscriptionStatus": enumeration(SubscriptionStatus.allCases.map(\.rawValue)),
                "trialStatus": enumeration(TrialStatus.allCases.map(\.rawValue)), "isTrialing": boolean,
                "hasActiveSubscription": boolean, "trialStartDate": dateTime, "trialEndDate": dateTime,
                "trialConversionDate": dateTime, "daysRemaining": integer, "hoursRemaining": integer,
                "minutesRemaining": integer, "trialProgressPercentage": integer, "trialTimeRemaining": string,
                "stripeCustomerId": string, "stripeSubscriptionId": string, "canManageSubscription": boolean,
                "paymentMethod": object(["brand": string, "last4": string, "expMonth": integer, "expYear": integer]),
                "subscriptionRenewalDate": dateTime, "subscriptionCancelDate": dateTime, "billingSyncStatus": string,
                "lastWebhookEvent": string, "lastWebhookTimestamp": dateTime, "usageInfo": ref("UsageSummary"),
                "features": ["type": "object"],
            ], required: ["userId", "currentPlan", "subscriptionStatus", "trialStatus", "isTrialing", "daysRemaining",
                          "hoursRemaining", "minutesRemaining", "trialProgressPercentage", "usageInfo"]),
            "SubscriptionPlan": object([
                "id": uuid, "planKey": string, "displayName": string, "description": string, "monthlyPrice": integer,
                "yearlyPrice": integer, "stripeMonthlyPriceId": string, "stripeYearlyPriceId": string,
                "campaignsLimit": integer, "creatorsLimit": integer, "features": ["type": "object"], "isActive": boolean,
                "sortOrder": integer, "createdAt": dateTime, "updatedAt": dateTime,
            ], required: ["id", "planKey", "displayName", "monthlyPrice", "campaignsLimit", "creatorsLimit", "isActive"]),
            "StripeEvent": object(["id": string, "type": string, "created": integer,
                                   "data": object(["object": ["type": "object"]], required: ["object"])],
                                  required: ["id", "type", "data"]),
            "ClerkEvent": object(["type": string, "data": object(["id": string], required: ["id"])], required: ["type", "data"]),
            "WebhookAnswer": object(["received": boolean,
                                     "outcome": enumeration(["applied", "duplicate", "stale", "unmatched", "ignored"])],
                                    required: ["received", "outcome"]),
            "UserProfile": object([
                "id": uuid, "userId": string, "email": string, "fullName": string, "businessName": string,
                "onboardingStep": enumeration(OnboardingStep.allCases.map(\.rawValue)),
                "trialStatus": enumeration(TrialStatus.allCases.map(\.rawValue)), "currentPlan": enumeration(plans),
                "subscriptionStatus": enumeration(SubscriptionStatus.allCases.map(\.rawValue)), "isAdmin": boolean,
                "createdAt": dateTime, "updatedAt": dateTime, "signupTimestamp": dateTime,
            ], required: ["id", "userId", "onboardingStep", "createdAt"]),
            "UserDetail": object(["profile": ref("UserProfile"), "events": array(ref("Event")), "campaigns": integer,
                                  "searches": array(ref("ScrapingJob"))], required: ["profile", "events", "campaigns", "searches"]),
            "PromoteUser": object(["userId": string, "email": string]),
            "SetUserPlan": object(["userId": string, "plan": enumeration(plans)], required: ["userId", "plan"]),
            "UpdatePlan": object([
                "planKey": string, "displayName": string, "description": string,
                "monthlyPrice": ["type": "integer", "minimum": 0, "maximum": 2147483647],
                "yearlyPrice": ["type": "integer", "minimum": 0, "maximum": 2147483647],
                "campaignsLimit": ["type": "integer", "minimum": -1, "maximum": 2147483647],
                "creatorsLimit": ["type": "integer", "minimum": -1, "maximum": 2147483647],
                "features": ["type": "object"], "isActive": boolean,
            ], required: ["planKey"]),
        ]
    }
}
