import Foundation
import ReachStore

/// Finds `name@domain.tld` addresses in free text.
public enum EmailExtractor {
    public static func emails(in text: String) -> [String] {
        guard text.contains("@") else { return [] }
        var found: [String] = []
        let local = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
        let domain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
        let characters = Array(text)
        for (index, character) in characters.enumerated() where character == "@" {
            var start = index
            while start > 0, local.contains(characters[start - 1]) { start -= 1 }
            var end = index + 1
            while end < characters.count, domain.contains(characters[end]) { end += 1 }
            guard start < index, end > index + 1 else { continue }
            let localPart = String(characters[start..<index]).trimmingCharacters(in: CharacterSet(charactersIn: "."))
            var domainPart = String(characters[(index + 1)..<end])
            while domainPart.hasSuffix(".") || domainPart.hasSuffix("-") { domainPart.removeLast() }
            let labels = domainPart.split(separator: ".", omittingEmptySubsequences: false)
            guard !localPart.isEmpty, labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }),
                let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter)
            else { continue }
            let email = "\(localPart)@\(domainPart)".lowercased()
            if !found.contains(email) { found.append(email) }
        }
        return found
    }
}
