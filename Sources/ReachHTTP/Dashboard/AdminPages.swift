import Foundation
import Hummingbird
import ReachCore

/// The dashboard's admin pages: user search and a user's timeline, the configuration editor, the
/// job queue and the event log. ``AdminMiddleware`` turns non-admins away from all of them.
extension Dashboard {
    func eventRows(_ events: [Event]) -> [[String: Any]] {
        events.map { event in
            ["when": Display.time(event.timestamp), "eventType": event.eventType, "aggregateType": event.aggregateType,
             "aggregateId": event.aggregateId, "sourceSystem": event.sourceSystem,
             "processingStatus": event.processingStatus.rawValue, "correlation": event.correlationId ?? ""]
        }
    }

    func addAdminPages(to group: RouterGroup<AppRequestContext>) {
        group.get(use: adminPage)
        group.get("users/{userId}", use: userPage)
        group.post("users/{userId}/promote", use: promote)
        group.post("users/{userId}/plan", use: setPlan)
        group.get("config", use: configPage)
        group.post("config", use: saveSetting)
        group.post("config/default", use: restoreSetting)
        group.get("jobs", use: jobsPage)
        group.post("jobs/{id}/retry", use: retryJob)
        group.get("events", use: eventsPage)
    }

    @Sendable func adminPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let text = try request.query.string("q", maximum: 200) ?? ""
        let from = try request.query.int("from", range: 0...10_000) ?? 0
        let found = try await app.admin.searchUsers(text, limit: from + Self.usersPerPage + 1).map(\.profile)
        let users = Array(found.dropFirst(from).prefix(Self.usersPerPage))
        var paging: [String: Any] = ["range": users.isEmpty ? "none" : "\(from + 1)–\(from + users.count)"]
        let query = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        if from > 0 { paging["previous"] = "/admin?q=\(query)&from=\(max(0, from - Self.usersPerPage))" }
        if found.count > from + Self.usersPerPage { paging["next"] = "/admin?q=\(query)&from=\(from + Self.usersPerPage)" }
        return try page("admin", [
            "title": "Admin", "navAdmin": true, "query": text, "paging": paging,
            "users": users.map { user -> [String: Any] in
                ["userId": user.userId, "fullName": user.fullName ?? "", "email": user.email ?? "",
                 "businessName": user.businessName ?? "", "currentPlan": Display.plan(user.currentPlan),
                 "trialStatus": user.trialStatus?.rawValue ?? ""]
            },
        ], request: request, context: context)
    }

    @Sendable func userPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let detail = try await app.admin.user(context.parameters.get("userId") ?? "")
        let profile = detail.profile
        return try page("admin-user", [
            "title": profile.fullName ?? profile.userId, "navAdmin": true,
            "profile": [
                "userId": profile.userId, "fullName": profile.fullName ?? profile.userId, "email": profile.email ?? "",
                "businessName": profile.businessName ?? "", "currentPlan": Display.plan(profile.currentPlan),
                "subscriptionStatus": profile.subscriptionStatus?.rawValue ?? "none",
                "trialStatus": profile.trialStatus?.rawValue ?? "pending", "onboardingStep": profile.onboardingStep.rawValue,
                "isAdmin": profile.isAdmin == true,
            ],
            "planOptions": PlanKey.allCases.map { ["value": $0.rawValue, "label": Display.plan($0), "selected": $0 == profile.currentPlan] },
            "events": eventRows(detail.events),
        ], request: request, context: context)
    }

    @Sendable func promote(_ request: Request, context: AppRequestContext) async throws -> Response {
        let userId = context.parameters.get("userId") ?? ""
        return try await action(request, context: context, back: "/admin/users/\(userId)") { session, _ in
            _ = try await app.admin.promote(userId: userId, email: nil, admin: session.identity.userId, events: context.events)
            return redirect("/admin/users/\(userId)", flash: "\(userId) is an admin now.")
        }
    }

    @Sendable func setPlan(_ request: Request, context: AppRequestContext) async throws -> Response {
        let userId = context.parameters.get("userId") ?? ""
        return try await action(request, context: context, back: "/admin/users/\(userId)") { session, fields in
            guard let plan = PlanKey(parsing: fields["plan"] ?? "") else {
                throw ReachError.invalid(field: "plan", reason: "choose one of \(PlanKey.valueList)")
            }
            _ = try await app.admin.setPlan(userId: userId, plan: plan, admin: session.identity.userId, events: context.events)
            return redirect("/admin/users/\(userId)", flash: "Plan set to \(Display.plan(plan)).")
        }
    }

    @Sendable func configPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try session(context)
        let settings = try await app.configuration.list()
        return page("admin-config", [
            "title": "Configuration", "navAdmin": true,
            "settings": settings.map { setting -> [String: Any] in
                var view: [String: Any] = [
                    "category": setting.category, "key": setting.key, "value": setting.value,
                    "valueType": setting.valueType.rawValue, "description": setting.description ?? "",
                    "isNumber": setting.valueType == .number, "isDuration": setting.valueType == .duration,
                    "isBoolean": setting.valueType == .boolean, "csrf": session.csrf]
                if let fallback = Settings.defaults.first(where: { $0.category == setting.category && $0.key == setting.key }),
                    fallback.value != setting.value
                {
                    view["defaultValue"] = fallback.value
                }
                return view
            },
        ], session: session, request: request)
    }

    @Sendable func saveSetting(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await action(request, context: context, back: "/admin/config") { session, fields in
            let key = ConfigKey(fields["category"] ?? "", fields["key"] ?? "")
            try await app.configuration.set(key, value: fields["value"] ?? "", admin: session.identity.userId, events: context.events)
            return redirect("/admin/config", flash: "\(key) saved.")
        }
    }

    /// Puts a setting back to the value its migration gave it.
    @Sendable func restoreSetting(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await action(request, context: context, back: "/admin/config") { session, fields in
            let key = ConfigKey(fields["category"] ?? "", fields["key"] ?? "")
            guard let fallback = Settings.defaults.first(where: { $0.category == key.category && $0.key == key.key }) else {
                throw ReachError.notFound("a default for \(key)")
            }
            try await app.configuration.set(key, value: fallback.value, admin: session.identity.userId, events: context.events)
            return redirect("/admin/config", flash: "\(key) is back to its default, \(fallback.value).")
        }
    }

    @Sendable func jobsPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try session(context)
        let list = try await app.admin.jobs(
            status: try request.query.value("status", as: BackgroundJobStatus.self), jobType: nil, after: nil, limit: 100)
        return page("admin-jobs", [
            "title": "Job queue", "navAdmin": true,
            "counts": BackgroundJobStatus.allCases.map { ["status": $0.rawValue, "count": list.counts[$0] ?? 0] },
            "jobs": list.jobs.map { job -> [String: Any] in
                ["id": job.id.lowercased, "jobType": job.jobType, "status": job.status.rawValue, "retryCount": job.retryCount,
                 "maxRetries": job.maxRetries, "scheduled": Display.time(job.scheduledFor), "error": job.error ?? "",
                 "retryable": job.status == .failed || job.status == .cancelled, "csrf": session.csrf,
                 "search": job.payload["scrapingJobId"]?.stringValue ?? ""]
            },
        ], session: session, request: request)
    }

    @Sendable func retryJob(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await action(request, context: context, back: "/admin/jobs") { session, _ in
            let id = try context.uuidParameter(what: "job")
            _ = try await app.admin.retryJob(id: id, admin: session.identity.userId, events: context.events)
            return redirect("/admin/jobs", flash: "The job is pending again.")
        }
    }

    static let usersPerPage = 50
    static let eventsPerPage = 200

    @Sendable func eventsPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.query
        let aggregateId = try query.string("aggregateId", maximum: 200).flatMap { $0.isEmpty ? nil : $0 }
        let eventType = try query.string("eventType", maximum: 100).flatMap { $0.isEmpty ? nil : $0 }
        let found = try await app.events.log(aggregateId: aggregateId, eventType: eventType, after: try query.keysetCursor(),
                                             limit: Self.eventsPerPage + 1)
        let events = Array(found.prefix(Self.eventsPerPage))
        var older: String?
        if found.count > Self.eventsPerPage, let last = events.last {
            let filters = [("aggregateId", aggregateId), ("eventType", eventType)].compactMap { name, value in
                value.map { "\(name)=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&" }
            }.joined()
            older = "/admin/events?\(filters)cursor=\(KeysetCursor(date: last.timestamp, id: last.id).encoded)"
        }
        return try page("admin-events", [
            "title": "Event log", "navAdmin": true, "aggregateId": aggregateId ?? "", "eventType": eventType ?? "",
            "events": eventRows(events), "older": older ?? "", "hasOlder": older != nil,
        ], request: request, context: context)
    }
}
