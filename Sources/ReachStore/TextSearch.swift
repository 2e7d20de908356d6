import GRDB

/// Substring search with the meaning of PostgreSQL's `ILIKE '%q%'`, shared by user and creator search.
///
/// FTS5's trigram tokenizer folds Unicode case, but finds nothing under three characters, and
/// SQLite's `LIKE` folds ASCII only. Queries of three characters or more use `MATCH` with the
/// input quoted as one phrase (quotes, `AND`, `*`, `NEAR` are just text); shorter ones, and plans
/// that walk an index in order, use ``containsFolded``: the same folding, one code point at a time,
/// so both plans return the same rows.
public enum TextSearch {
    /// The shortest query the trigram index can answer.
    public static let minimumIndexedLength = 3

    /// Folds case per code point, as the trigram tokenizer does: `ÉCOLE` → `école`.
    public static func fold(_ text: String) -> String {
        String(decoding: foldedUTF8(text), as: UTF8.self)
    }

    /// ``fold(_:)`` as UTF-8 bytes, written straight into one buffer: appending scalars to a
    /// string one at a time was most of a creator search's time.
    static func foldedUTF8(_ text: String) -> [UInt8] {
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {  // most of any text
                folded.append(asciiLowercased(UInt8(scalar.value)))
                continue
            }
            var chosen = scalar
            // Most other scalars (emoji, CJK) have no lower case: `lowercaseMapping` builds a string.
            if scalar.properties.changesWhenLowercased {
                let lower = scalar.properties.lowercaseMapping.unicodeScalars
                if lower.count == 1, let only = lower.first { chosen = only }
            }
            UTF8.encode(chosen) { folded.append($0) }
        }
        return folded
    }

    /// Whether the query is long enough for the trigram index.
    public static func usesIndex(_ query: String) -> Bool {
        query.unicodeScalars.count >= minimumIndexedLength
    }

    /// The FTS5 query that matches `text` literally, as one phrase.
    public static func phrase(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `reach_contains_folded(haystack1, haystack2, ..., foldedNeedle)`: 1 when any haystack,
    /// folded, holds the needle as a substring of code points.
    static let containsFolded = DatabaseFunction("reach_contains_folded", pure: true) { values in
        guard values.count >= 2, let needle = String.fromDatabaseValue(values[values.count - 1]) else {
            return false
        }
        let needleBytes = Array(needle.utf8)
        if needleBytes.isEmpty { return true }
        for value in values.dropLast() {
            guard let haystack = String.fromDatabaseValue(value) else { continue }
            if contains(haystack, foldedNeedle: needleBytes) { return true }
        }
        return false
    }

    /// Whether `haystack`, folded, holds `needle` (folded UTF-8). ASCII text, most of it, is
    /// compared byte by byte without building a folded copy.
    static func contains(_ haystack: String, foldedNeedle needle: [UInt8]) -> Bool {
        let ascii = haystack.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            for byte in bytes where byte >= 0x80 { return nil }
            return scan(bytes, for: needle, lowering: true)
        }
        if let ascii, let found = ascii { return found }
        // A plain byte loop: the generic `firstRange(of:)` cost more than the folding.
        return foldedUTF8(haystack).withUnsafeBufferPointer { bytes in scan(bytes, for: needle, lowering: false) }
    }

    /// Whether `haystack` holds `needle`, its ASCII letters lowered first when `lowering`.
    private static func scan(_ haystack: UnsafeBufferPointer<UInt8>, for needle: [UInt8], lowering: Bool) -> Bool {
        guard needle.count <= haystack.count else { return false }
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 { lowering ? asciiLowercased(byte) : byte }
        let first = needle[0]
        var start = 0
        while start <= haystack.count - needle.count {
            if lower(haystack[start]) == first {
                var offset = 1
                while offset < needle.count && lower(haystack[start + offset]) == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    @inline(__always) private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        byte &- 65 < 26 ? byte | 0x20 : byte
    }
}
