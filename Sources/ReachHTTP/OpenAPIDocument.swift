import Foundation
import ReachCore

/// The OpenAPI 3.1 document of every route, served at `/openapi.json`.
///
/// Written out by hand, one entry per operation with its success schema and its problem+json
/// errors; a test holds it to the routes the router registered.
enum OpenAPIDocument {
    struct Parameter {
        var name: String
        var location = "query"
        var schema: JSONValue
        var required = false
        var description: String
    }

    struct Operation {
        var method: String
        var path: String
        var summary: String
        var tag: String
        var secured = true
        var parameters: [Parameter] = []
        var body: String? = nil
        var status = 200
        var response: JSONValue
        var contentType = "application/json"
        var errors: [Int] = [400, 401, 403, 404, 413, 422, 503]
        /// Dashboard pages answer errors as HTML pages, and their forms are URL-encoded.
        var html = false
        var form: JSONValue? = nil
        var redirects = false
    }

    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static let string: JSONValue = ["type": "string"]
    static let uuid: JSONValue = ["type": "string", "format": "uuid"]
    static let dateTime: JSONValue = ["type": "string", "format": "date-time"]
    static let integer: JSONValue = ["type": "integer"]
    static let number: JSONValue = ["type": "number"]
    static let boolean: JSONValue = ["type": "boolean"]
    static func array(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }
    static func enumeration(_ values: [String]) -> JSONValue { ["type": "string", "enum": .array(values.map(JSONValue.string))] }
    static func object(_ properties: [String: JSONValue], required: [String] = [], additional: Bool = true) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { schema["required"] = .array(required.map(JSONValue.string)) }
        if !additional { schema["additionalProperties"] = false }
        return .object(schema)
    }
    static let anyJSON: JSONValue = [:]

    static func idParameter(_ what: String) -> Parameter {
        Parameter(name: "id", location: "path", schema: uuid, required: true, description: "The \(what)'s id")
    }

    static let limit = Parameter(name: "limit", schema: ["type": "integer", "minimum": 1, "maximum": 500], description: "Page size (default 50)")
    static let cursor = Parameter(name: "cursor", schema: ["type": "string", "maxLength": 500], description: "From the previous page's nextCursor")

    static var operations: [Operation] {
        var operations: [Operation] = [
            Operation(method: "get", path: "/healthz", summary: "Liveness and database check", tag: "system", secured: false,
                      response: object(["status": string, "migrations": integer], required: ["status", "migrations"]), errors: [503]),
            Operation(method: "get", path: "/metrics", summary: "Prometheus metrics", tag: "system", secured: false,
                      response: string, contentType: "text/plain", errors: [503]),
            Operation(method: "get", path: "/openapi.json", summary: "This document", tag: "system", secured: false,
                      response: ["type": "object"], errors: []),
            Operation(method: "get", path: "/api/campaigns", summary: "The user's campaigns, newest first", tag: "campaigns",
                      parameters: [Parameter(name: "page", schema: ["type": "integer", "minimum": 1, "maximum": 1_000_000], description: "From 1"),
                                   Parameter(name: "limit", schema: ["type": "integer", "minimum": 1, "maximum": 100], description: "Default 10")],
                      response: ref("CampaignList")),
            Operation(method: "post", path: "/api/campaigns", summary: "Create a campaign (plan limits apply)", tag: "campaigns",
                      body: "CreateCampaign", status: 201, response: ref("Campaign")),
            Operation(method: "get", path: "/api/campaigns/can-create", summary: "Whether the plan allows another campaign",
                      tag: "campaigns", response: ref("Allowance")),
            Operation(method: "get", path: "/api/campaigns/{id}", summary: "A campaign with its searches and results",
                      tag: "campaigns", parameters: [idParameter("campaign")], response: ref("CampaignWithJobs")),
            Operation(method: "patch", path: "/api/campaigns/{id}", summary: "Change name, description or status",
                      tag: "campaigns", parameters: [idParameter("campaign")], body: "UpdateCampaign", response: ref("Campaign")),
            Operation(method: "post", path: "/api/campaigns/{id}/archive", summary: "Archive a campaign", tag: "campaigns",
                      parameters: [idParameter("campaign")], response: ref("Campaign")),
            Operation(method: "get", path: "/api/jobs/{id}", summary: "A search's status and counters", tag: "searches",
                      parameters: [idParameter("job")], response: ref("ScrapingJob")),
            Operation(method: "delete", path: "/api/jobs/{id}", summary: "Cancel a search that has not finished",
                      tag: "searches", parameters: [idParameter("job")],
                      response: object(["message": string, "job": ref("ScrapingJob")], required: ["message", "job"]),
                      errors: [400, 401, 403, 404, 409, 503]),
            Operation(method: "get", path: "/api/jobs/{id}/events", summary: "Live progress as Server-Sent Events",
                      tag: "searches", parameters: [idParameter("job")], response: string, contentType: "text/event-stream"),
            Operation(method: "get", path: "/api/creators", summary: "Creators the user's searches found, de-duplicated",
                      tag: "creators",
                      parameters: [
                        Parameter(name: "q", schema: ["type": "string", "maxLength": 200], description: "Substring of handle, name or bio"),
                        Parameter(name: "platform", schema: enumeration(["tiktok", "instagram", "youtube", "TikTok", "Instagram", "YouTube"]), description: "Platform"),
                        Parameter(name: "minFollowers", schema: ["type": "integer", "minimum": 0, "maximum": 2147483647], description: "At least"),
                        Parameter(name: "maxFollowers", schema: ["type": "integer", "minimum": 0, "maximum": 2147483647], description: "At most"),
                        Parameter(name: "verified", schema: boolean, description: "Verified accounts only / unverified only"),
                        Parameter(name: "hasEmail", schema: boolean, description: "With / without an e-mail address"),
                        Parameter(name: "campaignId", schema: uuid, description: "Found by this campaign's searches"),
                        Parameter(name: "sort", schema: enumeration(CreatorSort.allCases.map(\.rawValue)), description: "Order"),
                        Parameter(name: "allUsers", schema: boolean, description: "Every user's creators (admins)"),
                        limit, cursor,
                      ],
                      response: ref("CreatorPage")),
            Operation(method: "get", path: "/api/export/csv", summary: "Creators of a search or campaign as CSV",
                      tag: "searches",
                      parameters: [Parameter(name: "jobId", schema: uuid, description: "A search"),
                                   Parameter(name: "campaignId", schema: uuid, description: "Or a campaign")],
                      response: string, contentType: "text/csv"),
            Operation(method: "get", path: "/api/admin/config", summary: "Every setting", tag: "admin",
                      parameters: [Parameter(name: "category", schema: ["type": "string", "maxLength": 50], description: "One category")],
                      response: object(["configurations": array(ref("SystemConfiguration"))], required: ["configurations"])),
            Operation(method: "post", path: "/api/admin/config", summary: "Add a setting", tag: "admin", body: "CreateConfig",
                      status: 201, response: ref("SystemConfiguration"), errors: [400, 401, 403, 409, 413, 422, 503]),
            Operation(method: "put", path: "/api/admin/config", summary: "Change a setting (checked against its type)",
                      tag: "admin", body: "UpdateConfig", response: ref("SystemConfiguration")),
            Operation(method: "delete", path: "/api/admin/config", summary: "Remove a setting (reads fall back to its default)",
                      tag: "admin",
                      parameters: [Parameter(name: "category", schema: ["type": "string", "maxLength": 50], required: true, description: "Category"),
                                   Parameter(name: "key", schema: ["type": "string", "maxLength": 100], required: true, description: "Key")],
                      response: ref("Message")),
            Operation(method: "post", path: "/api/admin/config/init", summary: "Add the missing default settings",
                      tag: "admin", response: object(["message": string, "added": integer], required: ["message", "added"])),
            Operation(method: "get", path: "/api/admin/events", summary: "The event log, newest first", tag: "admin",
                      parameters: [Parameter(name: "aggregateId", schema: ["type": "string", "maxLength": 200], description: "A user id, job id…"),
                                   Parameter(name: "eventType", schema: ["type": "string", "maxLength": 100], description: "e.g. trial_started"),
                                   limit, cursor],
                      response: object(["events": array(ref("Event")), "nextCursor": string], required: ["events"])),
            Operation(method: "get", path: "/api/admin/jobs", summary: "The background job queue", tag: "admin",
                      parameters: [Parameter(name: "status", schema: enumeration(BackgroundJobStatus.allCases.map(\.rawValue)), description: "Status"),
                                   Parameter(name: "jobType", schema: ["type": "string", "maxLength": 100], description: "Job type"),
                                   limit, cursor],
                      response: ref("JobQueue")),
            Operation(method: "post", path: "/api/admin/jobs/{id}/retry", summary: "Run a failed or cancelled job again",
                      tag: "admin", parameters: [idParameter("job")], response: ref("BackgroundJob"),
                      errors: [400, 401, 403, 404, 409, 503]),
        ]
        for route in SearchesController.routes {
            let keyword = route.type == .keyword
            operations.append(Operation(
                method: "post", path: "/api/scraping/\(route.path)",
                summary: "Start a \(route.platform.rawValue) \(route.type.rawValue) search", tag: "searches",
                body: !keyword ? "StartSimilarSearch" : route.platform == .instagram ? "StartReelsSearch" : "StartKeywordSearch",
                response: ref("StartAnswer")))
            operations.append(Operation(
                method: "get", path: "/api/scraping/\(route.path)",
                summary: "Poll a \(route.platform.rawValue) \(route.type.rawValue) search", tag: "searches",
                parameters: [Parameter(name: "jobId", schema: uuid, required: true, description: "From the POST's answer")],
                response: ref("PollAnswer")))
        }
        return operations + AccountsOpenAPI.operations + dashboard
    }

    /// The dashboard's pages and forms: HTML, a session cookie, and 303 redirects.
    static var dashboard: [Operation] {
        func pageOperation(_ path: String, _ summary: String, parameters: [Parameter] = []) -> Operation {
            Operation(method: "get", path: path, summary: summary, tag: "dashboard", secured: false, parameters: parameters,
                      response: string, contentType: "text/html", errors: [400, 403, 404], html: true, redirects: true)
        }
        func formOperation(_ path: String, _ summary: String, fields: [String], parameters: [Parameter] = []) -> Operation {
            Operation(method: "post", path: path, summary: summary, tag: "dashboard", secured: false, parameters: parameters,
                      status: 303, response: string, contentType: "text/html", errors: [400, 403, 413],
                      html: true, form: object(Dictionary(uniqueKeysWithValues: (fields + ["csrf"]).map { ($0, string) })))
        }
        let userId = Parameter(name: "userId", location: "path", schema: string, required: true, description: "Clerk user id")
        let asset = { (path: String, type: String) in
            Operation(method: "get", path: path, summary: "Dashboard asset", tag: "dashboard", secured: false, response: string,
                      contentType: type, errors: [])
        }
        return [
            Operation(method: "get", path: "/", summary: "Sign-in page", tag: "dashboard", secured: false, response: string,
                      contentType: "text/html", errors: [], html: true, redirects: true),
            formOperation("/session", "Sign in (demo user, demo admin, or a token)", fields: ["as", "token"]),
            formOperation("/session/delete", "Sign out", fields: []),
            pageOperation("/campaigns", "Campaigns"),
            formOperation("/campaigns", "Create a campaign", fields: ["name", "description", "searchType"]),
            pageOperation("/campaigns/{id}", "A campaign: searches with live progress, creators, CSV",
                          parameters: [idParameter("campaign")]),
            formOperation("/campaigns/{id}/searches", "Start a search", fields: ["platform", "mode", "query", "target"],
                          parameters: [idParameter("campaign")]),
            pageOperation("/account", "Onboarding, trial, plan and usage"),
            formOperation("/account/onboarding/1", "Onboarding step 1", fields: ["fullName", "businessName"]),
            formOperation("/account/onboarding/2", "Onboarding step 2", fields: ["brandDescription"]),
            formOperation("/account/onboarding/complete", "Complete onboarding", fields: []),
            formOperation("/account/checkout", "Choose a plan (mock checkout)", fields: ["plan"]),
            pageOperation("/admin", "Admin: user search",
                          parameters: [Parameter(name: "q", schema: ["type": "string", "maxLength": 200], description: "Substring")]),
            pageOperation("/admin/users/{userId}", "Admin: a user's page", parameters: [userId]),
            formOperation("/admin/users/{userId}/promote", "Admin: make a user admin", fields: [], parameters: [userId]),
            formOperation("/admin/users/{userId}/plan", "Admin: set a user's plan", fields: ["plan"], parameters: [userId]),
            pageOperation("/admin/config", "Admin: the configuration editor"),
            formOperation("/admin/config", "Admin: save a setting", fields: ["category", "key", "value"]),
            pageOperation("/admin/jobs", "Admin: the job queue",
                          parameters: [Parameter(name: "status", schema: enumeration(BackgroundJobStatus.allCases.map(\.rawValue)), description: "Status")]),
            formOperation("/admin/jobs/{id}/retry", "Admin: retry a job", fields: [], parameters: [idParameter("job")]),
            pageOperation("/admin/events", "Admin: the event log",
                          parameters: [Parameter(name: "aggregateId", schema: ["type": "string", "maxLength": 200], description: "Aggregate"),
                                       Parameter(name: "eventType", schema: ["type": "string", "maxLength": 100], description: "Event type")]),
            asset("/assets/reach.css", "text/css"),
            asset("/assets/reach.js", "text/javascript"),
        ]
    }

    static var schemas: [String: JSONValue] {
        let campaign = object([
            "id": uuid, "userId": string, "name": string, "description": string,
            "searchType": enumeration(SearchType.allCases.map(\.rawValue)),
            "status": enumeration(CampaignStatus.allCases.map(\.rawValue)), "createdAt": dateTime, "updatedAt": dateTime,
        ], required: ["id", "userId", "name", "searchType", "status", "createdAt", "updatedAt"])
        let jobProperties: [String: JSONValue] = [
            "id": uuid, "userId": string, "campaignId": uuid, "status": enumeration(ScrapingJobStatus.allCases.map(\.rawValue)),
            "keywords": anyJSON, "targetUsername": string, "platform": enumeration(Platform.allCases.map(\.rawValue)),
            "searchParams": anyJSON, "processedRuns": integer, "processedResults": integer, "targetResults": integer,
            "cursor": integer, "progress": number, "qstashMessageId": string, "createdAt": dateTime, "startedAt": dateTime,
            "completedAt": dateTime, "timeoutAt": dateTime, "updatedAt": dateTime, "error": string,
        ]
        let jobRequired = ["id", "userId", "status", "platform", "processedRuns", "processedResults", "targetResults",
                           "createdAt", "updatedAt"]
        let result = object(["id": uuid, "jobId": uuid, "creators": array(anyJSON), "createdAt": dateTime, "cursor": integer],
                            required: ["id", "creators", "createdAt"])
        var jobWithResults = jobProperties
        jobWithResults["results"] = array(ref("ScrapingResult"))
        var campaignWithJobs = campaign.objectValue!["properties"]!.objectValue!
        campaignWithJobs["scrapingJobs"] = array(ref("JobWithResults"))
        return [
            "Problem": object([
                "type": string, "title": string, "status": integer, "detail": string, "code": string,
                "error": string, "message": string, "upgrade": boolean, "currentUsage": integer, "limit": integer,
                "usagePercentage": integer, "recommendedPlan": string,
            ], required: ["type", "title", "status", "detail", "code"]),
            "Message": object(["message": string], required: ["message"]),
            "Campaign": campaign,
            "CampaignList": object([
                "campaigns": array(ref("Campaign")),
                "pagination": object(["total": integer, "page": integer, "limit": integer, "totalPages": integer],
                                     required: ["total", "page", "limit", "totalPages"]),
            ], required: ["campaigns", "pagination"]),
            "CampaignWithJobs": object(campaignWithJobs, required: ["id", "name", "scrapingJobs"]),
            "CreateCampaign": object(["name": ["type": "string", "minLength": 1, "maxLength": 200],
                                      "description": ["type": "string", "maxLength": 5_000],
                                      "searchType": enumeration(SearchType.allCases.map(\.rawValue))], required: ["name"]),
            "UpdateCampaign": object(["name": ["type": "string", "minLength": 1, "maxLength": 200],
                                      "description": ["type": .array(["string", "null"]), "maxLength": 5_000],
                                      "status": enumeration(CampaignStatus.allCases.map(\.rawValue))]),
            "Allowance": object([
                "canCreate": boolean, "message": string, "currentUsage": integer, "limit": integer,
                "usagePercentage": integer, "upgrade": boolean, "recommendedPlan": string, "warning": string,
            ], required: ["canCreate", "message", "currentUsage", "limit", "usagePercentage", "upgrade"]),
            "ScrapingJob": object(jobProperties, required: jobRequired),
            "ScrapingResult": result,
            "JobWithResults": object(jobWithResults, required: jobRequired + ["results"]),
            "StartKeywordSearch": object([
                "keywords": ["type": "array", "items": ["type": "string", "minLength": 1, "maxLength": 100], "minItems": 1, "maxItems": 20],
                "targetResults": ["type": .array(["integer", "null"]), "enum": [100, 500, 1000, .null]],
                "campaignId": ["type": .array(["string", "null"]), "format": "uuid"],
            ], required: ["keywords"]),
            "StartReelsSearch": object([
                "keywords": ["type": "array", "items": ["type": "string", "minLength": 1, "maxLength": 100], "minItems": 1, "maxItems": 20],
                "targetResults": ["type": .array(["integer", "null"]), "minimum": 1, "maximum": 1_000],
                "campaignId": ["type": .array(["string", "null"]), "format": "uuid"],
            ], required: ["keywords"]),
            "StartSimilarSearch": object([
                "username": ["type": "string", "minLength": 1, "maxLength": 101, "pattern": "^@?[^\\s]+$"],
                "targetResults": ["type": .array(["integer", "null"]), "minimum": 1, "maximum": 1_000],
                "campaignId": ["type": .array(["string", "null"]), "format": "uuid"],
            ], required: ["username"]),
            "StartAnswer": object(["message": string, "jobId": uuid, "job": ref("ScrapingJob")], required: ["message", "jobId", "job"]),
            "PollAnswer": object([
                "jobId": uuid, "status": enumeration(ScrapingJobStatus.allCases.map(\.rawValue)),
                "platform": enumeration(Platform.allCases.map(\.rawValue)), "processedResults": integer,
                "processedRuns": integer, "targetResults": integer, "progress": number, "error": string,
                "results": array(ref("ScrapingResult")),
            ], required: ["jobId", "status", "processedResults", "targetResults", "progress", "results"]),
            "Creator": object([
                "id": integer, "userId": string, "platform": enumeration(Platform.allCases.map(\.rawValue)), "handle": string,
                "name": string, "bio": string, "followers": integer, "verified": boolean, "emails": array(string),
                "avatarUrl": string, "profileUrl": string, "lastSeenAt": dateTime, "resultId": uuid, "position": integer,
            ], required: ["id", "userId", "platform", "handle", "followers", "verified", "emails", "lastSeenAt"]),
            "CreatorPage": object(["creators": array(ref("Creator")), "nextCursor": string, "total": integer],
                                  required: ["creators"]),
            "SystemConfiguration": object([
                "id": uuid, "category": string, "key": string, "value": string,
                "valueType": enumeration(ConfigValueType.allCases.map(\.rawValue)), "description": string,
                "isHotReloadable": enumeration(["true", "false"]), "createdAt": dateTime, "updatedAt": dateTime,
            ], required: ["id", "category", "key", "value", "valueType", "isHotReloadable"]),
            "CreateConfig": object([
                "category": ["type": "string", "pattern": "^[a-z0-9_]{1,50}$"],
                "key": ["type": "string", "pattern": "^[a-z0-9_]{1,100}$"],
                "value": ["type": "string", "maxLength": 200],
                "valueType": enumeration(ConfigValueType.allCases.map(\.rawValue)),
                "description": ["type": "string", "maxLength": 500], "isHotReloadable": boolean,
            ], required: ["category", "key", "value", "valueType"]),
            "UpdateConfig": object(["category": string, "key": string, "value": string], required: ["category", "key", "value"]),
            "Event": object([
                "id": uuid, "aggregateId": string, "aggregateType": string, "eventType": string, "eventVersion": integer,
                "eventData": anyJSON, "metadata": anyJSON, "timestamp": dateTime, "processedAt": dateTime,
                "processingStatus": enumeration(EventProcessingStatus.allCases.map(\.rawValue)), "retryCount": integer,
                "error": string, "idempotencyKey": string, "sourceSystem": string, "correlationId": string, "causationId": string,
            ], required: ["id", "aggregateId", "aggregateType", "eventType", "eventData", "timestamp", "processingStatus",
                          "idempotencyKey", "sourceSystem"]),
            "BackgroundJob": object([
                "id": uuid, "jobType": string, "payload": anyJSON, "status": enumeration(BackgroundJobStatus.allCases.map(\.rawValue)),
                "qstashMessageId": string, "priority": integer, "maxRetries": integer, "retryCount": integer,
                "scheduledFor": dateTime, "startedAt": dateTime, "completedAt": dateTime, "failedAt": dateTime, "error": string,
                "result": anyJSON, "createdAt": dateTime, "updatedAt": dateTime, "leaseExpiresAt": dateTime, "leasedBy": string,
                "dedupeKey": string,
            ], required: ["id", "jobType", "payload", "status", "priority", "maxRetries", "retryCount", "scheduledFor"]),
            "JobQueue": object([
                "jobs": array(ref("BackgroundJob")), "nextCursor": string,
                "counts": ["type": "object", "additionalProperties": integer], "oldestPendingAgeSeconds": number,
            ], required: ["jobs", "counts"]),
        ].merging(AccountsOpenAPI.schemas) { first, _ in first }
    }

    static var document: JSONValue {
        var paths: [String: [String: JSONValue]] = [:]
        let problem: JSONValue = ["application/problem+json": ["schema": ref("Problem")]]
        let reasons = [400: "Malformed request", 401: "No or bad token", 403: "Not allowed, or over the plan's limits",
                       404: "Not found (or not yours)", 409: "Conflicts with the current state", 413: "Body over 1 MiB",
                       422: "A field's value is not acceptable", 503: "The database is busy, full or read-only"]
        for operation in operations {
            var responses: [String: JSONValue] = [
                String(operation.status): [
                    "description": "Success",
                    "content": .object([operation.contentType: ["schema": operation.response]]),
                ],
            ]
            for code in operation.errors {
                responses[String(code)] = [
                    "description": .string(reasons[code] ?? "Error"),
                    "content": operation.html ? ["text/html": ["schema": string]] : problem,
                ]
            }
            if operation.redirects {
                responses["303"] = ["description": "Not signed in: to the sign-in page"]
            }
            if operation.status == 303 {
                responses["303"] = ["description": "Done (or not signed in): to the next page"]
            }
            var entry: [String: JSONValue] = [
                "summary": .string(operation.summary), "tags": [.string(operation.tag)],
                "operationId": .string(operation.method + operation.path.replacingOccurrences(of: "/", with: "_")
                    .replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
                    .replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: ".", with: "_")),
                "responses": .object(responses),
            ]
            if !operation.parameters.isEmpty {
                entry["parameters"] = .array(operation.parameters.map { parameter in
                    ["name": .string(parameter.name), "in": .string(parameter.location), "required": .bool(parameter.required),
                     "schema": parameter.schema, "description": .string(parameter.description)]
                })
            }
            if let body = operation.body {
                entry["requestBody"] = ["required": true, "content": ["application/json": ["schema": ref(body)]]]
            }
            if let form = operation.form {
                entry["requestBody"] = ["required": true, "content": ["application/x-www-form-urlencoded": ["schema": form]]]
            }
            if !operation.secured { entry["security"] = [] }
            paths[operation.path, default: [:]][operation.method] = .object(entry)
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Reach", "version": "1.0.0",
                "description": "The influencer platform's API, served by Reach on a local listener.",
            ],
            "servers": [["url": "/"]],
            "security": [["bearer": []]],
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer", "bearerFormat": "JWT"]],
                "schemas": .object(schemas),
            ],
            "paths": .object(paths.mapValues { .object($0) }),
        ]
    }

    /// The document's JSON, built once.
    static let json: Data = Data(document.jsonText.utf8)

    /// `GET /api/campaigns/{id}` for each documented operation, to compare with the router's.
    static var routes: [String] {
        operations.map { "\($0.method.uppercased()) \($0.path)" }
    }
}
