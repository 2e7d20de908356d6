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

    public enum Columns: String, RecordColumns {
        case id
        case userId = "user_id"
        case name
        case description
        case searchType = "search_type"
        case status
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

extension Campaign {
    public init(_ row: RecordRow<Columns>) throws {
        id = try row.uuid(.id)
        userId = try row.required(.userId)
        name = try row.required(.name)
        description = try row.optional(.description)
        searchType = try row.enumeration(.searchType)
        status = try row.enumeration(.status)
        createdAt = try row.date(.createdAt)
        updatedAt = try row.date(.updatedAt)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id.lowercased
        container[Columns.userId] = userId
        container[Columns.name] = name
        container[Columns.description] = description
        container[Columns.searchType] = searchType.rawValue
        container[Columns.status] = status.rawValue
        container[Columns.createdAt] = createdAt.databaseText
        container[Columns.updatedAt] = updatedAt.databaseText
    }
}
