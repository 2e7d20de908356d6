import ArgumentParser
import Foundation
import ReachCore

/// A flag or argument that cannot be used: one line, without the usage screen.
struct UsageError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
