import Foundation

/// One fuzz target: a name, and what it does with an input. A trap (or a failed `check`) is a
/// finding; refusing an input with an error is the expected outcome for most of them.
public struct FuzzTarget: Sendable {
    public let name: String
    public let run: @Sendable (Data) -> Void

    public init(_ name: String, run: @escaping @Sendable (Data) -> Void) {
        self.name = name
        self.run = run
    }
}

/// A property a target holds its result to: a violation stops the fuzzer with the message.
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("fuzz check failed: \(message())") }
}
