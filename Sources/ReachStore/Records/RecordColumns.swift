import Foundation
import GRDB

/// The columns of a record's table, in the table's order, named as in the schema.
public protocol RecordColumns: RawRepresentable<String>, CaseIterable, ColumnExpression, Sendable, Hashable
where AllCases == [Self] {}

extension RecordColumns {
    /// The column's place in `allCases`: the declaration order is the enum's tag, so this costs
    /// nothing, where a dictionary lookup per field was most of the cost of decoding wide rows.
    @inline(__always) var ordinal: Int {
        withUnsafeBytes(of: self) { $0.isEmpty ? 0 : Int($0[0]) }
    }
}
