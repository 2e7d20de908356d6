import Foundation

/// A dump read in 1 MiB chunks: bytes for the statement scanner, whole lines for COPY data.
///
/// Memory stays flat however large the file: the buffer holds the chunk being read and at most
/// one line, and a line (or a quoted value) over ``maximumLineLength`` is refused as soon as it is
/// seen, with its line number.
public final class DumpInput {
    /// The longest line or value read: far above any row Reach writes (a 1,000-creator page is under 1 MiB).
    public static let maximumLineLength = 64 << 20

    /// The next chunk of the input; empty at its end.
    private let read: () throws -> Data
    let maximumLength: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// The line of the next byte, counting from 1.
    private(set) var line = 1
    /// Bytes read from the input so far (for progress).
    public private(set) var bytesRead = 0

    public init(_ handle: FileHandle, maximumLength: Int = DumpInput.maximumLineLength) {
        self.read = { try handle.read(upToCount: 1 << 20) ?? Data() }
        self.maximumLength = maximumLength
    }

    /// Bytes in memory (the fuzzer's input, the tests'), read in chunks all the same.
    public init(data: Data, chunk: Int = 1 << 20, maximumLength: Int = DumpInput.maximumLineLength) {
        var offset = data.startIndex
        self.read = {
            let end = min(data.endIndex, offset + chunk)
            defer { offset = end }
            return data[offset..<end]
        }
        self.maximumLength = maximumLength
    }

    /// Reads another chunk; false at the end of the input.
    private func more() throws -> Bool {
        guard !atEnd else { return false }
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        let chunk = try read()
        if chunk.isEmpty {
            atEnd = true
            return false
        }
        buffer.append(contentsOf: chunk)
        bytesRead += chunk.count
        return true
    }

    /// The byte `offset` places ahead, without consuming it; nil past the end.
    @inline(__always) func peek(_ offset: Int = 0) throws -> UInt8? {
        while position + offset >= buffer.count {
            guard try more() else { return nil }
        }
        return buffer[position + offset]
    }

    /// Consumes one byte.
    @inline(__always) func advance() {
        if buffer[position] == UInt8(ascii: "\n") { line += 1 }
        position += 1
    }

    /// The next byte, consumed; nil at the end.
    @inline(__always) func next() throws -> UInt8? {
        guard let byte = try peek() else { return nil }
        advance()
        return byte
    }

    /// The next line without its newline (or CRLF), and its number; nil at the end.
    func nextLine() throws -> (Int, String)? {
        var scanned = 0  // bytes after `position` known to hold no newline
        while true {
            if let newline = buffer[(position + scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                // COPY data never holds a raw carriage return (it is escaped): one here ends a CRLF line.
                if end > position, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let text = try decode(buffer[position..<end])
                position = newline + 1
                defer { line += 1 }
                return (line, text)
            }
            scanned = buffer.count - position
            guard scanned <= maximumLength else { throw tooLong() }
            guard try more() else {
                guard position < buffer.count else { return nil }
                let text = try decode(buffer[position...])
                position = buffer.count
                defer { line += 1 }
                return (line, text)
            }
        }
    }

    /// Skips to the start of the next line.
    func skipLine() throws {
        while let byte = try next(), byte != UInt8(ascii: "\n") {}
    }

    func tooLong() -> Importer.Failure {
        Importer.Failure(line: line, reason: "the line is longer than \(maximumLength >> 20) MiB: not a line of a `reach export` script or a pg_dump")
    }

    func decode(_ bytes: ArraySlice<UInt8>) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Importer.Failure(line: line, reason: "the line is not valid UTF-8")
        }
        return text
    }
}
