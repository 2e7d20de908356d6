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

    public enum Columns: String, RecordColumns {
        case id
        case category
        case key
        case value
        case valueType = "value_type"
        case description
        case isHotReloadable = "is_hot_reloadable"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

// Field by field: settings are read at each use.
extension SystemConfiguration {
    public init(_ row: RecordRow<Columns>) throws {
        id = try row.uuid(.id)
        category = try row.required(.category)
        key = try row.required(.key)
        value = try row.required(.value)
        valueType = try row.enumeration(.valueType)
        description = try row.optional(.description)
        isHotReloadable = try row.required(.isHotReloadable)
        createdAt = try row.date(.createdAt)
        updatedAt = try row.date(.updatedAt)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id.lowercased
        container[Columns.category] = category
        container[Columns.key] = key
        container[Columns.value] = value
        container[Columns.valueType] = valueType.rawValue
        container[Columns.description] = description
        container[Columns.isHotReloadable] = isHotReloadable
        container[Columns.createdAt] = createdAt.databaseText
        container[Columns.updatedAt] = updatedAt.databaseText
    }
}
