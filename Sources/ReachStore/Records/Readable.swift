import Foundation
import GRDB

/// Records read from many rows, and the ids of the rows that could not be read.
public struct Readable<Record: Sendable>: Sendable {
    public var records: [Record] = []
    public var unreadable: [(id: String, error: StoreError)] = []
}
