import Foundation
import GRDB
import ReachStore

/// Reads and changes `system_configurations`.
///
/// Values are read from the database on each use, so a change made by `reach config set` or the
/// admin API takes effect in a running server or scheduler without a restart.
public enum Settings {
    /// The defaults of migration 0003, read once from a freshly migrated in-memory database:
    /// the migration stays their one source.
    public static let defaults: [SystemConfiguration] = {
        guard let pristine = try? ReachDatabase.inMemory(),
            let rows = try? pristine.reader.read({ try SystemConfiguration.fetchAllOrdered($0) })
        else { return [] }
        return rows
    }()

    static func defaultRow(_ key: ConfigKey) -> SystemConfiguration? {
        defaults.first { $0.category == key.category && $0.key == key.key }
    }

    /// The stored row, or the default when the row was deleted.
    public static func row(_ db: Database, _ key: ConfigKey) throws -> SystemConfiguration {
        if let row = try SystemConfiguration.fetchOne(db, category: key.category, key: key.key) { return row }
        if let row = defaultRow(key) { return row }
        throw ReachError.notFound("configuration \(key)")
    }

    /// The setting's value; a stored value its rule refuses (written around Reach, or by an
    /// older Reach) reads as the default, so that no stored value can stop the scheduler.
    public static func value(_ db: Database, _ key: ConfigKey) throws -> ConfigValue {
        let row = try row(db, key)
        if let value = try? ConfigValue(parsing: row.value, for: key, as: row.valueType) { return value }
        guard let fallback = defaultRow(key) else {
            throw ReachError.invalid(field: "value", reason: "\(key) holds a value its type refuses: set it again")
        }
        return try ConfigValue(parsing: fallback.value, for: key, as: fallback.valueType)
    }

    /// A count setting (calls, jobs, days): always a whole number within its rule.
    public static func count(_ db: Database, _ key: ConfigKey) throws -> Int {
        switch try value(db, key) {
        case .count(let value): return value
        case .number(let value): return Int(exactly: value.rounded(.down)) ?? 0
        case .duration(let value): return Int(exactly: value.rounded(.down)) ?? 0
        case .boolean(let value): return value ? 1 : 0
        }
    }

    /// Any numeric setting as a number (a count, a number, a duration in seconds).
    public static func number(_ db: Database, _ key: ConfigKey) throws -> Double {
        switch try value(db, key) {
        case .count(let value): return Double(value)
        case .number(let value): return value
        case .duration(let value): return value
        case .boolean(let value): return value ? 1 : 0
        }
    }

    /// A duration setting, in seconds, within its rule.
    public static func seconds(_ db: Database, _ key: ConfigKey) throws -> TimeInterval {
        switch try value(db, key) {
        case .duration(let value): return value
        case .count(let value): return TimeInterval(value)
        case .number(let value): return value
        case .boolean: return 0
        }
    }

    public static func bool(_ db: Database, _ key: ConfigKey) throws -> Bool {
        if case .boolean(let value) = try value(db, key) { return value }
        return try count(db, key) != 0
    }

    /// Checks a row as every write path does: its name, and its value against its rule.
    public static func validate(_ row: SystemConfiguration) throws {
        let key = ConfigKey(row.category, row.key)
        try validateName(key)
        _ = try ConfigValue(parsing: row.value, for: key, as: row.valueType)
        guard row.isHotReloadable == "true" || row.isHotReloadable == "false" else {
            throw ReachError.invalid(field: "isHotReloadable", reason: "'true' or 'false'")
        }
    }

    /// Changes a setting's value after checking it against its type.
    @discardableResult
    public static func set(_ db: Database, _ key: ConfigKey, value: String, now: Date) throws -> SystemConfiguration {
        guard var row = try SystemConfiguration.fetchOne(db, category: key.category, key: key.key) else {
            throw ReachError.notFound("configuration \(key)")
        }
        _ = try ConfigValue(parsing: value, for: key, as: row.valueType)
        row.value = value
        row.updatedAt = now
        try row.update(db)
        return row
    }

