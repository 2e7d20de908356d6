import Foundation
import ReachCore

/// The schemas of `/openapi.json`: every answer as the routes encode it. Answer objects refuse
/// members they do not list (`additionalProperties: false`), so the HTTP tests, which hold every
/// answer they receive to this document, fail when a route sends a field it does not document.
enum OpenAPISchemas {
    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static let string: JSONValue = ["type": "string"]
    static let uuid: JSONValue = ["type": "string", "format": "uuid"]
    static let dateTime: JSONValue = ["type": "string", "format": "date-time"]
    static let integer: JSONValue = ["type": "integer"]
    static let number: JSONValue = ["type": "number"]
    static let boolean: JSONValue = ["type": "boolean"]
    static let anyJSON: JSONValue = [:]
    static func array(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }
    static func enumeration(_ values: [String]) -> JSONValue { ["type": "string", "enum": .array(values.map(JSONValue.string))] }
    static func cases<Value: CaseIterable & RawRepresentable>(_ type: Value.Type) -> JSONValue where Value.RawValue == String {
        enumeration(Value.allCases.map(\.rawValue))
    }
    /// `schema`, or null (members the answer writes as null rather than leaving out).
    static func nullable(_ schema: JSONValue) -> JSONValue { ["anyOf": [schema, ["type": "null"]]] }

