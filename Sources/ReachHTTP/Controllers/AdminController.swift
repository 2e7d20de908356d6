import Foundation
import GRDB
import Hummingbird
import ReachCore
import ReachStore

/// `/api/admin/...`: configuration, the event log and the job queue. Every change is recorded
/// as an `admin_action` event naming the admin.
struct AdminController {
    let database: ReachDatabase
    let clock: any ReachClock

    struct CreateConfig: Decodable {
        var category: String
        var key: String
        var value: String
        var valueType: String
        var description: String?
        var isHotReloadable: Bool?
    }

    struct UpdateConfig: Decodable {
        var category: String
        var key: String
        var value: String
    }

    func addRoutes(to routes: Routes) {
        routes.get("/config") { request, _ in
            let category = try QueryParameters(request.uri.query).string("category", maximum: 50)
            let rows = try await database.reader.read { db in
                try SystemConfiguration.fetchAllOrdered(db).filter { category == nil || $0.category == category }
            }
            struct Answer: Encodable { var configurations: [SystemConfiguration] }
            return try json(Answer(configurations: rows))
        }
        routes.post("/config") { request, context in
            let admin = try context.user()
            let body = try await request.decode(as: CreateConfig.self, context: context)
            guard let type = ConfigValueType(parsing: body.valueType) else {
                throw Problem.invalid("valueType", "use one of \(ConfigValueType.valueList)")
            }
            let now = clock.nowMilliseconds()
            let row = try await database.writer.write { db in
                let row = try Settings.create(
                    db, ConfigKey(body.category, body.key), value: body.value, type: type, description: body.description,
                    hotReloadable: body.isHotReloadable ?? true, now: now)
                try AdminActions.record(db, admin: admin.userId, action: "config_created", target: "\(row.category).\(row.key)",
                                        details: ["value": .string(row.value)], context: context.events, now: now)
                return row
            }
            return try json(row, status: .created)
        }
        routes.put("/config") { request, context in
            let admin = try context.user()
            let body = try await request.decode(as: UpdateConfig.self, context: context)
            let now = clock.nowMilliseconds()
            let row = try await database.writer.write { db in
                let before = try Settings.row(db, ConfigKey(body.category, body.key)).value
                let row = try Settings.set(db, ConfigKey(body.category, body.key), value: body.value, now: now)
                try AdminActions.record(db, admin: admin.userId, action: "config_updated", target: "\(row.category).\(row.key)",
                                        details: ["from": .string(before), "to": .string(row.value)], context: context.events, now: now)
                return row
            }
            return try json(row)
        }
        routes.delete("/config") { request, context in
            let admin = try context.user()
            let query = QueryParameters(request.uri.query)
            guard let category = try query.string("category", maximum: 50), let key = try query.string("key", maximum: 100) else {
                throw Problem.badRequest("give `category` and `key`")
            }
            let now = clock.nowMilliseconds()
            try await database.writer.write { db in
                try Settings.delete(db, ConfigKey(category, key))
                try AdminActions.record(db, admin: admin.userId, action: "config_deleted", target: "\(category).\(key)",
                                        details: [:], context: context.events, now: now)
            }
            return try json(Message(message: "deleted \(category).\(key): reads fall back to its default"))
        }
        routes.post("/config/init") { _, context in
            let admin = try context.user()
            let now = clock.nowMilliseconds()
            let added = try await database.writer.write { db in
                let added = try Settings.insertMissingDefaults(db, now: now)
                try AdminActions.record(db, admin: admin.userId, action: "config_initialized", target: "system_configurations",
                                        details: ["added": .int(Int64(added))], context: context.events, now: now)
                return added
            }
            struct Answer: Encodable { var message: String; var added: Int }
            return try json(Answer(message: "\(added) default settings added", added: added))
        }
        routes.get("/events") { request, _ in
            let query = QueryParameters(request.uri.query)
            let aggregateId = try query.string("aggregateId", maximum: 200)
            let eventType = try query.string("eventType", maximum: 100)
            let limit = try query.int("limit", default: 50, range: 1...500)!
            let cursor = try Cursor.decode(query.string("cursor", maximum: 500))
            let events = try await database.reader.read { db in
                try Event.fetchLog(db, aggregateId: aggregateId, eventType: eventType, before: cursor, limit: limit + 1)
            }
            struct Answer: Encodable { var events: [Event]; var nextCursor: String? }
            let page = Array(events.prefix(limit))
            return try json(Answer(
                events: page, nextCursor: events.count > limit ? page.last.map { Cursor.encode($0.timestamp, $0.id) } : nil))
        }
        routes.get("/jobs") { request, _ in
            let query = QueryParameters(request.uri.query)
            let status = try query.value("status", as: BackgroundJobStatus.self)
            let jobType = try query.string("jobType", maximum: 100)
            let limit = try query.int("limit", default: 50, range: 1...500)!
            let cursor = try Cursor.decode(query.string("cursor", maximum: 500))
            let now = clock.now()
            let (jobs, stats) = try await database.reader.read { db in
                (try JobQueue.list(db, status: status, jobType: jobType, before: cursor, limit: limit + 1),
                 try JobQueue.stats(db, now: now))
            }
            struct Answer: Encodable {
                var jobs: [BackgroundJob]
                var nextCursor: String?
                var counts: [String: Int]
                var oldestPendingAgeSeconds: Double?
            }
            let page = Array(jobs.prefix(limit))
            return try json(Answer(
                jobs: page, nextCursor: jobs.count > limit ? page.last.map { Cursor.encode($0.createdAt, $0.id) } : nil,
                counts: Dictionary(uniqueKeysWithValues: BackgroundJobStatus.allCases.map { ($0.rawValue, stats.byStatus[$0] ?? 0) }),
                oldestPendingAgeSeconds: stats.oldestPending.map { max(0, now.timeIntervalSince($0)) }))
        }
        routes.post("/jobs/{id}/retry") { _, context in
            let admin = try context.user()
            let id = try context.uuidParameter(what: "job")
            let now = clock.nowMilliseconds()
            let job = try await database.writer.write { db in
                let job = try JobQueue.retry(db, id: id, now: now)
                try AdminActions.record(db, admin: admin.userId, action: "job_retried", target: id.lowercased,
                                        details: ["jobType": .string(job.jobType)], context: context.events, now: now)
                return job
            }
            return try json(job)
        }
    }
}
