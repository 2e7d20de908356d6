import Foundation
import Hummingbird
import ReachCore

/// `/api/admin/config`: the runtime settings as the platform's configuration page reads and saves
/// them. Every change is recorded as an `admin_action` event.
struct AdminConfigController {
    let app: ReachApp

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: list)
        group.post(use: save)
        group.put(use: saveAll)
        group.delete(use: delete)
        group.get("init", use: initialization)
        group.post("init", use: initialize)
    }

    /// A row as the page posts it: the whole row when editing (`isHotReloadable` as the string it
    /// was given), only `category`, `key`, `value` and `valueType` required.
    struct Row: Decodable {
        var category: String?
        var key: String?
        var value: String?
        var valueType: String?
        var description: String?
        var isHotReloadable: Flag?

        /// `true`, `false`, `"true"` or `"false"`.
        struct Flag: Decodable {
            var value: Bool

            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let flag = try? container.decode(Bool.self) {
                    value = flag
                } else if let text = try? container.decode(String.self), text == "true" || text == "false" {
                    value = text == "true"
                } else {
                    throw DecodingError.dataCorruptedError(in: container, debugDescription: "use true or false")
                }
            }
        }

        func change(requiringType: Bool) throws -> Configuration.Change {
            guard let category, let key, let value else {
                throw Problem.badRequest("give `category`, `key`, `value` and `valueType`")
            }
            if requiringType && valueType == nil { throw Problem.badRequest("give `category`, `key`, `value` and `valueType`") }
            let type = try valueType.map { text in
                guard let type = ConfigValueType(parsing: text) else {
                    throw Problem.invalid("valueType", "use one of \(ConfigValueType.valueList)")
                }
                return type
            }
            return Configuration.Change(key: ConfigKey(category, key), value: value, type: type, description: description,
                                        hotReloadable: isHotReloadable?.value)
        }
    }

    struct ListAnswer: ResponseEncodable {
        var configurations: [String: [SystemConfiguration]]
        var categories: [String]
        var totalCount: Int
    }

    struct ValueAnswer: ResponseEncodable {
        var category: String
        var key: String
        var value: String
        var valueType: ConfigValueType
        var description: String?
    }

    /// Every setting grouped by category; with `category` and `key`, one value.
    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let category = try request.query.string("category", maximum: 50)
        if let key = try request.query.string("key", maximum: 100) {
            guard let category else { throw Problem.badRequest("give `category` with `key`") }
            let row = try await app.configuration.row(ConfigKey(category, key))
            return try ValueAnswer(category: row.category, key: row.key, value: row.value, valueType: row.valueType,
                                   description: row.description).response(from: request, context: context)
        }
        let rows = try await app.configuration.list(category: category)
        let grouped = Dictionary(grouping: rows, by: \.category)
        return try ListAnswer(configurations: grouped, categories: grouped.keys.sorted(), totalCount: rows.count)
            .response(from: request, context: context)
    }

    struct Saved: ResponseEncodable {
        var success = true
        var message: String
        var category: String
        var key: String
        var value: String
        var configuration: SystemConfiguration
    }

    /// Sets a setting, creating it when it does not exist.
    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Saved {
        let admin = try context.user().userId
        let change = try await request.decode(as: Row.self, context: context).change(requiringType: true)
        let row = try await app.configuration.upsert(change, admin: admin, events: context.events)
        return Saved(message: "Configuration \(row.category).\(row.key) saved", category: row.category, key: row.key,
                     value: row.value, configuration: row)
    }

    struct Bulk: Decodable {
        var configurations: [Row]
    }

    struct BulkAnswer: ResponseEncodable {
        var success: Bool
        var message: String
        var results: [Result]

        struct Result: Encodable {
            var success: Bool
            var key: String
            var category: String
            var error: String?
        }
    }

    /// Saves several settings; each says whether it applied.
    @Sendable func saveAll(_ request: Request, context: AppRequestContext) async throws -> BulkAnswer {
        let admin = try context.user().userId
        let bulk = try await request.decode(as: Bulk.self, context: context)
        guard bulk.configurations.count <= 500 else { throw Problem.badRequest("at most 500 configurations at once") }
        let changes = try bulk.configurations.map { try $0.change(requiringType: false) }
        let outcomes = try await app.configuration.upsertEach(changes, admin: admin, events: context.events)
        let saved = outcomes.filter { $0.error == nil }.count
        return BulkAnswer(
            success: saved == outcomes.count, message: "\(saved) of \(outcomes.count) configurations saved",
            results: outcomes.map { .init(success: $0.error == nil, key: $0.key.key, category: $0.key.category, error: $0.error) })
    }

    struct Deleted: ResponseEncodable {
        var success = true
        var message: String
        var category: String
        var key: String
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Deleted {
        let admin = try context.user().userId
        guard let category = try request.query.string("category", maximum: 50), let key = try request.query.string("key", maximum: 100)
        else { throw Problem.badRequest("give `category` and `key`") }
        try await app.configuration.delete(ConfigKey(category, key), admin: admin, events: context.events)
        return Deleted(message: "Configuration \(category).\(key) deleted: its default applies", category: category, key: key)
    }

    @Sendable func initialization(_ request: Request, context: AppRequestContext) async throws -> Configuration.Initialization {
        try await app.configuration.initialization()
    }

    struct Initialized: ResponseEncodable {
        var success = true
        var message: String
        var timestamp: Date
        var added: Int
    }

    @Sendable func initialize(_ request: Request, context: AppRequestContext) async throws -> Initialized {
        let (added, at) = try await app.configuration.initialize(admin: try context.user().userId, events: context.events)
        return Initialized(message: "\(added) default settings added", timestamp: at, added: added)
    }
}
