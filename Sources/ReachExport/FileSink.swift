import Foundation
import GRDB
import ReachStore

/// Buffers writes to a file handle in 256 KiB chunks.
public final class FileSink: ScriptSink {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    public init(_ handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(1 << 18)
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 18 { try flush() }
    }

    public func write(bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 18 { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
