import Foundation
import HummingbirdTesting
import ReachCore
import Testing

/// The JSON types the platform's frontend reads a field as.
enum Kind: String {
    case string, number, integer, boolean, array, object, null

    func matches(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (.string, .string), (.boolean, .bool), (.array, .array), (.object, .object), (.null, .null): return true
        case (.integer, .int): return true
        case (.number, .int), (.number, .double): return true
        default: return false
        }
    }
}

/// The member at a dotted path (`usageInfo.creatorsLimit`, `results.0.creators`).
func member(_ value: JSONValue, _ path: String) -> JSONValue? {
    path.split(separator: ".").reduce(Optional(value)) { current, key in
        guard let current else { return nil }
        if let index = Int(key), case .array = current { return current[index] }
        return current[String(key)]
    }
}

/// Expects each field the frontend reads to be present with its type.
func expectFields(
    _ value: JSONValue, _ fields: [String: Kind], _ context: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    for (path, kind) in fields.sorted(by: { $0.key < $1.key }) {
        guard let found = member(value, path) else {
            Issue.record("\(context): `\(path)` is missing", sourceLocation: sourceLocation)
            continue
        }
        #expect(kind.matches(found), "\(context): `\(path)` is \(found.jsonText.prefix(80)), the frontend reads a \(kind.rawValue)",
                sourceLocation: sourceLocation)
    }
}

/// Runs the scheduler until the search is final, moving the clock past the continuation delays.
func finish(_ harness: Harness, polling path: String, _ client: any TestClientProtocol, token: String) async throws -> Answer {
    var poll = try await client.call(.get, path, token: token)
    for _ in 0..<60 {
        let job = poll.json["job"] ?? poll.json
        if ["completed", "error", "timeout", "cancelled"].contains(job["status"]?.stringValue ?? "") { break }
        try await harness.scheduler.runUntilIdle()
        harness.clock.advance(by: 31)  // the reels delay (30s), the longest continuation delay
        poll = try await client.call(.get, path, token: token)
    }
    return poll
}
