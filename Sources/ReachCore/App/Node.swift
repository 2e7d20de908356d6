import Foundation
import ReachStore

/// A node of the tree being encoded.
final class Node {
    enum Kind {
        case value(JSONValue)
        /// JSON text written as it is.
        case raw(String)
        case object([String: Node])
        case array([Node])
    }

    var kind: Kind

    init(_ kind: Kind) {
        self.kind = kind
    }

    var value: JSONValue {
        switch kind {
        case .value(let value): return value
        case .raw(let text): return (try? JSONValue(parsing: text)) ?? .null
        case .object(let members): return .object(members.mapValues(\.value))
        case .array(let items): return .array(items.map(\.value))
        }
    }

    /// Compact JSON, keys sorted.
    func write(to output: inout String) {
        switch kind {
        case .value(let value): output += value.jsonText
        case .raw(let text): output += text
        case .object(let members):
            output += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                output += JSONValue.string(key).jsonText
                output += ":"
                members[key]!.write(to: &output)
            }
            output += "}"
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                item.write(to: &output)
            }
            output += "]"
        }
    }
}
