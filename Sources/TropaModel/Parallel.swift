import Dispatch

/// Maps `items` on every core; the result keeps the items' order, so output stays deterministic.
package func parallelMap<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Result)
    -> [Result] {
    guard items.count > 1 else { return items.map(transform) }
    let slots = ResultSlots<Result>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        slots.initialize(index, with: transform(items[index]))
    }
    return slots.take()
}

/// Each slot is written by exactly one iteration and read after all of them end, so no lock is needed.
private final class ResultSlots<Result>: @unchecked Sendable {
    private let buffer: UnsafeMutablePointer<Result>
    private let count: Int

    package init(count: Int) {
        self.count = count
        buffer = .allocate(capacity: count)
    }

    package func initialize(_ index: Int, with result: Result) {
        (buffer + index).initialize(to: result)
    }

    /// The results, moved out: call once, after every slot is initialized.
    package func take() -> [Result] {
        let results = Array(UnsafeBufferPointer(start: buffer, count: count))
        buffer.deinitialize(count: count)
        return results
    }

    deinit { buffer.deallocate() }
}
