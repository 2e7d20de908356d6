import Foundation
import GRDB

/// Where a statement's columns are: per column of the record, its index, or -1 when absent.
public struct ColumnLayout<Columns: RecordColumns>: Sendable {
    let indexes: [Int]

    public init(_ statement: Statement) {
        indexes = Columns.allCases.map { statement.index(ofColumn: $0.rawValue) ?? -1 }
    }
}
