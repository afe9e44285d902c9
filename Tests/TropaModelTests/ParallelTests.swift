import Testing
import TropaTesting
import Dispatch
import Foundation
@testable import TropaModel

/// Work on every core keeps the order of what it was given.
@Suite struct ParallelTests {
    @Test func aPendingValueIsMadeOnceAndReadAsOftenAsAsked() {
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let calls = Calls()
        let pending = Pending { () -> [Int] in
            calls.count()
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
        #expect(calls.made == 1)
        #expect(Pending("made").value == "made")
        // A value that is nil is made and read as nil.
        let none = Pending { () -> Int? in nil }
        #expect(none.value == nil && none.value == nil)
    }

    @Test func aValueMadeOnceIsMadeByTheFirstCallerOnly() {
        let calls = Calls()
        let shared = MadeOnce { () -> [Int] in
            calls.count()
            return [1, 2, 3]
        }
        #expect(calls.made == 0, "nothing is made before it is asked for")
        let readers = parallelMap(Array(0..<8)) { _ in shared.value.reduce(0, +) }
        #expect(readers == Array(repeating: 6, count: 8))
        #expect(calls.made == 1)
        // A value that is nil is made once too.
        let noneCalls = Calls()
        let none = MadeOnce { () -> Int? in
            noneCalls.count()
            return nil
        }
        #expect(none.value == nil && none.value == nil)
        #expect(noneCalls.made == 1)
    }

    @Test func parallelResultsKeepTheirItemsOrder() {
        #expect(parallelMap(Array(0..<1000)) { $0 * 2 } == (0..<1000).map { $0 * 2 })
    }
}
