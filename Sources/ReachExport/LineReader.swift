import Foundation
import GRDB
import ReachCore
import ReachStore

/// Reads a file line by line in 1 MiB chunks, holding at most one line: memory stays flat
/// however large the file, and a line over ``maximumLineLength`` is refused as soon as it is seen.
public final class LineReader {
    /// The longest line read: far above any row Reach writes (a 1,000-creator page is under 1 MiB).
    public static let maximumLineLength = 64 << 20

    /// The next chunk of the input; empty at its end.
    private let read: () throws -> Data
    private let maximumLength: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private(set) var lineNumber = 0

    init(_ handle: FileHandle, maximumLength: Int = LineReader.maximumLineLength) {
        self.read = { try handle.read(upToCount: 1 << 20) ?? Data() }
        self.maximumLength = maximumLength
    }

    /// Lines of bytes in memory (the fuzzer's input), read in chunks all the same.
    public init(data: Data, chunk: Int = 1 << 20, maximumLength: Int = LineReader.maximumLineLength) {
        var offset = data.startIndex
        self.read = {
            let end = min(data.endIndex, offset + chunk)
            defer { offset = end }
            return data[offset..<end]
        }
        self.maximumLength = maximumLength
    }

    /// The next line without its newline, and its 1-based number; `nil` at the end.
    func next() throws -> (Int, String)? {
        var scanned = position  // bytes before this hold no newline
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                // COPY data never holds a raw carriage return (it is escaped): one here ends a CRLF line.
                if end > position, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = try decode(buffer[position..<end])
                position = newline + 1
                lineNumber += 1
                return (lineNumber, line)
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                let line = try decode(buffer[position...])
                position = buffer.count
                lineNumber += 1
                return (lineNumber, line)
            }
            buffer.removeSubrange(0..<position)
            position = 0
            scanned = buffer.count
            guard buffer.count <= maximumLength else {
                throw Importer.Failure(
                    line: lineNumber + 1,
                    reason: "the line is longer than \(maximumLength >> 20) MiB: not a line of a `reach export` script or a pg_dump")
            }
            let chunk = try read()
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
        }
    }

    private func decode(_ bytes: ArraySlice<UInt8>) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Importer.Failure(line: lineNumber + 1, reason: "the line is not valid UTF-8")
        }
        return text
    }
}
