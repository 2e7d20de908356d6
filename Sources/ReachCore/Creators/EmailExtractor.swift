import Foundation
import ReachStore

/// Finds e-mail addresses in free text as the platform does: the non-overlapping matches, left to
/// right, of `[\w.-]+@[\w.-]+\.\w+` with ASCII `\w` and JavaScript's code-point matching; case kept,
/// exact repeats dropped.
public enum EmailExtractor {
    public static func emails(in text: String) -> [String] {
        guard text.contains("@") else { return [] }
        let pattern = #/[A-Za-z0-9_.\-]+@[A-Za-z0-9_.\-]+\.[A-Za-z0-9_]+/#.matchingSemantics(.unicodeScalar)
        var found: [String] = []
        for match in text.matches(of: pattern) {
            let email = String(text[match.range])
            if !found.contains(email) { found.append(email) }
        }
        return found
    }

    /// A provider's own address first, then those of the text, without repeats.
    public static func emails(provided: String?, in text: String) -> [String] {
        var found = provided.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : [$0] } ?? []
        for email in emails(in: text) where !found.contains(email) { found.append(email) }
        return found
    }
}
