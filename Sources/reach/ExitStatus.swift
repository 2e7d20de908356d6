import ReachCore
import ReachExport

/// The exit statuses, as sysexits(3) names them: what a script can tell apart.
enum ExitStatus {
    /// The command line is wrong: an unknown option, a value of the wrong form or out of its set.
    static let usage: Int32 = 64
    /// What the arguments name or the input holds is refused: no such user, a row a dump cannot give.
    static let data: Int32 = 65
    /// The file, a server or a tool is not available: locked, missing, full, not answering.
    static let unavailable: Int32 = 69

    /// For an error already through ``ReachError/from(_:)``: the store's errors are ReachError's by then.
    static func of(_ error: any Error) -> Int32 {
        switch error {
        case ReachError.unavailable, ReachError.unreadable: return unavailable
        case is ReachError, is Importer.Failure, is CopyError: return data
        default: return 1
        }
    }
}
