import Foundation
import GRDB
import ReachStore

/// Where a script goes: a file, standard output, or `psql`'s standard input.
public protocol ScriptSink {
    func write(_ text: String) throws
    func write(bytes: [UInt8]) throws
    func flush() throws
}

extension ScriptSink {
    public func write(bytes: [UInt8]) throws {
        try write(String(decoding: bytes, as: UTF8.self))
    }
}
