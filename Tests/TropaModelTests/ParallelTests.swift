import Testing
import Dispatch
@testable import TropaModel

/// Work on every core keeps the order of what it was given.
@Suite struct ParallelTests {
    @Test func aPendingValueIsMadeOnceAndReadAsOftenAsAsked() {
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let pending = Pending { () -> [Int] in
            started.signal()
            release.wait()
            return [1, 2, 3]
        }
        // It is being made on another thread while this one goes on.
        started.wait()
        release.signal()
        #expect(pending.value == [1, 2, 3])
        #expect(pending.value == [1, 2, 3])
        let readers = parallelMap(Array(0..<8)) { _ in pending.value.reduce(0, +) }
        #expect(readers == Array(repeating: 6, count: 8))
        #expect(Pending("made").value == "made")
    }

    @Test func parallelResultsKeepTheirItemsOrder() {
        #expect(parallelMap(Array(0..<1000)) { $0 * 2 } == (0..<1000).map { $0 * 2 })
    }
}
