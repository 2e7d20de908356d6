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
        case .value(let value): value.write(to: &output)
        case .raw(let text): output += text
        case .object(let members): JSONText.object(members, to: &output) { $0.write(to: &$1) }
        case .array(let items): JSONText.array(items, to: &output) { $0.write(to: &$1) }
        }
    }
}
