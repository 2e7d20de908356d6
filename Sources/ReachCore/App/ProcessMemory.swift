#if canImport(Glibc)
import Glibc
#endif

/// The process's heap. glibc keeps freed pages for reuse, so after a burst of work (a file's
/// catch-up on open, a load spike) a quiet server can hold 80 MB it no longer uses.
public enum ProcessMemory {
    /// Gives the heap's free pages back to the system (glibc's `malloc_trim`); a no-op elsewhere.
    public static func returnFreedPages() {
        _ = mallocTrim?(0)
    }

    // Found at run time: Swift's Glibc module does not export <malloc.h>.
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()
}
