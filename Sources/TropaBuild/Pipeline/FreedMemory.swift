#if canImport(CJemalloc)
import CJemalloc
#endif

/// What a full build frees, handed back to the system before the record is kept. jemalloc keeps freed pages for
/// reuse up to ten seconds; by the end of the site pages most of them will not be used again.
enum FreedMemory {
    /// Every arena's free pages, returned at once; false where tropa runs on another malloc (macOS's, or the
    /// address sanitizer's in the fuzz build).
    @discardableResult
    static func handBack() -> Bool {
        #if canImport(CJemalloc)
        return mallctl("arena.\(MALLCTL_ARENAS_ALL).purge", nil, nil, nil, 0) == 0
        #else
        return false
        #endif
    }
}
