import Foundation
import GRDB
import Testing
@testable import ReachStore

@Suite("Stored dates")
struct StoredDateTests {
    @Test("databaseText writes what GRDB writes, without DateFormatter")
    func sameAsGRDB() {
        var random = SystemRandomNumberGenerator()
        // From 1583 on: before it, Foundation's calendar turns Julian while SQLite and PostgreSQL
        // (and databaseText) stay proleptic Gregorian.
        let samples = [-12_000_000_000.0, -1, 0, 951_782_400.999, 1_764_021_978.125, 253_402_300_799.999]
            + (0..<500).map { _ in Double(Int64.random(in: -12_000_000_000_000...250_000_000_000_000, using: &random)) / 1000 }
        for seconds in samples {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(date.databaseText == String.fromDatabaseValue(date.databaseValue), "\(seconds)")
        }
        #expect(Date(timeIntervalSince1970: -62_135_596_800).databaseText == "0001-01-01 00:00:00.000",
                "year 1 as SQLite's julianday counts it")
    }
}
