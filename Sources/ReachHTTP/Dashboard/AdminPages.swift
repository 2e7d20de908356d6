import Foundation
import GRDB
import Hummingbird
import ReachCore
import ReachStore

extension Dashboard {
    func eventRows(_ events: [Event]) -> [[String: Any]] {
        events.map { event in
            ["when": Display.time(event.timestamp), "eventType": event.eventType, "aggregateType": event.aggregateType,
             "aggregateId": event.aggregateId, "sourceSystem": event.sourceSystem,
             "processingStatus": event.processingStatus.rawValue, "correlation": String((event.correlationId ?? "").prefix(13))]
        }
    }

    func addAdminPages(to routes: Routes) {
        routes.get("/admin") { request, _ in
            await signedIn(request, admin: true) { session in
                let text = try QueryParameters(request.uri.query).string("q", maximum: 200) ?? ""
                let users = try await database.reader.read { db in try UserSearch.search(db, query: text, limit: 50) }
                return page("admin", [
                    "title": "Admin", "navAdmin": true, "query": text,
                    "users": users.map { user -> [String: Any] in
                        ["userId": user.userId, "fullName": user.fullName ?? "", "email": user.email ?? "",
                         "businessName": user.businessName ?? "", "currentPlan": user.currentPlan?.rawValue ?? "",
                         "trialStatus": user.trialStatus?.rawValue ?? ""]
                    },
                ], session: session, request: request)
            }
        }
        routes.get("/admin/users/{userId}") { request, context in
            await signedIn(request, admin: true) { session in
                let userId = context.parameters.get("userId") ?? ""
                let (profile, events) = try await database.reader.read { db -> (UserProfile, [Event]) in
                    guard let profile = try UserProfile.fetchOne(db, userId: userId) else { throw ReachError.notFound("user \(userId)") }
                    return (profile, try Event.fetchLog(db, aggregateId: userId, limit: 200))
                }
                return page("admin-user", [
                    "title": profile.fullName ?? profile.userId, "navAdmin": true,
                    "profile": [
                        "userId": profile.userId, "fullName": profile.fullName ?? profile.userId, "email": profile.email ?? "",
                        "businessName": profile.businessName ?? "", "currentPlan": profile.currentPlan?.rawValue ?? "free",
                        "subscriptionStatus": profile.subscriptionStatus?.rawValue ?? "none",
                        "trialStatus": profile.trialStatus?.rawValue ?? "pending", "onboardingStep": profile.onboardingStep.rawValue,
                        "isAdmin": profile.isAdmin == true,
                    ],
                    "planOptions": PlanKey.allCases.map { ["value": $0.rawValue, "selected": $0 == profile.currentPlan] },
                    "events": eventRows(events),
                ], session: session, request: request)
            }
        }
        routes.post("/admin/users/{userId}/promote") { request, context in
            let userId = context.parameters.get("userId") ?? ""
            return await action(request, back: "/admin/users/\(userId)") { session, _ in
                guard session.identity.isAdmin else { throw ReachError.forbidden("admins only") }
                let now = clock.nowMilliseconds()
                _ = try await database.writer.write { db in
                    try AdminUsers.promote(db, userId: userId, email: nil, admin: session.identity.userId, now: now, context: EventContext())
                }
                return redirect("/admin/users/\(userId)", flash: "\(userId) is an admin now.")
            }
        }
        routes.post("/admin/users/{userId}/plan") { request, context in
            let userId = context.parameters.get("userId") ?? ""
            return await action(request, back: "/admin/users/\(userId)") { session, fields in
                guard session.identity.isAdmin else { throw ReachError.forbidden("admins only") }
                guard let plan = PlanKey(parsing: fields["plan"] ?? "") else {
                    throw ReachError.invalid(field: "plan", reason: "choose one of \(PlanKey.valueList)")
                }
                let now = clock.nowMilliseconds()
                _ = try await database.writer.write { db in
                    try AdminUsers.setPlan(db, userId: userId, plan: plan, admin: session.identity.userId, now: now, context: EventContext())
                }
                return redirect("/admin/users/\(userId)", flash: "Plan set to \(plan.rawValue).")
            }
        }
        routes.get("/admin/config") { request, _ in
            await signedIn(request, admin: true) { session in
                let settings = try await database.reader.read { db in try SystemConfiguration.fetchAllOrdered(db) }
                return page("admin-config", [
                    "title": "Configuration", "navAdmin": true,
                    "settings": settings.map { setting -> [String: Any] in
                        ["category": setting.category, "key": setting.key, "value": setting.value,
                         "valueType": setting.valueType.rawValue, "description": setting.description ?? "",
                         "isNumber": setting.valueType == .number, "isDuration": setting.valueType == .duration,
                         "isBoolean": setting.valueType == .boolean, "csrf": session.csrf]
                    },
                ], session: session, request: request)
            }
        }
        routes.post("/admin/config") { request, _ in
            await action(request, back: "/admin/config") { session, fields in
                guard session.identity.isAdmin else { throw ReachError.forbidden("admins only") }
                let key = ConfigKey(fields["category"] ?? "", fields["key"] ?? "")
                let now = clock.nowMilliseconds()
                try await database.writer.write { db in
                    let before = try Settings.row(db, key).value
                    let row = try Settings.set(db, key, value: fields["value"] ?? "", now: now)
                    try AdminActions.record(db, admin: session.identity.userId, action: "config_updated", target: key.description,
                                            details: ["from": .string(before), "to": .string(row.value)], context: EventContext(), now: now)
                }
                return redirect("/admin/config", flash: "\(key) saved.")
            }
        }
        routes.get("/admin/jobs") { request, _ in
            await signedIn(request, admin: true) { session in
                let status = try QueryParameters(request.uri.query).value("status", as: BackgroundJobStatus.self)
                let now = clock.now()
                let (jobs, stats) = try await database.reader.read { db in
                    (try JobQueue.list(db, status: status, limit: 100), try JobQueue.stats(db, now: now))
                }
                return page("admin-jobs", [
                    "title": "Job queue", "navAdmin": true,
                    "counts": BackgroundJobStatus.allCases.map { ["status": $0.rawValue, "count": stats.byStatus[$0] ?? 0] },
                    "jobs": jobs.map { job -> [String: Any] in
                        ["id": job.id.lowercased, "jobType": job.jobType, "status": job.status.rawValue, "retryCount": job.retryCount,
                         "maxRetries": job.maxRetries, "scheduled": Display.time(job.scheduledFor), "error": job.error ?? "",
                         "retryable": job.status == .failed || job.status == .cancelled, "csrf": session.csrf]
                    },
                ], session: session, request: request)
            }
        }
        routes.post("/admin/jobs/{id}/retry") { request, context in
            await action(request, back: "/admin/jobs") { session, _ in
                guard session.identity.isAdmin else { throw ReachError.forbidden("admins only") }
                let id = try context.uuidParameter(what: "job")
                let now = clock.nowMilliseconds()
                _ = try await database.writer.write { db in
                    let job = try JobQueue.retry(db, id: id, now: now)
                    try AdminActions.record(db, admin: session.identity.userId, action: "job_retried", target: id.lowercased,
                                            details: ["jobType": .string(job.jobType)], context: EventContext(), now: now)
                }
                return redirect("/admin/jobs", flash: "The job is pending again.")
            }
        }
        routes.get("/admin/events") { request, _ in
            await signedIn(request, admin: true) { session in
                let query = QueryParameters(request.uri.query)
                let aggregateId = try query.string("aggregateId", maximum: 200).flatMap { $0.isEmpty ? nil : $0 }
                let eventType = try query.string("eventType", maximum: 100).flatMap { $0.isEmpty ? nil : $0 }
                let events = try await database.reader.read { db in
                    try Event.fetchLog(db, aggregateId: aggregateId, eventType: eventType, limit: 200)
                }
                return page("admin-events", [
                    "title": "Event log", "navAdmin": true, "aggregateId": aggregateId ?? "", "eventType": eventType ?? "",
                    "events": eventRows(events),
                ], session: session, request: request)
            }
        }
    }
}
