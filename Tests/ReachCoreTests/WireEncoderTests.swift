import Foundation
import ReachCore
import Testing

@Suite("Wire encoder")
struct WireEncoderTests {
    @Test("a creator row written directly reads as the wire format: keys sorted, every field, absent optionals left out")
    func creatorRows() async throws {
        let database = try ReachDatabase.temporary()
        _ = try DemoSeeder(database: database).seed(scale: 0)
        var query = CreatorQuery(userId: "user_demo")
        query.limit = 200
        let rows = try await Creators(AppContext(database: database, clock: SystemClock())).search(query, total: false).page.creators
        #expect(rows.count > 50)
        #expect(rows.contains { $0.name == nil || $0.bio == nil || $0.avatarUrl == nil } || rows.allSatisfy { $0.avatarUrl != nil })
        let text = String(decoding: try WireEncoder.encode(rows), as: UTF8.self)
        let parsed = try JSONValue(parsing: text)
        #expect(parsed.jsonText == text, "compact, keys sorted as JSONValue writes them")
        for (row, item) in zip(rows, parsed.arrayValue ?? []) {
            var expected: [String: JSONValue] = [
                "id": .int(row.id), "userId": .string(row.userId), "platform": .string(row.platform.rawValue),
                "handle": .string(row.handle), "followers": .int(Int64(row.followers)), "verified": .bool(row.verified),
                "emails": .array(row.emails.map(JSONValue.string)), "lastSeenAt": .string(WireFormat.timestamp(row.lastSeenAt)),
                "resultId": .string(row.resultId.uuidString.lowercased()), "position": .int(Int64(row.position)),
            ]
            expected["name"] = row.name.map(JSONValue.string)
            expected["bio"] = row.bio.map(JSONValue.string)
            expected["avatarUrl"] = row.avatarUrl.map(JSONValue.string)
            expected["profileUrl"] = row.profileUrl.map(JSONValue.string)
            #expect(item == .object(expected))
        }
    }

    @Test("a job's pages merge into one array: items in page order, empty pages and whitespace skipped, a non-array kept as an item")
    func mergedPages() throws {
        #expect(ScrapingResult.mergedArrays(["[1,2]", " [ 3 ] ", "[]", "[\"é\",{\"a\":[4]}]"]) == "[1,2,3,\"é\",{\"a\":[4]}]")
        #expect(ScrapingResult.mergedArrays(["[1]", "{\"x\":1}", "\n"]) == "[1,{\"x\":1}]")
        #expect(ScrapingResult.mergedArrays(["[]", "[]"]) == "[]")
        #expect(ScrapingResult.mergedArrays(["[5]"]) == "[5]")
    }
}
