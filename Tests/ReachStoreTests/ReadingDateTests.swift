import Foundation
import GRDB
import Testing
@testable import ReachStore

@Suite("Reading stored dates")
struct ReadingDateTests {
    @Test("Date(databaseText:) reads what databaseText writes, and GRDB's other forms")
    func roundTrip() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let date = Date(timeIntervalSince1970: Double(Int64.random(in: -62_135_596_800_000...253_402_300_799_999, using: &random)) / 1000)
            let parsed = Date(databaseText: Array(date.databaseText.utf8))
            #expect(parsed?.databaseText == date.databaseText)
        }
        #expect(Date(databaseText: Array("2026-11-24 22:06:18".utf8))?.databaseText == "2026-11-24 22:06:18.000")
        #expect(Date(databaseText: Array("2026-11-24 22:06".utf8))?.databaseText == "2026-11-24 22:06:00.000")
        #expect(Date(databaseText: Array("2026-11-24 22:06:18.5".utf8))?.databaseText == "2026-11-24 22:06:18.500")
        #expect(Date(databaseText: Array("2026-11-24T22:06:18.123".utf8))?.databaseText == "2026-11-24 22:06:18.123")
        #expect(Date(databaseText: Array("not a date".utf8)) == nil)
        #expect(Date(databaseText: Array("2026-13-24 22:06:18.123".utf8)) == nil)
        #expect(Date(databaseText: Array("2026-11-24 22:06:18.1239".utf8))?.databaseText == "2026-11-24 22:06:18.123")
        #expect(Date(databaseText: Array("99999999999999999999-11-24 22:06".utf8)) == nil, "too many digits, no overflow")
    }

    @Test("stored UUIDs are read in either case; malformed ones are refused")
    func uuids() throws {
        for _ in 0..<100 {
            let uuid = UUID()
            #expect(Array(uuid.lowercased.utf8).withUnsafeBytes(UUID.parse) == uuid)
            #expect(Array(uuid.uuidString.utf8).withUnsafeBytes(UUID.parse) == uuid)
        }
        for bad in ["", "not-a-uuid", "0c03ec9a-c401-4af5-88d3-d6fdfd62053", "0c03ec9a-c401-4af5-88d3-d6fdfd62053g",
                    "0c03ec9axc401-4af5-88d3-d6fdfd62053d"] {
            #expect(Array(bad.utf8).withUnsafeBytes(UUID.parse) == nil, "\(bad)")
        }
        let database = try ReachDatabase.inMemory()
        let id = UUID()
        let row = try database.reader.read { db in try Row.fetchOne(db, sql: "SELECT ? AS id, NULL AS none", arguments: [id.lowercased]) }
        #expect(row?.optionalUUID("id") == id)
        #expect(row?.optionalUUID("none") == nil)
    }
}
