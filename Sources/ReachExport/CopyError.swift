import Foundation

public struct CopyError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
