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

    public enum Columns: String, RecordColumns {
        case id
        case jobId = "job_id"
        case creators
        case createdAt = "created_at"
        case cursor
    }
}

// Field by field: pages are the largest rows.
extension ScrapingResult {
    public init(_ row: RecordRow<Columns>) throws {
        id = try row.uuid(.id)
        jobId = try row.optionalUUID(.jobId)
        creators = try row.rawJSON(.creators)
        createdAt = try row.date(.createdAt)
        cursor = try row.optional(.cursor)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id.lowercased
        container[Columns.jobId] = jobId?.lowercased
        container[Columns.creators] = creators
        container[Columns.createdAt] = createdAt.databaseText
        container[Columns.cursor] = cursor
    }
}
