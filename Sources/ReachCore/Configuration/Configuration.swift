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
        let now = context.now()
        return try await context.write { db in
            let added = try Settings.insertMissingDefaults(db, now: now)
            try AdminActions.record(db, admin: admin, action: "config_initialized", target: "system_configurations",
                                    details: ["added": .int(Int64(added))], context: events, now: now)
            return added
        }
    }
}
