import Crypto
import Foundation
import GRDB
import ReachStore

/// Why a webhook's signature was refused.
public struct SignatureError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// Compares two signatures in time independent of where they differ.
func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let left = Array(a.utf8), right = Array(b.utf8)
    guard left.count == right.count else { return false }
    var difference: UInt8 = 0
    for index in left.indices { difference |= left[index] ^ right[index] }
    return difference == 0
}
