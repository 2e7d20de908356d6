import Foundation
import GRDB

/// A row of `scraping_results`: one provider page of creators for a job.
public struct ScrapingResult: ReachRecord, Identifiable, Hashable {
    public static let databaseTableName = "scraping_results"

    public var id: UUID
    public var jobId: UUID?
    /// A JSON array of creator items (platform-facts.md "Creator shapes"), kept as text until read.
    public var creators: RawJSON
    public var createdAt: Date
    /// The job cursor this page was fetched at (Reach's addition): one page per job and cursor.
    public var cursor: Int?

    public init(id: UUID = UUID(), jobId: UUID?, creators: [JSONValue], cursor: Int? = nil, now: Date) {
        self.id = id
        self.jobId = jobId
        self.creators = RawJSON(.array(creators))
        self.cursor = cursor
        self.createdAt = now
    }

    public var creatorItems: [JSONValue] { creators.value.arrayValue ?? [] }

    public enum Columns {
        public static let id = Column("id")
        public static let jobId = Column("job_id")
        public static let createdAt = Column("created_at")
    }
}

// Field by field: pages are the largest rows.
extension ScrapingResult {
    public init(row: Row) throws {
        id = row.uuid("id")
        jobId = row.optionalUUID("job_id")
        creators = row["creators"] ?? RawJSON(.array([]))
        createdAt = row.date("created_at")
        cursor = row["cursor"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id.lowercased
        container["job_id"] = jobId?.lowercased
        container["creators"] = creators
        container["created_at"] = createdAt.databaseText
        container["cursor"] = cursor
    }
}