    /// An answer: exactly these members, `required` always present.
    static func answer(_ properties: [String: JSONValue], required: [String] = []) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "object", "properties": .object(properties), "additionalProperties": false]
        if !required.isEmpty { schema["required"] = .array(required.map(JSONValue.string)) }
        return .object(schema)
    }

    /// A request body: these members checked, others ignored (the platform's pages send more).
    static func body(_ properties: [String: JSONValue], required: [String] = []) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { schema["required"] = .array(required.map(JSONValue.string)) }
        return .object(schema)
    }

    static func merging(_ properties: [String: JSONValue], _ more: [String: JSONValue]) -> [String: JSONValue] {
        properties.merging(more) { _, new in new }
    }

    // MARK: Records, as they are encoded (absent members were NULL)

    static let campaignProperties: [String: JSONValue] = [
        "id": uuid, "userId": string, "name": string, "description": string,
        "searchType": cases(SearchType.self), "status": cases(CampaignStatus.self), "createdAt": dateTime, "updatedAt": dateTime,
    ]
    static let campaignRequired = ["id", "userId", "name", "searchType", "status", "createdAt", "updatedAt"]
    static let scrapingJobProperties: [String: JSONValue] = [
        "id": uuid, "userId": string, "campaignId": uuid, "status": cases(ScrapingJobStatus.self),
        "keywords": anyJSON, "targetUsername": string, "platform": cases(Platform.self), "searchParams": anyJSON,
        "processedRuns": integer, "processedResults": integer, "targetResults": integer, "cursor": integer,
        "progress": number, "qstashMessageId": string, "createdAt": dateTime, "startedAt": dateTime,
        "completedAt": dateTime, "timeoutAt": dateTime, "updatedAt": dateTime, "error": string,
        "runId": string, "region": string,
    ]
    static let scrapingJobRequired = ["id", "userId", "status", "platform", "processedRuns", "processedResults", "targetResults", "createdAt", "updatedAt", "region"]
    static let scrapingResultProperties: [String: JSONValue] = [
        "id": uuid, "jobId": uuid, "creators": array(anyJSON), "createdAt": dateTime,
        "cursor": integer,
    ]
    static let scrapingResultRequired = ["id", "creators", "createdAt"]
    static let userProfileProperties: [String: JSONValue] = [
        "id": uuid, "userId": string, "name": string, "companyName": string,
        "industry": string, "email": string, "signupTimestamp": dateTime, "onboardingStep": cases(OnboardingStep.self),
        "fullName": string, "businessName": string, "brandDescription": string, "emailScheduleStatus": anyJSON,
        "trialStartDate": dateTime, "trialEndDate": dateTime, "trialStatus": cases(TrialStatus.self), "currentPlan": cases(PlanKey.self),
        "intendedPlan": cases(PlanKey.self), "stripeCustomerId": string, "stripeSubscriptionId": string, "subscriptionStatus": cases(SubscriptionStatus.self),
        "paymentMethodId": string, "cardLast4": string, "cardBrand": string, "cardExpMonth": integer,
        "cardExpYear": integer, "billingAddressCity": string, "billingAddressCountry": string, "billingAddressPostalCode": string,
        "planCampaignsLimit": integer, "planCreatorsLimit": integer, "planFeatures": anyJSON, "usageCampaignsCurrent": integer,
        "usageCreatorsCurrentMonth": integer, "usageResetDate": dateTime, "lastWebhookEvent": string, "lastWebhookTimestamp": dateTime,
        "billingSyncStatus": string, "trialConversionDate": dateTime, "subscriptionCancelDate": dateTime, "subscriptionRenewalDate": dateTime,
        "isAdmin": boolean, "createdAt": dateTime, "updatedAt": dateTime,
        "clerkCustomerId": string, "clerkSubscriptionId": string,
    ]
    static let userProfileRequired = ["id", "userId", "signupTimestamp", "onboardingStep", "createdAt", "updatedAt"]
    static let systemConfigurationProperties: [String: JSONValue] = [
        "id": uuid, "category": string, "key": string, "value": string,
        "valueType": cases(ConfigValueType.self), "description": string, "isHotReloadable": enumeration(["true", "false"]), "createdAt": dateTime,
        "updatedAt": dateTime,
    ]
    static let systemConfigurationRequired = ["id", "category", "key", "value", "valueType", "isHotReloadable", "createdAt", "updatedAt"]
    static let subscriptionPlanProperties: [String: JSONValue] = [
        "id": uuid, "planKey": string, "displayName": string, "description": string,
        "monthlyPrice": integer, "yearlyPrice": integer, "stripeMonthlyPriceId": string, "stripeYearlyPriceId": string,
        "campaignsLimit": integer, "creatorsLimit": integer, "features": anyJSON, "isActive": boolean,
        "sortOrder": integer, "createdAt": dateTime, "updatedAt": dateTime,
    ]
    static let subscriptionPlanRequired = ["id", "planKey", "displayName", "monthlyPrice", "stripeMonthlyPriceId", "campaignsLimit", "creatorsLimit", "isActive", "createdAt", "updatedAt"]
    static let eventProperties: [String: JSONValue] = [
        "id": uuid, "aggregateId": string, "aggregateType": string, "eventType": string,
        "eventVersion": integer, "eventData": anyJSON, "metadata": anyJSON, "timestamp": dateTime,
        "processedAt": dateTime, "processingStatus": cases(EventProcessingStatus.self), "retryCount": integer, "error": string,
        "idempotencyKey": string, "sourceSystem": string, "correlationId": string, "causationId": string,
    ]
    static let eventRequired = ["id", "aggregateId", "aggregateType", "eventType", "eventVersion", "eventData", "timestamp", "processingStatus", "retryCount", "idempotencyKey", "sourceSystem"]
    static let backgroundJobProperties: [String: JSONValue] = [
        "id": uuid, "jobType": string, "payload": anyJSON, "status": cases(BackgroundJobStatus.self),
        "qstashMessageId": string, "priority": integer, "maxRetries": integer, "retryCount": integer,
        "scheduledFor": dateTime, "startedAt": dateTime, "completedAt": dateTime, "failedAt": dateTime,
        "error": string, "result": anyJSON, "createdAt": dateTime, "updatedAt": dateTime,
        "leaseExpiresAt": dateTime, "leasedBy": string, "dedupeKey": string,
    ]
    static let backgroundJobRequired = ["id", "jobType", "payload", "status", "priority", "maxRetries", "retryCount", "scheduledFor", "createdAt", "updatedAt"]

    // MARK: Answers

    static var all: [String: JSONValue] {
        let problem = answer([
            "type": string, "title": string, "status": integer, "detail": string, "code": string, "error": string,
            "message": string, "upgrade": boolean, "currentUsage": integer, "limit": integer, "usagePercentage": integer,
            "recommendedPlan": string, "warningThreshold": integer, "searchType": cases(SearchType.self),
            "platform": cases(Platform.self), "currentPlan": cases(PlanKey.self), "reason": string, "paymentFailedAt": dateTime,
        ], required: ["type", "title", "status", "detail", "code", "error"])
        let jobSummary = answer(["id": uuid, "status": cases(ScrapingJobStatus.self), "createdAt": dateTime],
                                required: ["id", "status", "createdAt"])
        let trialProperties: [String: JSONValue] = [
            "status": cases(TrialStatus.self), "startDate": dateTime, "endDate": dateTime, "daysRemaining": integer,
            "hoursRemaining": integer, "minutesRemaining": integer, "progressPercentage": integer, "timeUntilExpiry": string,
            "isExpired": boolean,
        ]
        let trial = answer(trialProperties, required: ["status", "startDate", "endDate", "daysRemaining", "hoursRemaining", "minutesRemaining",
                      "progressPercentage", "timeUntilExpiry", "isExpired"])
        let onboardingStatus: [String: JSONValue] = [
            "userId": string, "onboardingStep": cases(OnboardingStep.self), "fullName": string, "businessName": string,
            "brandDescription": string, "signupTimestamp": dateTime, "step": cases(OnboardingStep.self), "isCompleted": boolean,
            "intendedPlan": cases(PlanKey.self), "currentPlan": cases(PlanKey.self), "trialStatus": cases(TrialStatus.self),
            "subscriptionStatus": cases(SubscriptionStatus.self),
        ]
        let onboardingRequired = ["userId", "onboardingStep", "signupTimestamp", "step", "isCompleted"]
        let meter = answer(["used": integer, "limit": integer, "percentage": integer, "warning": string],
                           required: ["used", "limit", "percentage"])
        let usage = answer(["plan": cases(PlanKey.self), "campaigns": meter, "creators": meter, "resetDate": dateTime,
                            "paymentPastDue": boolean, "paymentFailedAt": dateTime],
                           required: ["plan", "campaigns", "creators", "paymentPastDue"])
        let summaryMeter = answer([
            "used": integer, "remaining": nullable(integer), "limit": nullable(integer), "percentage": integer, "warning": string,
        ], required: ["used", "remaining", "limit", "percentage"])
        let nullableText = nullable(string)
        let seconds = nullable(integer)
        let snakeRow: [String: JSONValue] = [
            "user_id": string, "full_name": nullableText, "business_name": nullableText, "trial_start_date": nullable(dateTime),
            "trial_end_date": nullable(dateTime), "trial_status": nullable(cases(TrialStatus.self)),
            "onboarding_step": cases(OnboardingStep.self), "stripe_customer_id": nullableText, "computed_trial_status": string,
            "time_remaining": string,
        ]
        return [
            "Problem": problem,
            "Message": answer(["message": string], required: ["message"]),
            "Campaign": answer(campaignProperties, required: campaignRequired),
            "CampaignSummary": answer(merging(campaignProperties, ["scrapingJobs": array(jobSummary)]),
                                      required: campaignRequired + ["scrapingJobs"]),
            "CampaignList": answer([
                "campaigns": array(ref("CampaignSummary")),
                "pagination": answer(["total": integer, "pages": integer, "currentPage": integer, "limit": integer, "page": integer,
                                      "totalPages": integer], required: ["total", "pages", "currentPage", "limit"]),
            ], required: ["campaigns", "pagination"]),
            "CampaignWithJobs": answer(merging(campaignProperties, ["scrapingJobs": array(ref("JobWithResults"))]),
                                       required: campaignRequired + ["scrapingJobs"]),
            "Allowance": answer([
                "allowed": boolean, "canCreate": boolean, "message": string, "currentUsage": integer, "limit": integer,
                "usagePercentage": integer, "upgrade": boolean, "recommendedPlan": string, "warning": string,
            ], required: ["allowed", "canCreate", "message", "currentUsage", "limit", "usagePercentage", "upgrade"]),
            "ScrapingJob": answer(scrapingJobProperties, required: scrapingJobRequired),
            "ScrapingResult": answer(scrapingResultProperties, required: scrapingResultRequired),
            "JobWithResults": answer(
                merging(scrapingJobProperties, ["results": array(ref("ScrapingResult")), "resultsOmitted": boolean]),
                required: scrapingJobRequired + ["results"]),
            "StartAnswer": answer([
                "success": boolean, "message": string, "jobId": uuid, "qstashMessageId": string,
                "status": cases(ScrapingJobStatus.self), "platform": cases(Platform.self), "targetUsername": string,
                "job": ref("ScrapingJob"),
            ], required: ["success", "message", "jobId", "status", "platform", "job"]),
            "PollAnswer": answer([
                "jobId": uuid, "id": uuid, "status": cases(ScrapingJobStatus.self), "platform": cases(Platform.self),
                "searchType": cases(SearchType.self), "keywords": anyJSON, "targetUsername": string, "progress": number,
                "processedResults": integer, "processedRuns": integer, "targetResults": integer, "error": string,
                "createdAt": dateTime, "startedAt": dateTime, "completedAt": dateTime, "results": array(ref("ScrapingResult")),
                "creators": array(anyJSON),
                "job": answer([
                    "id": uuid, "status": cases(ScrapingJobStatus.self), "progress": number, "processedResults": integer,
                    "targetResults": integer, "keywords": anyJSON, "platform": cases(Platform.self), "error": string,
                    "createdAt": dateTime, "completedAt": dateTime,
                ], required: ["id", "status", "progress", "processedResults", "targetResults", "platform", "createdAt"]),
                "apiStatus": answer(["processedRuns": integer, "processedResults": integer], required: ["processedRuns", "processedResults"]),
            ], required: ["jobId", "id", "status", "platform", "searchType", "progress", "processedResults", "processedRuns",
                          "targetResults", "createdAt", "results"]),
            "CancelAnswer": answer(["message": string, "job": ref("ScrapingJob")], required: ["message", "job"]),
            "Creator": answer([
                "id": integer, "userId": string, "platform": cases(Platform.self), "handle": string, "name": string, "bio": string,
                "followers": integer, "verified": boolean, "emails": array(string), "avatarUrl": string, "profileUrl": string,
                "lastSeenAt": dateTime, "resultId": uuid, "position": integer,
            ], required: ["id", "userId", "platform", "handle", "followers", "verified", "emails", "lastSeenAt"]),
            "CreatorPage": answer(["creators": array(ref("Creator")), "nextCursor": string, "hasMore": boolean, "total": integer],
                                  required: ["creators", "hasMore"]),
            "SystemConfiguration": answer(systemConfigurationProperties, required: systemConfigurationRequired),
            "ConfigList": answer([
                "configurations": ["type": "object", "additionalProperties": array(ref("SystemConfiguration"))],
                "categories": array(string), "totalCount": integer,
            ], required: ["configurations", "categories", "totalCount"]),
            "ConfigValue": answer([
                "category": string, "key": string, "value": string, "valueType": cases(ConfigValueType.self), "description": string,
            ], required: ["category", "key", "value", "valueType"]),
            "ConfigSaved": answer([
                "success": boolean, "message": string, "category": string, "key": string, "value": string,
                "configuration": ref("SystemConfiguration"),
            ], required: ["success", "message", "category", "key", "value", "configuration"]),
            "ConfigBulkSaved": answer([
                "success": boolean, "message": string,
                "results": array(answer(["success": boolean, "key": string, "category": string, "error": string],
                                        required: ["success", "key", "category"])),
            ], required: ["success", "message", "results"]),
            "ConfigDeleted": answer(["success": boolean, "message": string, "category": string, "key": string],
                                    required: ["success", "message", "category", "key"]),
            "ConfigInitialized": answer(["success": boolean, "message": string, "timestamp": dateTime, "added": integer],
                                        required: ["success", "message", "timestamp", "added"]),
            "ConfigInitialization": answer([
                "isInitialized": boolean, "configuredCategories": array(string), "expectedCategories": array(string),
                "totalConfigurations": integer,
            ], required: ["isInitialized", "configuredCategories", "expectedCategories", "totalConfigurations"]),
            "Event": answer(eventProperties, required: eventRequired),
            "EventPage": answer(["events": array(ref("Event")), "nextCursor": string], required: ["events"]),
            "BackgroundJob": answer(backgroundJobProperties, required: backgroundJobRequired),
            "JobQueue": answer([
                "jobs": array(ref("BackgroundJob")), "nextCursor": string,
                "counts": ["type": "object", "additionalProperties": integer], "oldestPendingAgeSeconds": number,
            ], required: ["jobs", "counts"]),
            "OnboardingStatus": answer(onboardingStatus, required: onboardingRequired),
            "OnboardingStepAnswer": answer(merging(onboardingStatus, [
                "success": boolean, "message": string,
                "data": answer(["requestId": string, "executionTime": integer, "nextStep": integer],
                               required: ["requestId", "executionTime", "nextStep"]),
            ]), required: onboardingRequired + ["success", "message", "data"]),
            "OnboardingSaved": answer(merging(onboardingStatus, ["success": boolean]), required: onboardingRequired + ["success"]),
            "OnboardingCompleted": answer([
                "success": boolean, "message": string,
                "onboarding": answer(["step": cases(OnboardingStep.self), "completedAt": dateTime], required: ["step", "completedAt"]),
                "trial": trial,
                "stripe": answer(["customerId": string, "subscriptionId": string, "checkoutSessionId": string, "isMock": boolean],
                                 required: ["isMock"]),
                "emails": answer([
                    "scheduled": boolean,
                    "results": array(answer(["type": cases(TrialEmail.self), "scheduledFor": dateTime], required: ["type", "scheduledFor"])),
                ], required: ["scheduled", "results"]),
            ], required: ["success", "message", "onboarding", "stripe", "emails"]),
            "OnboardingCompletion": answer([
                "onboarding": answer(["step": cases(OnboardingStep.self), "isCompleted": boolean], required: ["step", "isCompleted"]),
                "trial": answer(["status": cases(TrialStatus.self), "startDate": dateTime, "endDate": dateTime, "hasTrialData": boolean],
                                required: ["hasTrialData"]),
                "stripe": answer(["customerId": string, "subscriptionId": string, "hasStripeData": boolean], required: ["hasStripeData"]),
            ], required: ["onboarding", "trial", "stripe"]),
            "TrialSummary": trial,
            "BillingStatus": answer([
                "currentPlan": cases(PlanKey.self), "isTrialing": boolean, "hasActiveSubscription": boolean,
                "trialStatus": cases(TrialStatus.self), "daysRemaining": integer, "hoursRemaining": integer,
                "minutesRemaining": integer, "subscriptionStatus": cases(SubscriptionStatus.self),
                "usageInfo": answer([
                    "campaignsUsed": integer, "creatorsUsed": integer, "progressPercentage": integer, "campaignsLimit": integer,
                    "creatorsLimit": integer,
                ], required: ["campaignsUsed", "creatorsUsed", "progressPercentage", "campaignsLimit", "creatorsLimit"]),
                "stripeCustomerId": string, "stripeSubscriptionId": string, "nextBillingDate": dateTime, "billingAmount": integer,
                "billingCycle": string,
                "paymentMethod": answer(["brand": string, "last4": string, "expiryMonth": integer, "expiryYear": integer]),
                "trialEndsAt": string, "canManageSubscription": boolean, "trialProgressPercentage": integer,
                "trialTimeRemaining": string, "trialStartDate": dateTime, "trialEndDate": dateTime, "lastWebhookEvent": string,
                "lastWebhookTimestamp": dateTime, "billingSyncStatus": string, "userId": string, "intendedPlan": cases(PlanKey.self),
                "planName": string, "trialConversionDate": dateTime, "subscriptionRenewalDate": dateTime,
                "subscriptionCancelDate": dateTime, "features": anyJSON, "usage": usage,
                "paymentPastDue": boolean, "paymentFailedAt": dateTime,
            ], required: ["currentPlan", "isTrialing", "hasActiveSubscription", "trialStatus", "daysRemaining", "hoursRemaining",
                          "minutesRemaining", "subscriptionStatus", "usageInfo", "billingAmount", "billingCycle",
                          "canManageSubscription", "trialProgressPercentage", "trialTimeRemaining", "userId", "planName",
                          "features", "usage", "paymentPastDue"]),
            "UsageSummary": answer([
                "currentPlan": cases(PlanKey.self), "campaigns": summaryMeter, "creators": summaryMeter, "plan": cases(PlanKey.self),
                "resetDate": dateTime, "paymentPastDue": boolean,
            ], required: ["currentPlan", "campaigns", "creators", "paymentPastDue"]),
            "SubscriptionStatus": answer([
                "subscription": nullable(answer([
                    "id": string, "status": string, "current_period_end": seconds, "cancel_at_period_end": boolean,
                    "canceled_at": seconds, "created": seconds, "trial_end": seconds, "latest_invoice": nullableText,
                ], required: ["id", "status", "current_period_end", "cancel_at_period_end", "canceled_at", "created", "trial_end",
                              "latest_invoice"])),
                "status": string,
                "trial": answer(["isInTrial": boolean, "trialEnd": integer, "daysRemaining": integer], required: ["isInTrial", "daysRemaining"]),
                "access": answer(["hasAccess": boolean, "requiresAction": boolean, "reason": string],
                                 required: ["hasAccess", "requiresAction", "reason"]),
                "payment": answer(["nextPaymentDate": dateTime, "lastPaymentStatus": string, "paymentMethodLast4": string]),
            ], required: ["subscription", "status", "access"]),
            "Profile": answer([
                "id": uuid, "userId": string, "name": nullableText, "companyName": nullableText, "industry": nullableText,
                "email": nullableText, "signupTimestamp": dateTime, "onboardingStep": cases(OnboardingStep.self),
                "fullName": nullableText, "businessName": nullableText, "brandDescription": nullableText,
                "emailScheduleStatus": anyJSON,
                "trialData": nullable(answer(merging(trialProperties, [
                    "stripeCustomerId": nullableText, "stripeSubscriptionId": nullableText,
                    "subscriptionStatus": nullable(cases(SubscriptionStatus.self)),
                ]))),
                "createdAt": dateTime, "updatedAt": dateTime,
            ], required: ["id", "userId", "name", "companyName", "industry", "email", "signupTimestamp", "onboardingStep",
                          "trialData", "createdAt", "updatedAt"]),
            "SubscriptionPlan": answer(subscriptionPlanProperties, required: subscriptionPlanRequired),
            "PlanList": answer(["plans": array(ref("SubscriptionPlan"))], required: ["plans"]),
            "UserProfile": answer(userProfileProperties, required: userProfileRequired),
            "UserSearchRow": answer(merging(userProfileProperties, snakeRow), required: userProfileRequired + Array(snakeRow.keys)),
            "UserSearch": answer([
                "users": array(ref("UserSearchRow")), "query": string, "count": integer, "searchMethod": string, "cached": boolean,
            ], required: ["users", "query", "count", "searchMethod"]),
            "UserDetail": answer(["profile": ref("UserProfile"), "events": array(ref("Event")), "campaigns": integer,
                                  "searches": array(ref("ScrapingJob"))], required: ["profile", "events", "campaigns", "searches"]),
            "AdminDone": answer(["success": boolean, "message": string, "user": ref("UserProfile")], required: ["success", "message", "user"]),
            "UpdatedPlan": answer(["success": boolean, "plan": ref("SubscriptionPlan"), "usersUpdated": integer],
                                  required: ["success", "plan", "usersUpdated"]),
            "AdminBilling": answer([
                "userId": string, "currentPlan": cases(PlanKey.self), "isActive": boolean, "isTrialing": boolean,
                "daysRemaining": integer, "subscriptionId": string, "customerId": string,
                "subscriptionStatus": cases(SubscriptionStatus.self), "trialStatus": cases(TrialStatus.self),
            ], required: ["userId", "currentPlan", "isActive", "isTrialing", "daysRemaining", "subscriptionStatus", "trialStatus"]),
            "WebhookAnswer": answer(["received": boolean, "outcome": enumeration(["applied", "duplicate", "stale", "unmatched", "ignored"])],
                                    required: ["received", "outcome"]),
            "Health": answer(["status": string, "migrations": integer, "version": string], required: ["status", "migrations"]),
            "TestUserCreated": answer(["userId": string, "token": string, "profile": ref("UserProfile")],
                                      required: ["userId", "token", "profile"]),
            "TestClock": answer(["now": dateTime], required: ["now"]),
            "TestWork": answer(["ran": integer, "pending": integer], required: ["ran", "pending"]),
            "TestEmails": answer(["emails": array(answer([
                "type": cases(TrialEmail.self), "userId": string, "to": string, "subject": string, "status": string,
                "dueAt": dateTime, "sentAt": dateTime, "messageId": string,
            ], required: ["type", "userId", "subject", "status"]))], required: ["emails"]),
            "TestTimed": answer(["name": string, "ms": number], required: ["ms"]),
            "TestDeleted": answer(["name": string, "deleted": boolean], required: ["name", "deleted"]),
        ].merging(OpenAPIRequests.all) { answer, _ in answer }
    }
}
