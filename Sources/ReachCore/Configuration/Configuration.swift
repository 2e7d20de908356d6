import Foundation
import GRDB
import ReachStore

/// The runtime settings (`system_configurations`): read fresh at each use, so a change applies at
/// once. A change an admin makes is recorded as an `admin_action` event; the command line's is not.
public struct Configuration: Sendable {
    let context: AppContext

    public init(_ context: AppContext) {
        self.context = context
    }

    /// Every setting, by category and key; optionally one category's.
    public func list(category: String? = nil) async throws -> [SystemConfiguration] {
        try await context.read { db in
            try SystemConfiguration.fetchAllOrdered(db).filter { category == nil || $0.category == category }
        }
    }

    /// A count setting, within its rule (a stored value outside it reads as the default).
    public func count(_ key: ConfigKey) async throws -> Int {
        try await context.read { db in try Settings.count(db, key) }
    }

    /// A duration setting in seconds, within its rule.
    public func seconds(_ key: ConfigKey) async throws -> TimeInterval {
        try await context.read { db in try Settings.seconds(db, key) }
    }

    /// One setting, or its default when the row was deleted.
    public func row(_ key: ConfigKey) async throws -> SystemConfiguration {
        try await context.read { db in try Settings.row(db, key) }
    }

    /// Changes a setting after checking the value against its rule.
    @discardableResult
    public func set(_ key: ConfigKey, value: String, admin: String? = nil, events: EventContext = EventContext()) async throws
        -> SystemConfiguration
    {
        let now = context.now()
        return try await context.write { db in
            let before = try Settings.row(db, key).value
            let row = try Settings.set(db, key, value: value, now: now)
            if let admin {
                try AdminActions.record(db, admin: admin, action: "config_updated", target: key.description,
                                        details: ["from": .string(before), "to": .string(row.value)], context: events, now: now)
            }
            return row
        }
    }

    /// Adds a setting of an admin's own.
    public func create(
        _ key: ConfigKey, value: String, type: ConfigValueType, description: String?, hotReloadable: Bool, admin: String,
        events: EventContext
    ) async throws -> SystemConfiguration {
        let now = context.now()
        return try await context.write { db in
            let row = try Settings.create(db, key, value: value, type: type, description: description,
                                          hotReloadable: hotReloadable, now: now)
            try AdminActions.record(db, admin: admin, action: "config_created", target: key.description,
                                    details: ["value": .string(row.value)], context: events, now: now)
            return row
        }
    }

    /// A change to one setting, as the admin pages send it.
    public struct Change: Sendable, Hashable {
        public var key: ConfigKey
        public var value: String
        public var type: ConfigValueType?
        public var description: String?
        public var hotReloadable: Bool?

        public init(key: ConfigKey, value: String, type: ConfigValueType? = nil, description: String? = nil, hotReloadable: Bool? = nil) {
            self.key = key
            self.value = value
            self.type = type
            self.description = description
            self.hotReloadable = hotReloadable
        }
    }

    /// Sets a setting, creating its row when there is none (`POST /api/admin/config`).
    @discardableResult
    public func upsert(_ change: Change, admin: String, events: EventContext) async throws -> SystemConfiguration {
        let now = context.now()
        return try await context.write { db in try Self.upsert(db, change, admin: admin, events: events, now: now) }
    }

    /// What one change of a bulk save did.
    public struct Outcome: Sendable, Hashable {
        public var key: ConfigKey
        public var row: SystemConfiguration?
        /// Why it was refused; the others apply all the same.
        public var error: String?
    }

    /// Applies each change in a savepoint of its own, in one transaction: a refused one changes
    /// nothing and says why, the others apply (`PUT /api/admin/config`).
    public func upsertEach(_ changes: [Change], admin: String, events: EventContext) async throws -> [Outcome] {
        let now = context.now()
        return try await context.write { db in
            try changes.map { change in
                do {
                    var row: SystemConfiguration?
                    try db.inSavepoint {
                        row = try Self.upsert(db, change, admin: admin, events: events, now: now)
                        return .commit
                    }
                    return Outcome(key: change.key, row: row)
                } catch {
                    // A refusal of the change is its outcome; the database failing fails them all.
                    guard let refusal = ReachError.from(error) as? ReachError else { throw error }
                    if case .unavailable = refusal { throw refusal }
                    return Outcome(key: change.key, error: refusal.description)
                }
            }
        }
    }

    private static func upsert(_ db: Database, _ change: Change, admin: String, events: EventContext, now: Date) throws
        -> SystemConfiguration
    {
        let before = try SystemConfiguration.fetchOne(db, category: change.key.category, key: change.key.key)?.value
        let (row, created) = try Settings.upsert(
            db, change.key, value: change.value, type: change.type, description: change.description,
            hotReloadable: change.hotReloadable, now: now)
        try AdminActions.record(
            db, admin: admin, action: created ? "config_created" : "config_updated", target: change.key.description,
            details: ["from": before.map(JSONValue.string) ?? .null, "to": .string(row.value)], context: events, now: now)
        return row
    }

    /// Which categories hold settings, against those the defaults expect (`GET /api/admin/config/init`).
    public func initialization() async throws -> Initialization {
        try await context.read { db in
            let rows = try SystemConfiguration.fetchAllOrdered(db)
            let configured = Array(Set(rows.map(\.category))).sorted()
            let expected = Array(Set(Settings.defaults.map(\.category))).sorted()
            return Initialization(
                isInitialized: Set(expected).isSubset(of: configured), configuredCategories: configured,
                expectedCategories: expected, totalConfigurations: rows.count)
        }
    }

    public struct Initialization: Sendable, Hashable, Encodable {
        public var isInitialized: Bool
        public var configuredCategories: [String]
        public var expectedCategories: [String]
        public var totalConfigurations: Int
    }

    /// Removes a setting; reads fall back to its default.
    public func delete(_ key: ConfigKey, admin: String, events: EventContext) async throws {
        let now = context.now()
        try await context.write { db in
            try Settings.delete(db, key)
            try AdminActions.record(db, admin: admin, action: "config_deleted", target: key.description,
                                    details: [:], context: events, now: now)
        }
    }

    /// Inserts the defaults that are missing; returns how many.
    public func insertMissingDefaults(admin: String, events: EventContext) async throws -> Int {
        try await initialize(admin: admin, events: events).added
    }

    /// Inserts the defaults that are missing; returns how many, and when.
    public func initialize(admin: String, events: EventContext) async throws -> (added: Int, at: Date) {
        let now = context.now()
        let added = try await context.write { db in
            let added = try Settings.insertMissingDefaults(db, now: now)
            try AdminActions.record(db, admin: admin, action: "config_initialized", target: "system_configurations",
                                    details: ["added": .int(Int64(added))], context: events, now: now)
            return added
        }
        return (added, now)
    }
}
