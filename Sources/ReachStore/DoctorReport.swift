import Foundation
import GRDB

/// What `reach doctor` reports.
public struct DoctorReport: Sendable, Codable {
    public struct TableSize: Sendable, Codable {
        public var name: String
        public var rows: Int
        public var bytes: Int
    }

    public var integrity: [String]
    public var foreignKeyViolations: Int
    /// Each search index, and `ok` or what is wrong with it.
    public var searchIndexes: [String: String]
    public var appliedMigrations: [String]
    public var pendingMigrations: [String]
    public var tables: [TableSize]
    /// Stored values the readers cannot read, by table (and column, for Reach's own tables), with
    /// a few of the rows' ids: written around Reach, or by a Reach before the CHECK that now refuses them.
    public var unreadable: [String: String] = [:]

    public var isHealthy: Bool {
        integrity == ["ok"] && foreignKeyViolations == 0 && searchIndexes.values.allSatisfy { $0 == "ok" }
            && pendingMigrations.isEmpty && unreadable.isEmpty
    }
}