    /// Adds a setting.
    @discardableResult
    public static func create(
        _ db: Database, _ key: ConfigKey, value: String, type: ConfigValueType, description: String?,
        hotReloadable: Bool, now: Date
    ) throws -> SystemConfiguration {
        try validateName(key)
        _ = try ConfigValue(parsing: value, for: key, as: type)
        if try SystemConfiguration.fetchOne(db, category: key.category, key: key.key) != nil {
            throw ReachError.conflict("configuration \(key) exists: change it with PUT")
        }
        let row = SystemConfiguration(
            category: key.category, key: key.key, value: value, valueType: type, description: description,
            isHotReloadable: hotReloadable, now: now)
        try row.insert(db)
        return row
    }

    /// Sets a setting's value, creating its row when there is none (from its default's type and
    /// description, or from `type` for a setting of an admin's own). A `type` other than the
    /// setting's is refused: the value would be read by the wrong rule. Returns the row and whether
    /// it was created.
    public static func upsert(
        _ db: Database, _ key: ConfigKey, value: String, type: ConfigValueType?, description: String?, hotReloadable: Bool?,
        now: Date
    ) throws -> (row: SystemConfiguration, created: Bool) {
        let stored = try SystemConfiguration.fetchOne(db, category: key.category, key: key.key)
        let known = stored ?? defaultRow(key)
        if let known, let type, type != known.valueType {
            throw ReachError.invalid(field: "valueType", reason: "\(key) is a \(known.valueType.rawValue) setting")
        }
        guard let valueType = known?.valueType ?? type else {
            throw ReachError.invalid(field: "valueType", reason: "a new setting needs one of \(ConfigValueType.valueList)")
        }
        try validateName(key)
        _ = try ConfigValue(parsing: value, for: key, as: valueType)
        let blank = description?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true
        if var row = stored {
            let original = row
            row.value = value
            if !blank { row.description = description }
            if let hotReloadable { row.isHotReloadable = hotReloadable ? "true" : "false" }
            row.updatedAt = now
            try row.updateChanges(db, from: original)
            return (row, false)
        }
        var row = known ?? SystemConfiguration(
            category: key.category, key: key.key, value: value, valueType: valueType, description: nil,
            isHotReloadable: true, now: now)
        row.id = UUID()
        row.value = value
        if !blank { row.description = description }
        if let hotReloadable { row.isHotReloadable = hotReloadable ? "true" : "false" }
        row.createdAt = now
        row.updatedAt = now
        try row.insert(db)
        return (row, true)
    }

    /// Removes a setting; reads fall back to its default.
    public static func delete(_ db: Database, _ key: ConfigKey) throws {
        guard let row = try SystemConfiguration.fetchOne(db, category: key.category, key: key.key) else {
            throw ReachError.notFound("configuration \(key)")
        }
        try row.delete(db)
    }

    /// Inserts the defaults that are missing; returns how many were added.
    @discardableResult
    public static func insertMissingDefaults(_ db: Database, now: Date) throws -> Int {
        var added = 0
        for var row in defaults where try SystemConfiguration.fetchOne(db, category: row.category, key: row.key) == nil {
            row.id = UUID()
            row.createdAt = now
            row.updatedAt = now
            try row.insert(db)
            added += 1
        }
        return added
    }

    private static func validateName(_ key: ConfigKey) throws {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_")
        guard key.category.count <= 50, key.category.allSatisfy(allowed.contains) else {
            throw ReachError.invalid(field: "category", reason: "use 1 to 50 of a-z, 0-9 and _")
        }
        guard key.key.count <= 100, key.key.allSatisfy(allowed.contains) else {
            throw ReachError.invalid(field: "key", reason: "use 1 to 100 of a-z, 0-9 and _")
        }
    }
}
