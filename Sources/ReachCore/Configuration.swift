import Foundation
import GRDB
import ReachStore

/// A setting's address, `category.key`: `timeouts.standard_job_timeout`.
public struct ConfigKey: Hashable, Sendable, CustomStringConvertible {
    public var category: String
    public var key: String

    public init(_ category: String, _ key: String) {
        self.category = category
        self.key = key
    }

    /// Parses `category.key`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ReachError.invalid(field: "key", reason: "'\(text)' is not CATEGORY.KEY, e.g. timeouts.standard_job_timeout")
        }
        self.init(parts[0], parts[1])
    }

    public var description: String { "\(category).\(key)" }
}

extension ConfigKey {
    public static let maxConcurrentJobs = ConfigKey("job_processing", "max_concurrent_jobs")
    public static let defaultRetryDelay = ConfigKey("job_processing", "default_retry_delay")
    public static let jobTimeout = ConfigKey("job_processing", "job_timeout")
    public static let standardJobTimeout = ConfigKey("timeouts", "standard_job_timeout")
    public static let instagramJobTimeout = ConfigKey("timeouts", "instagram_job_timeout")
    public static let cleanupTimeout = ConfigKey("timeouts", "cleanup_timeout_hours")
    public static let tiktokContinuationDelay = ConfigKey("qstash_delays", "tiktok_continuation_delay")
    public static let instagramReelsDelay = ConfigKey("qstash_delays", "instagram_reels_delay")
    public static let completedJobsRetentionDays = ConfigKey("cleanup", "completed_jobs_retention_days")
    public static let errorJobsRetentionDays = ConfigKey("cleanup", "error_jobs_retention_days")
    public static let eventRetentionDays = ConfigKey("event_sourcing", "event_retention_days")

    /// The provider-call cap of a search: `api_limits.max_api_calls_tiktok_similar`.
    public static func maxAPICalls(_ platform: Platform, _ type: SearchType) -> ConfigKey {
        ConfigKey("api_limits", "max_api_calls_\(platform.slug)" + (type == .similar ? "_similar" : ""))
    }
}

/// A setting's value, checked against its `value_type`.
public enum ConfigValue: Hashable, Sendable {
    case number(Double)
    case duration(TimeInterval)
    case boolean(Bool)

    /// Parses `text` as a value of `type`, or says what is wrong with it.
    public init(parsing text: String, as type: ConfigValueType) throws {
        switch type {
        case .number:
            guard let value = Double(text), value >= 0, value.isFinite,
                text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") })
            else {
                throw ReachError.invalid(field: "value", reason: "'\(text)' is not a number ≥ 0 (e.g. 50)")
            }
            self = .number(value)
        case .duration:
            guard let seconds = Self.seconds(text) else {
                throw ReachError.invalid(
                    field: "value", reason: "'\(text)' is not a duration: a whole number and ms, s, m or h (e.g. 30s)")
            }
            self = .duration(seconds)
        case .boolean:
            switch text {
            case "true": self = .boolean(true)
            case "false": self = .boolean(false)
            default: throw ReachError.invalid(field: "value", reason: "'\(text)' is not a boolean: true or false")
            }
        }
    }

    /// `2s` → 2, `60m` → 3600, `250ms` → 0.25.
    static func seconds(_ text: String) -> TimeInterval? {
        let units: [(String, TimeInterval)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            let digits = text.dropLast(suffix.count)
            guard !digits.isEmpty, digits.count <= 12, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                let amount = Double(digits)
            else { return nil }
            return amount * scale
        }
        return nil
    }
}

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

    public static func value(_ db: Database, _ key: ConfigKey) throws -> ConfigValue {
        let row = try row(db, key)
        do {
            return try ConfigValue(parsing: row.value, as: row.valueType)
        } catch {
            // A bad stored value (written around Reach) falls back to the default.
            guard let fallback = defaultRow(key) else { throw error }
            return try ConfigValue(parsing: fallback.value, as: fallback.valueType)
        }
    }

    public static func number(_ db: Database, _ key: ConfigKey) throws -> Double {
        switch try value(db, key) {
        case .number(let value): return value
        case .duration(let value): return value
        case .boolean(let value): return value ? 1 : 0
        }
    }

    public static func seconds(_ db: Database, _ key: ConfigKey) throws -> TimeInterval {
        try number(db, key)
    }

    public static func bool(_ db: Database, _ key: ConfigKey) throws -> Bool {
        if case .boolean(let value) = try value(db, key) { return value }
        return try number(db, key) != 0
    }

    /// Changes a setting's value after checking it against its type.
    @discardableResult
    public static func set(_ db: Database, _ key: ConfigKey, value: String, now: Date) throws -> SystemConfiguration {
        guard var row = try SystemConfiguration.fetchOne(db, category: key.category, key: key.key) else {
            throw ReachError.notFound("configuration \(key)")
        }
        _ = try ConfigValue(parsing: value, as: row.valueType)
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
        _ = try ConfigValue(parsing: value, as: type)
        if try SystemConfiguration.fetchOne(db, category: key.category, key: key.key) != nil {
            throw ReachError.conflict("configuration \(key) exists: change it with PUT")
        }
        let row = SystemConfiguration(
            category: key.category, key: key.key, value: value, valueType: type, description: description,
            isHotReloadable: hotReloadable, now: now)
        try row.insert(db)
        return row
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
