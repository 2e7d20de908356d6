import Foundation
import ReachCore

/// A provider's answer of the wrong shape fails the call (no retry), naming the provider.
enum ShapeCheck {
    /// The array under `key` (none: empty); anything else under it, or an answer that is not an
    /// object, is an error.
    static func array(_ answer: JSONValue, _ key: String, provider: Provider) throws -> [JSONValue] {
        guard case .object(let members) = answer else {
            throw ProviderError("\(provider.name) answered something other than a JSON object", isTransient: false)
        }
        switch members[key] {
        case nil, .null?: return []
        case .array(let items)?: return items
        default: throw ProviderError("\(provider.name) answered `\(key)` that is not a list", isTransient: false)
        }
    }

    static func object(_ answer: JSONValue, provider: Provider) throws -> JSONValue {
        guard case .object = answer else {
            throw ProviderError("\(provider.name) answered something other than a JSON object", isTransient: false)
        }
        return answer
    }
}
