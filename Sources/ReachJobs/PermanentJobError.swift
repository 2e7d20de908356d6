import Foundation
import GRDB
import Logging
import ReachCore

/// A failure that retrying cannot fix: the job fails at once.
public struct PermanentJobError: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
