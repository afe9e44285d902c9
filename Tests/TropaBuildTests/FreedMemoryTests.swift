#if os(Linux)
#if canImport(CJemalloc)
import CJemalloc
#endif
import Testing
@testable import TropaBuild

/// On Linux tropa runs on jemalloc in place of glibc's malloc (docs/performance.md): Swift's own allocations go
/// through it, and a build's freed pages go back through its `mallctl`.
@Suite struct FreedMemoryTests {
    #if canImport(CJemalloc)
    /// A statistic of jemalloc's, as it stands now (`epoch` brings the statistics up to date).
    static func statistic<T: FixedWidthInteger>(_ name: String, as type: T.Type = T.self) -> T {
        var epoch: UInt64 = 1
        var value: T = 0
        var size = MemoryLayout<T>.size
        #expect(mallctl("epoch", nil, nil, &epoch, MemoryLayout<UInt64>.size) == 0)
        #expect(mallctl(name, &value, &size, nil, 0) == 0, "\(name)")
        return value
    }

    @Test func swiftsAllocationsAreJemallocs() {
        let before: UInt64 = Self.statistic("thread.allocated")
        let block = [UInt8](repeating: 1, count: 4 << 20)
        #expect(Self.statistic("thread.allocated", as: UInt64.self) - before >= 4 << 20)
        #expect(block.count == 4 << 20)
    }

    /// Blocks freed leave dirty pages in the arenas; handing them back leaves fewer.
    @Test func theFreedPagesAreHandedBack() {
        let all = "stats.arenas.\(MALLCTL_ARENAS_ALL).pdirty"
        do {
            let blocks = (0..<64).map { _ in [UInt8](repeating: 1, count: 256 << 10) }
            #expect(blocks.count == 64)
        }
        let dirty: Int = Self.statistic(all)
        #expect(dirty > 0)
        #expect(FreedMemory.handBack())
        #expect(Self.statistic(all, as: Int.self) < dirty)
    }
    #else
    @Test func jemallocIsLinked() {
        Issue.record("CJemalloc is not a dependency on Linux: tropa runs on glibc's malloc")
    }
    #endif
}
#endif
