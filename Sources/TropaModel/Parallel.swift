import Dispatch
import Foundation

/// Maps `items` on every core; the result keeps the items' order, so output stays deterministic. Each result is
/// written straight into the array returned: no copy of 10,000 results is ever held beside another.
package func parallelMap<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Result)
    -> [Result] {
    guard items.count > 1 else { return items.map(transform) }
    return Array(unsafeUninitializedCapacity: items.count) { buffer, initialized in
        let slots = Slots(base: buffer.baseAddress!)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.initialize(index, with: transform(items[index]))
        }
        initialized = items.count
    }
}

/// The array's storage, handed to every iteration: each slot is written by exactly one iteration, and the array
/// is read only after all of them end, so no lock is needed.
private struct Slots<Result>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Result>

    func initialize(_ index: Int, with result: Result) {
        (base + index).initialize(to: result)
    }
}

/// A value made on another thread while the caller goes on; `value` waits until it is made.
package final class Pending<Value: Sendable>: @unchecked Sendable {
    private let made = DispatchSemaphore(value: 0)
    private var result: Value?

    package init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.result = make()
            self.made.signal()
        }
    }

    /// A value made already.
    package init(_ value: Value) {
        result = value
        made.signal()
    }

    /// Set once, before `made` is signalled; read only after it is.
    package var value: Value {
        made.wait()
        defer { made.signal() }
        return result!
    }
}

/// A value made by the first caller that asks for it, on that caller's thread; callers meanwhile wait for it. Jobs
/// on every core that share one value (the plan's sort) need no thread of their own to make it, as `Pending` does.
package final class MadeOnce<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    // Read and written only under `lock`; `made` is set once `make` ran (its value may be nil).
    private var made: [Value] = []
    private let make: @Sendable () -> Value

    package init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    package var value: Value {
        lock.withLock {
            if made.isEmpty { made = [make()] }
            return made[0]
        }
    }
}
