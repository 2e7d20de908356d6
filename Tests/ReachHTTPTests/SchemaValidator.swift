import Foundation
import ReachCore

/// The part of JSON Schema (2020-12, as OpenAPI 3.1 uses it) that Reach's document uses: `$ref`,
/// `type` (one or several), `properties`, `required`, `additionalProperties`, `items`, `enum`,
/// `format` (date-time, uuid), `minimum`/`maximum` and `anyOf`. Unknown keywords fail loudly, so
/// that the document cannot use more than is checked.
struct SchemaValidator {
    let components: [String: JSONValue]

    init(document: JSONValue) {
        components = document["components"]?["schemas"]?.objectValue ?? [:]
    }

    static let keywords: Set<String> = [
        "$ref", "type", "properties", "required", "additionalProperties", "items", "enum", "format", "minimum", "maximum",
        "anyOf", "description", "minLength", "maxLength", "minItems", "maxItems", "pattern",
    ]

    /// Every way `value` breaks `schema`, as `path: problem`.
    func problems(_ value: JSONValue, _ schema: JSONValue, path: String = "$") -> [String] {
        guard case .object(let rules) = schema else { return ["\(path): the schema is not an object"] }
        if let unknown = rules.keys.first(where: { !Self.keywords.contains($0) }) { return ["\(path): unchecked keyword \(unknown)"] }
        if let reference = rules["$ref"]?.stringValue {
            let name = String(reference.split(separator: "/").last ?? "")
            guard let target = components[name] else { return ["\(path): no schema \(name)"] }
            return problems(value, target, path: path)
        }
        if let choices = rules["anyOf"]?.arrayValue {
            let each = choices.map { problems(value, $0, path: path) }
            return each.contains(where: \.isEmpty) ? [] : ["\(path): matches none of anyOf: \(each.flatMap { $0 }.prefix(3))"]
        }
        var found: [String] = []
        if let type = rules["type"] {
            let allowed = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue ?? ""]
            guard allowed.contains(where: { Self.matches(value, $0) }) else {
                return ["\(path): \(Self.name(of: value)) where the document says \(allowed.joined(separator: " or "))"]
            }
        }
        if let choices = rules["enum"]?.arrayValue, !choices.contains(value) {
            found.append("\(path): \(value.jsonText.prefix(60)) is not one of \(JSONValue.array(choices).jsonText.prefix(200))")
        }
        if let text = value.stringValue, let format = rules["format"]?.stringValue {
            switch format {
            case "date-time" where WireFormat.parseTimestamp(text) == nil || !text.hasSuffix("Z"):
                found.append("\(path): \(text) is not an ISO-8601 UTC timestamp")
            case "uuid" where UUID(uuidString: text) == nil || text != text.lowercased():
                found.append("\(path): \(text) is not a lowercase UUID")
            default: break
            }
        }
        if let number = value.doubleValue {
            if let minimum = rules["minimum"]?.doubleValue, number < minimum { found.append("\(path): \(number) < \(minimum)") }
            if let maximum = rules["maximum"]?.doubleValue, number > maximum { found.append("\(path): \(number) > \(maximum)") }
        }
        if case .object(let members) = value {
            let properties = rules["properties"]?.objectValue ?? [:]
            for name in rules["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
                found.append("\(path): required `\(name)` is missing")
            }
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                if let rule = properties[name] {
                    found += problems(member, rule, path: "\(path).\(name)")
                } else {
                    switch rules["additionalProperties"] {
                    case .bool(false)?: found.append("\(path): `\(name)` is not in the document")
                    case let rule? where rule.objectValue != nil: found += problems(member, rule, path: "\(path).\(name)")
                    default: break
                    }
                }
            }
        }
        if case .array(let items) = value, let rule = rules["items"] {
            for (index, item) in items.enumerated() { found += problems(item, rule, path: "\(path)[\(index)]") }
        }
        return found
    }

    static func matches(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): return true
        case ("integer", .int): return true
        case ("integer", .double(let number)): return number.rounded() == number
        case ("number", .int), ("number", .double): return true
        default: return false
        }
    }

    static func name(of value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
