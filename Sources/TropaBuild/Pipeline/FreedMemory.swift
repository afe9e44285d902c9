#if canImport(Glibc)
import CMalloc
#endif

/// What a full build frees, handed back to the system rather than kept by glibc's malloc: at 10,000 maps the
/// process held 35–60 MB more than its heap's peak (docs/performance.md).
enum FreedMemory {
    /// Blocks of a megabyte and more (the parts of the plan's CSV and of the catalogue, the site's `maps.json`)
    /// mapped on their own, so that each goes back to the system when freed. glibc raises that threshold to the
    /// largest block freed, up to 32 MB, after which such blocks came from the heap and stayed resident: 7–9 MB
    /// of the peak.
    static func returnLargeBlocks() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, 1 << 20)
        #endif
    }

    /// The free pages of the heap handed back: by the end of the site pages, most of the heap is free but resident,
    /// cut up by the maps' millions of small allocations (35 MB at 10,000 maps).
    static func handBack() {
        #if canImport(Glibc)
        _ = malloc_trim(0)
        #endif
    }
}
