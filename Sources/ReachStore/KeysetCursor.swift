import Foundation

/// A page cursor over rows ordered by a date, then an id: the last row's, opaque to clients.
public struct KeysetCursor: Sendable, Hashable {
    public var date: Date
    public var id: UUID

    public init(date: Date, id: UUID) {
        self.date = date
        self.id = id
    }

    public var encoded: String { Base64URL.encode("\(date.databaseText)|\(id.lowercased)".utf8) }

    /// Reads a cursor this server gave; anything else is refused with what to do.
    public init(decoding text: String) throws {
        guard let data = Base64URL.decode(text), let decoded = String(data: data, encoding: .utf8) else {
            throw StoreError.invalid(field: "cursor", reason: "is not one this server gave: omit it to start over")
        }
        let parts = decoded.split(separator: "|")
        guard parts.count == 2, let date = Date(databaseText: Array(parts[0].utf8)), let id = UUID(uuidString: String(parts[1]))
        else { throw StoreError.invalid(field: "cursor", reason: "is not one this server gave: omit it to start over") }
        self.init(date: date, id: id)
    }
}
