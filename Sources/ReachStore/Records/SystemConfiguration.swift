import Foundation
import GRDB

/// A row of `system_configurations`: one runtime setting, `category.key = value`.
public struct SystemConfiguration: ReachRecord, Identifiable, Hashable {
    public static let databaseTableName = "system_configurations"

    public var id: UUID
    public var category: String
    public var key: String
    public var value: String
    public var valueType: ConfigValueType
    public var description: String?
    /// `'true'` or `'false'`: the platform stores this flag as text.
    public var isHotReloadable: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID = UUID(), category: String, key: String, value: String, valueType: ConfigValueType,
        description: String? = nil, isHotReloadable: Bool = true, now: Date
    ) {
        self.id = id
        self.category = category
        self.key = key
        self.value = value
        self.valueType = valueType
        self.description = description
        self.isHotReloadable = isHotReloadable ? "true" : "false"
        self.createdAt = now
        self.updatedAt = now
    }

    public enum Columns {
        public static let category = Column("category")
        public static let key = Column("key")
        public static let isHotReloadable = Column("is_hot_reloadable")
    }
}

// Field by field: settings are read at each use.
extension SystemConfiguration {
    public init(row: Row) throws {
        id = row.uuid("id")
        category = row["category"]
        key = row["key"]
        value = row["value"]
        valueType = ConfigValueType(rawValue: row["value_type"]) ?? .number
        description = row["description"]
        isHotReloadable = row["is_hot_reloadable"]
        createdAt = row.date("created_at")
        updatedAt = row.date("updated_at")
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id.lowercased
        container["category"] = category
        container["key"] = key
        container["value"] = value
        container["value_type"] = valueType.rawValue
        container["description"] = description
        container["is_hot_reloadable"] = isHotReloadable
        container["created_at"] = createdAt.databaseText
        container["updated_at"] = updatedAt.databaseText
    }
}
