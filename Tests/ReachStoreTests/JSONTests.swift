import Foundation
import GRDB
import Testing
@testable import ReachStore

@Suite("JSON")
struct JSONTests {
    @Test("parses and writes JSON, keys sorted, integers kept")
    func roundTrip() throws {
        let text = #"{"b":[1,2.5,-3e2,true,false,null],"a":"é\"\\\n\t🎉\u00e9","n":1250000}"#
        let value = try JSONValue(parsing: text)
        #expect(value["n"] == .int(1_250_000))
        #expect(value["a"]?.stringValue == "é\"\\\n\t🎉é")
        #expect(value.jsonText == #"{"a":"é\"\\\n\t🎉é","b":[1,2.5,-300,true,false,null],"n":1250000}"#)
        #expect(try JSONValue(parsing: value.jsonText) == value)
    }

    @Test("refuses what PostgreSQL's jsonb refuses", arguments: [
        "[1,]", "{\"a\" 1}", "01", "[\"\u{01}\"]", #"["\ud800"]"#, #"["\udc00x"]"#, "1 2", "", "nul", "[1e999]",
        String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
    ])
    func refuses(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
    }

    @Test("NUL is refused before it reaches the database")
    func nul() {
        #expect(throws: JSONValueError.self) { try JSONValue.object(["a": .string("x\u{0}y")]).validateForPostgres() }
    }
}
