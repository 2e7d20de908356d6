import Foundation
import Hummingbird
import ReachCore

/// `/api/admin/config`: the runtime settings. Every change is recorded as an `admin_action` event.
struct AdminConfigController {
    let app: ReachApp

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: list)
        group.post(use: create)
        group.put(use: update)
        group.delete(use: delete)
        group.post("init", use: initialize)
    }

    struct CreateBody: Decodable {
        var category: String
        var key: String
        var value: String
        var valueType: String
        var description: String?
        var isHotReloadable: Bool?
    }

    struct UpdateBody: Decodable {
        var category: String
        var key: String
        var value: String
    }

    struct ListAnswer: ResponseEncodable { var configurations: [SystemConfiguration] }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> ListAnswer {
        ListAnswer(configurations: try await app.configuration.list(category: try request.query.string("category", maximum: 50)))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<SystemConfiguration> {
        let admin = try context.user().userId
        let body = try await request.decode(as: CreateBody.self, context: context)
        guard let type = ConfigValueType(parsing: body.valueType) else {
            throw Problem.invalid("valueType", "use one of \(ConfigValueType.valueList)")
        }
        let row = try await app.configuration.create(
            ConfigKey(body.category, body.key), value: body.value, type: type, description: body.description,
            hotReloadable: body.isHotReloadable ?? true, admin: admin, events: context.events)
        return answer(row, status: .created)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> SystemConfiguration {
        let admin = try context.user().userId
        let body = try await request.decode(as: UpdateBody.self, context: context)
        return try await app.configuration.set(ConfigKey(body.category, body.key), value: body.value, admin: admin, events: context.events)
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Message {
        let admin = try context.user().userId
        guard let category = try request.query.string("category", maximum: 50), let key = try request.query.string("key", maximum: 100)
        else { throw Problem.badRequest("give `category` and `key`") }
        try await app.configuration.delete(ConfigKey(category, key), admin: admin, events: context.events)
        return Message(message: "deleted \(category).\(key): reads fall back to its default")
    }

    struct InitAnswer: ResponseEncodable {
        var message: String
        var added: Int
    }

    @Sendable func initialize(_ request: Request, context: AppRequestContext) async throws -> InitAnswer {
        let added = try await app.configuration.insertMissingDefaults(admin: try context.user().userId, events: context.events)
        return InitAnswer(message: "\(added) default settings added", added: added)
    }
}
