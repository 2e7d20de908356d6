import Foundation
import GRDB

/// A row of `scraping_results`: one provider page of creators for a job.
public struct ScrapingResult: ReachRecord, Identifiable, Hashable {
    public static let databaseTableName = "scraping_results"

    public var id: UUID
    public var jobId: UUID?
    /// A JSON array of creator items (platform-facts.md "Creator shapes").
    public var creators: JSONValue
    public var createdAt: Date

    public init(id: UUID = UUID(), jobId: UUID?, creators: [JSONValue], now: Date) {
        self.id = id
        self.jobId = jobId
        self.creators = .array(creators)
        self.createdAt = now
    }

    public var creatorItems: [JSONValue] { creators.arrayValue ?? [] }

    public enum Columns {
        public static let id = Column("id")
        public static let jobId = Column("job_id")
        public static let createdAt = Column("created_at")
    }
}
