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
        var errors: [Int] = [400, 401, 403, 404, 413, 500, 503]
        /// Dashboard pages answer errors as HTML pages, and their forms are URL-encoded.
        var html = false
        var form: JSONValue? = nil
        var redirects = false
    }

    static func ref(_ name: String) -> JSONValue { OpenAPISchemas.ref(name) }
    static let string = OpenAPISchemas.string
    static let uuid = OpenAPISchemas.uuid
    static let boolean = OpenAPISchemas.boolean
    static func enumeration(_ values: [String]) -> JSONValue { OpenAPISchemas.enumeration(values) }

    static func idParameter(_ what: String) -> Parameter {
        Parameter(name: "id", location: "path", schema: uuid, required: true, description: "The \(what)'s id")
    }

    static let limit = Parameter(name: "limit", schema: ["type": "integer", "minimum": 1, "maximum": 500], description: "Page size (default 50)")
    static let cursor = Parameter(name: "cursor", schema: ["type": "string", "maxLength": 500], description: "From the previous page's nextCursor")

    static var operations: [Operation] {
        let page = Parameter(name: "page", schema: ["type": "integer", "minimum": 1, "maximum": 1_000_000], description: "From 1")
        let pageSize = Parameter(name: "limit", schema: ["type": "integer", "minimum": 1, "maximum": 100], description: "Default 10")
        var operations: [Operation] = [
            Operation(method: "get", path: "/healthz", summary: "Liveness and database check", tag: "system", secured: false,
                      response: ref("Health"), errors: [500, 503]),
            Operation(method: "get", path: "/metrics", summary: "Prometheus metrics", tag: "system", secured: false,
                      response: string, contentType: "text/plain", errors: [500, 503]),
            Operation(method: "get", path: "/openapi.json", summary: "This document", tag: "system", secured: false,
                      response: ["type": "object"], errors: []),
            Operation(method: "get", path: "/api/campaigns", summary: "The user's campaigns, newest first, each with its latest search",
                      tag: "campaigns", parameters: [page, pageSize], response: ref("CampaignList")),
            Operation(method: "post", path: "/api/campaigns", summary: "Create a campaign (plan limits apply)", tag: "campaigns",
                      body: "CreateCampaign", response: ref("Campaign")),
            Operation(method: "get", path: "/api/campaigns/can-create", summary: "Whether the plan allows another campaign",
                      tag: "campaigns", response: ref("Allowance")),
            Operation(method: "get", path: "/api/campaigns/{id}", summary: "A campaign with its searches and their results",
                      tag: "campaigns", parameters: [idParameter("campaign")], response: ref("CampaignWithJobs")),
            Operation(method: "patch", path: "/api/campaigns/{id}", summary: "Change name, description or status",
                      tag: "campaigns", parameters: [idParameter("campaign")], body: "UpdateCampaign", response: ref("Campaign")),
            Operation(method: "post", path: "/api/campaigns/{id}/archive", summary: "Archive a campaign", tag: "campaigns",
                      parameters: [idParameter("campaign")], response: ref("Campaign")),
            Operation(method: "get", path: "/api/jobs/{id}", summary: "A search with its results, merged into one entry",
                      tag: "searches", parameters: [idParameter("job")], response: ref("JobWithResults")),
            Operation(method: "delete", path: "/api/jobs/{id}", summary: "Cancel a search that has not finished",
                      tag: "searches", parameters: [idParameter("job")], response: ref("CancelAnswer")),
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
                        Parameter(name: "total", schema: boolean, description: "Also count every match (`total`)"),
                        limit, cursor,
                      ],
                      response: ref("CreatorPage")),
            Operation(method: "get", path: "/api/export/csv", summary: "Creators of a search or campaign as CSV, in the platform's columns",
                      tag: "searches",
                      parameters: [Parameter(name: "jobId", schema: uuid, description: "A search"),
                                   Parameter(name: "campaignId", schema: uuid, description: "Or a campaign"),
                                   Parameter(name: "format", schema: enumeration(["platform", "reach"]),
                                             description: "platform (default): the platform's columns; reach: Reach's own")],
                      response: string, contentType: "text/csv"),
            Operation(method: "get", path: "/api/admin/config", summary: "Every setting by category; with category and key, one value",
                      tag: "admin",
                      parameters: [Parameter(name: "category", schema: ["type": "string", "maxLength": 50], description: "One category"),
                                   Parameter(name: "key", schema: ["type": "string", "maxLength": 100], description: "One key (with category)")],
                      response: ["anyOf": [ref("ConfigList"), ref("ConfigValue")]]),
            Operation(method: "post", path: "/api/admin/config", summary: "Save a setting (created when missing, checked against its type)",
                      tag: "admin", body: "ConfigRow", response: ref("ConfigSaved")),
            Operation(method: "put", path: "/api/admin/config", summary: "Save several settings; each answers whether it applied",
                      tag: "admin", body: "ConfigBulk", response: ref("ConfigBulkSaved")),
            Operation(method: "delete", path: "/api/admin/config", summary: "Remove a setting (its default applies)",
                      tag: "admin",
                      parameters: [Parameter(name: "category", schema: ["type": "string", "maxLength": 50], required: true, description: "Category"),
                                   Parameter(name: "key", schema: ["type": "string", "maxLength": 100], required: true, description: "Key")],
                      response: ref("ConfigDeleted")),
            Operation(method: "get", path: "/api/admin/config/init", summary: "Which categories hold settings",
                      tag: "admin", response: ref("ConfigInitialization")),
            Operation(method: "post", path: "/api/admin/config/init", summary: "Add the missing default settings",
                      tag: "admin", response: ref("ConfigInitialized")),
            Operation(method: "get", path: "/api/admin/events", summary: "The event log, newest first", tag: "admin",
                      parameters: [Parameter(name: "aggregateId", schema: ["type": "string", "maxLength": 200], description: "A user id, job id…"),
                                   Parameter(name: "eventType", schema: ["type": "string", "maxLength": 100], description: "e.g. trial_started"),
                                   limit, cursor],
                      response: ref("EventPage")),
            Operation(method: "get", path: "/api/admin/jobs", summary: "The background job queue", tag: "admin",
                      parameters: [Parameter(name: "status", schema: enumeration(BackgroundJobStatus.allCases.map(\.rawValue)), description: "Status"),
                                   Parameter(name: "jobType", schema: ["type": "string", "maxLength": 100], description: "Job type"),
                                   limit, cursor],
                      response: ref("JobQueue")),
            Operation(method: "post", path: "/api/admin/jobs/{id}/retry", summary: "Run a failed or cancelled job again",
                      tag: "admin", parameters: [idParameter("job")], response: ref("BackgroundJob")),
        ]
        for route in SearchRoute.allCases {
            operations.append(Operation(
                method: "post", path: "/api/scraping/\(route.path)",
                summary: "Start a \(route.platform.rawValue) \(route.type.rawValue) search", tag: "searches",
                body: route.type == .similar ? "StartSimilarSearch" : "StartKeywordSearch", response: ref("StartAnswer")))
            operations.append(Operation(
                method: "get", path: "/api/scraping/\(route.path)",
                summary: "Poll any of the user's searches (whatever its platform)", tag: "searches",
                parameters: [Parameter(name: "jobId", schema: uuid, required: true, description: "From the POST's answer")],
                response: ref("PollAnswer")))
        }
        return operations + AccountsOpenAPI.operations + dashboard
    }

    /// The test kit's routes (`--test-mode`), under their own tag.
    static var testModeOperations: [Operation] {
        let name = Parameter(name: "name", location: "path", schema: ["type": "string", "pattern": "^[A-Za-z0-9._-]{1,100}$"],
                             required: true, description: "A snapshot's name")
        let errors = [400, 401, 403, 404, 413, 500, 503]
        return [
            Operation(method: "post", path: "/_reach/users", summary: "A user as Clerk's user.created makes one; with plan, onboarded",
                      tag: "test-mode", body: "TestUser", response: ref("TestUserCreated"), errors: errors),
            Operation(method: "get", path: "/_reach/clock", summary: "The server's time", tag: "test-mode", response: ref("TestClock"),
                      errors: errors),
            Operation(method: "post", path: "/_reach/clock", summary: "Move the clock forward; the work due on the way runs, in order",
                      tag: "test-mode", body: "TestClockMove", response: ref("TestClock"), errors: errors),
            Operation(method: "post", path: "/_reach/work", summary: "Run the queue until nothing is due now", tag: "test-mode",
                      response: ref("TestWork"), errors: errors),
            Operation(method: "get", path: "/_reach/emails", summary: "The trial e-mails: due, sent, cancelled", tag: "test-mode",
                      parameters: [Parameter(name: "to", schema: ["type": "string", "maxLength": 320], description: "An address"),
                                   Parameter(name: "type", schema: enumeration(TrialEmail.allCases.map(\.rawValue)), description: "An e-mail")],
                      response: ref("TestEmails"), errors: errors),
            Operation(method: "post", path: "/_reach/snapshots", summary: "Save the database and the clock under a name", tag: "test-mode",
                      body: "TestSnapshot", response: ref("TestTimed"), errors: errors),
            Operation(method: "post", path: "/_reach/snapshots/{name}/restore", summary: "Put a snapshot back", tag: "test-mode",
                      parameters: [name], response: ref("TestTimed"), errors: errors),
            Operation(method: "delete", path: "/_reach/snapshots/{name}", summary: "Forget a snapshot", tag: "test-mode",
                      parameters: [name], response: ref("TestDeleted"), errors: errors),
            Operation(method: "post", path: "/_reach/reset", summary: "An empty database, the clock at real time", tag: "test-mode",
                      response: ref("TestTimed"), errors: errors),
        ]
    }

    /// The dashboard's pages and forms: HTML, a session cookie, and 303 redirects.
    static var dashboard: [Operation] {
        func pageOperation(_ path: String, _ summary: String, parameters: [Parameter] = []) -> Operation {
            Operation(method: "get", path: path, summary: summary, tag: "dashboard", secured: false, parameters: parameters,
                      response: string, contentType: "text/html", errors: [400, 403, 404], html: true, redirects: true)
        }
        func formOperation(_ path: String, _ summary: String, fields: [String], parameters: [Parameter] = [],
                           errors: [Int] = [400, 403, 413]) -> Operation {
            Operation(method: "post", path: path, summary: summary, tag: "dashboard", secured: false, parameters: parameters,
                      status: 303, response: string, contentType: "text/html", errors: errors,
                      html: true, form: OpenAPISchemas.body(Dictionary(uniqueKeysWithValues: (fields + ["csrf"]).map { ($0, string) })))
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
            formOperation("/campaigns/{id}/searches/{job}/cancel", "Cancel a search in progress", fields: [],
                          parameters: [idParameter("campaign"),
                                       Parameter(name: "job", location: "path", schema: uuid, required: true, description: "The search's id")]),
            pageOperation("/account", "Onboarding, trial, plan and usage"),
            formOperation("/account/onboarding/1", "Onboarding step 1", fields: ["fullName", "businessName"]),
            formOperation("/account/onboarding/2", "Onboarding step 2", fields: ["brandDescription"]),
            formOperation("/account/onboarding/complete", "Complete onboarding", fields: []),
            formOperation("/account/checkout", "Choose a plan (mock checkout: 404 where Stripe takes payments)", fields: ["plan"],
                          errors: [400, 403, 404, 413]),
            pageOperation("/admin", "Admin: user search, 50 a page",
                          parameters: [Parameter(name: "q", schema: ["type": "string", "maxLength": 200], description: "Substring"),
                                       Parameter(name: "from", schema: ["type": "integer", "minimum": 0, "maximum": 10_000],
                                                 description: "The first user shown, from 0")]),
            pageOperation("/admin/users/{userId}", "Admin: a user's page", parameters: [userId]),
            formOperation("/admin/users/{userId}/promote", "Admin: make a user admin", fields: [], parameters: [userId]),
            formOperation("/admin/users/{userId}/plan", "Admin: set a user's plan", fields: ["plan"], parameters: [userId]),
            pageOperation("/admin/config", "Admin: the configuration editor"),
            formOperation("/admin/config", "Admin: save a setting", fields: ["category", "key", "value"]),
            formOperation("/admin/config/default", "Admin: put a setting back to its default", fields: ["category", "key"]),
            pageOperation("/admin/jobs", "Admin: the job queue",
                          parameters: [Parameter(name: "status", schema: enumeration(BackgroundJobStatus.allCases.map(\.rawValue)), description: "Status")]),
            formOperation("/admin/jobs/{id}/retry", "Admin: retry a job", fields: [], parameters: [idParameter("job")]),
            pageOperation("/admin/events", "Admin: the event log",
                          parameters: [Parameter(name: "aggregateId", schema: ["type": "string", "maxLength": 200], description: "Aggregate"),
                                       Parameter(name: "eventType", schema: ["type": "string", "maxLength": 100], description: "Event type"),
                                       Parameter(name: "cursor", schema: ["type": "string", "maxLength": 500],
                                                 description: "Older events: the page's own link")]),
            asset("/assets/reach.css", "text/css"),
            asset("/assets/reach.js", "text/javascript"),
            asset("/favicon.ico", "image/svg+xml"),
        ]
    }

    static func document(testMode: Bool) -> JSONValue {
        var paths: [String: [String: JSONValue]] = [:]
        let problem: JSONValue = ["application/problem+json": ["schema": ref("Problem")]]
        let reasons = [400: "Input that cannot be used: the detail says what to fix", 401: "No or bad token",
                       403: "Not allowed, or over the plan's limits", 404: "Not found (or not yours)", 413: "Body over 1 MiB",
                       500: "A stored row cannot be read (`reach doctor` shows it), or the server failed",
                       503: "The database is busy, full or read-only"]
        for operation in operations + (testMode ? testModeOperations : []) {
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
                "title": "Reach", "version": .string(ReachVersion.current),
                "description": "The influencer platform's API, served by Reach on a local listener.",
            ],
            "servers": [["url": "/"]],
            "security": [["bearer": []]],
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer", "bearerFormat": "JWT"]],
                "schemas": .object(OpenAPISchemas.all),
            ],
            "paths": .object(paths.mapValues { .object($0) }),
        ]
    }

    static var document: JSONValue { document(testMode: false) }

    /// The document's JSON, built once; with the test kit's routes, for a `--test-mode` server.
    static let json: Data = Data(document(testMode: false).jsonText.utf8)
    static let testModeJSON: Data = Data(document(testMode: true).jsonText.utf8)

    /// `GET /api/campaigns/{id}` for each documented operation, to compare with the router's.
    static func routes(testMode: Bool = false) -> [String] {
        (operations + (testMode ? testModeOperations : [])).map { "\($0.method.uppercased()) \($0.path)" }
    }
}
