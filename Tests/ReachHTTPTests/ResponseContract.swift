import Foundation
import ReachCore
@testable import ReachHTTP

/// Holds every answer the HTTP tests receive to `/openapi.json`: the operation must exist, the
/// status be one it documents, the content type its own, and a JSON body valid against the schema
/// (response objects refuse undocumented members). So the document and the routes cannot drift.
enum ResponseContract {
    static let document = OpenAPIDocument.document(testMode: true)
    static let validator = SchemaValidator(document: document)
    static let paths = document["paths"]?.objectValue ?? [:]

    /// What is wrong with `answer` to `method path`, if anything.
    static func problems(method: String, uri: String, status: Int, contentType: String, body: String) -> [String] {
        let path = String(uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        let label = "\(method) \(path) → \(status)"
        let type = contentType.split(separator: ";").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        guard let operation = operation(method: method.lowercased(), path: path) else {
            // No such route (or not with this method): a 404 or 405 problem.
            guard [404, 405].contains(status) else { return ["\(label): no documented operation"] }
            return validate(body, type: type, schema: OpenAPIDocument.ref("Problem"), label: label)
        }
        guard let response = operation["responses"]?[String(status)] else {
            return ["\(label): status not documented (documents \(operation["responses"]?.objectValue?.keys.sorted() ?? []))"]
        }
        guard let content = response["content"]?.objectValue else {
            return status == 303 || body.isEmpty ? [] : ["\(label): a body where the document has none"]
        }
        guard let schema = content[type]?["schema"] else {
            return ["\(label): content type \(type), the document has \(content.keys.sorted())"]
        }
        return validate(body, type: type, schema: schema, label: label)
    }

    static func validate(_ body: String, type: String, schema: JSONValue, label: String) -> [String] {
        guard type == "application/json" || type == "application/problem+json" else { return [] }
        guard let value = try? JSONValue(parsing: body) else { return ["\(label): the body is not JSON"] }
        return validator.problems(value, schema).prefix(8).map { "\(label): \($0)" }
    }

    /// The operation whose path template matches, literal segments preferred over parameters.
    static func operation(method: String, path: String) -> JSONValue? {
        let segments = path.split(separator: "/")
        var best: (score: Int, operation: JSONValue)?
        for (template, item) in paths {
            let parts = template.split(separator: "/")
            guard parts.count == segments.count else { continue }
            var score = 0
            var matched = true
            for (part, segment) in zip(parts, segments) {
                if part.hasPrefix("{") { continue }
                if part == segment { score += 1 } else { matched = false; break }
            }
            guard matched, let operation = item[method] else { continue }
            if best == nil || score > best!.score { best = (score, operation) }
        }
        return best?.operation
    }
}
