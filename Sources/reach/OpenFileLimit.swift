import Foundation

/// The process's open-file limit. Distributions start processes at a soft limit of 1,024 under a
/// far higher hard one; a server holding a connection per descriptor needs the hard one.
enum OpenFileLimit {
    /// Raises the soft limit to the hard one; the limit before and after.
    static func raise() -> (before: Int, after: Int) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return (1_024, 1_024) }
        let before = Int(clamping: limit.rlim_cur)
        guard limit.rlim_cur < limit.rlim_max else { return (before, before) }
        var raised = limit
        raised.rlim_cur = limit.rlim_max
        guard setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 else { return (before, before) }
        return (before, Int(clamping: raised.rlim_cur))
    }
}
