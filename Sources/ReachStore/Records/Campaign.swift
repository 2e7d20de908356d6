import Foundation
import GRDB

/// A row of `campaigns`: a user's container for searches.
public struct Campaign: ReachRecord, Identifiable, Hashable {
    public static let databaseTableName = "campaigns"

    public var id: UUID
    public var userId: String
    public var name: String
    public var description: String?
    public var searchType: SearchType
    public var status: CampaignStatus
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID = UUID(), userId: String, name: String, description: String? = nil,
        searchType: SearchType, status: CampaignStatus = .draft, now: Date
    ) {
        self.id = id
        self.userId = userId
        self.name = name
        self.description = description
        self.searchType = searchType
        self.status = status
        self.createdAt = now
        self.updatedAt = now
    }

    public enum Columns {
        public static let id = Column("id")
        public static let userId = Column("user_id")
        public static let status = Column("status")
        public static let createdAt = Column("created_at")
    }
}

extension Campaign {
    public init(row: Row) throws {
        id = row.uuid("id")
        userId = row["user_id"]
        name = row["name"]
        description = row["description"]
        searchType = SearchType(rawValue: row["search_type"]) ?? .keyword
        status = CampaignStatus(rawValue: row["status"]) ?? .draft
        createdAt = row.date("created_at")
        updatedAt = row.date("updated_at")
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id.lowercased
        container["user_id"] = userId
        container["name"] = name
        container["description"] = description
        container["search_type"] = searchType.rawValue
        container["status"] = status.rawValue
        container["created_at"] = createdAt.databaseText
        container["updated_at"] = updatedAt.databaseText
    }
}
