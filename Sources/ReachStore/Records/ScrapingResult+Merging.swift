import Foundation

extension ScrapingResult {
    /// A job's pages as the platform keeps them: one row with every creator in page order, and the
    /// id, time and cursor of the first page. One page is returned as it is; none is nil.
    ///
    /// The arrays are joined as text, without parsing: pages are the largest values Reach holds.
    public static func merged(_ pages: [ScrapingResult]) -> ScrapingResult? {
        guard var first = pages.first else { return nil }
        guard pages.count > 1 else { return first }
        first.creators = RawJSON(trusted: mergedArrays(pages.map(\.creators.text)))
        return first
    }

    /// JSON arrays' texts as one array's text; a text that is not an array (written around Reach)
    /// becomes one item.
    public static func mergedArrays(_ texts: [String]) -> String {
        guard texts.count > 1 else { return texts.first ?? "[]" }
        var output = "["
        var empty = true
        for text in texts {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            let inner: Substring
            if trimmed.hasPrefix("["), trimmed.hasSuffix("]") {
                inner = trimmed.dropFirst().dropLast()
            } else {
                inner = Substring(trimmed)
            }
            guard inner.contains(where: { !$0.isWhitespace }) else { continue }
            if !empty { output += "," }
            output += inner
            empty = false
        }
        return output + "]"
    }
}
