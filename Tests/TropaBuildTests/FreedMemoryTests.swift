#if canImport(CJemalloc)
import CJemalloc
import Testing
@testable import TropaBuild

/// On Linux tropa runs on jemalloc in place of glibc's malloc (docs/performance.md): Swift's own allocations go
/// through it, and a build's freed pages go back through its `mallctl`.
@Suite struct FreedMemoryTests {
    /// The bytes this thread has had from jemalloc so far.
    static func allocatedByThisThread() -> UInt64 {
        var value: UInt64 = 0
        var size = MemoryLayout<UInt64>.size
        #expect(mallctl("thread.allocated", &value, &size, nil, 0) == 0)
        return value
    }

    @Test func swiftsAllocationsAreJemallocs() {
        let before = Self.allocatedByThisThread()
        let block = [UInt8](repeating: 1, count: 4 << 20)
        #expect(Self.allocatedByThisThread() - before >= 4 << 20)
        #expect(block.count == 4 << 20)
    }

    @Test func theFreedPagesAreHandedBack() {
        #expect(FreedMemory.handBack())
    }
}
#endif
