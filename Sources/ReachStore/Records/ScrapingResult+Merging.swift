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
    /// becomes one item. Works on the UTF-8 bytes: Foundation's trimming went through UTF-16 and
    /// was most of a job's answer.
    public static func mergedArrays(_ texts: [String]) -> String {
        guard texts.count > 1 else { return texts.first ?? "[]" }
        var output: [UInt8] = [UInt8(ascii: "[")]
        output.reserveCapacity(texts.reduce(2) { $0 + $1.utf8.count })
        var empty = true
        for var text in texts {
            text.withUTF8 { bytes in
                var start = 0
                var end = bytes.count
                trim(bytes, &start, &end)
                if end - start >= 2, bytes[start] == UInt8(ascii: "["), bytes[end - 1] == UInt8(ascii: "]") {
                    start += 1
                    end -= 1
                    trim(bytes, &start, &end)
                }
                guard start < end else { return }
                if !empty { output.append(UInt8(ascii: ",")) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                empty = false
            }
        }
        output.append(UInt8(ascii: "]"))
        return String(decoding: output, as: UTF8.self)
    }

    /// Moves `start` and `end` past JSON's whitespace (space, tab, line feed, carriage return).
    private static func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ start: inout Int, _ end: inout Int) {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
    }
}
