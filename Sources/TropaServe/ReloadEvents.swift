import TropaModel
import TropaSource
import TropaOutput
import TropaBuild
import TropaAuthoring
import FlyingFox
import FlyingSocks

/// The open live-reload connections: each gets every event the server sends from the moment it connects.
actor ReloadEvents {
    private var listeners: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
    private var nextID = 0

    /// A new connection's stream, starting with a comment so the browser knows it is open.
    func subscribe() -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream()
        let id = nextID
        nextID += 1
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        continuation.yield(Array(": connected\n\n".utf8))
        return stream
    }

    /// Tells every open page to reload.
    func reload(generation: Int) {
        send("event: reload\ndata: \(generation)\n\n")
    }

    /// A comment every few seconds finds the connections whose pages have gone.
    func heartbeat() {
        send(": ping\n\n")
    }

    var count: Int { listeners.count }

    private func send(_ text: String) {
        for continuation in listeners.values { continuation.yield(Array(text.utf8)) }
    }

    private func remove(_ id: Int) {
        listeners[id] = nil
    }
}

/// An event stream as a response body: each chunk is sent as soon as it is yielded.
struct EventBody: AsyncBufferedSequence {
    typealias Element = UInt8
    let chunks: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(chunks: chunks.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var chunks: AsyncStream<[UInt8]>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            if pending.isEmpty {
                guard let chunk = await chunks.next() else { return nil }
                pending = chunk[...]
            }
            let taken = pending.prefix(Swift.max(count, 1))
            pending = pending.dropFirst(taken.count)
            return taken
        }
    }
}
