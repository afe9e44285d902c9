import Testing
@testable import TropaSource

/// The objects of `git cat-file --batch`'s output, taken as its bytes come in pieces of any size.
@Suite struct GitBatchObjectsTests {
    /// Two blobs (one empty, one with line feeds and a header-like line inside) around a missing object.
    private static let blob = Array("---\ntitle: Карта\n---\n\nabc blob 3\n## Поиск\n".utf8)
    private static let stream: [UInt8] = Array("1111 blob \(blob.count)\n".utf8) + blob + [0x0A]
        + Array("2222 missing\n".utf8) + Array("3333 blob 0\n\n".utf8)
    private static let expected: [[UInt8]?] = [blob, nil, []]

    private static func taken(_ stream: [UInt8], inPiecesOf size: Int) -> [[UInt8]?] {
        var objects = BatchObjects()
        for start in stride(from: 0, to: stream.count, by: size) {
            objects.add(stream[start..<min(stream.count, start + size)])
        }
        return objects.finished()
    }

    @Test func objectsAreTheSameWhereverTheOutputIsCut() {
        for size in 1...Self.stream.count {
            #expect(Self.taken(Self.stream, inPiecesOf: size) == Self.expected, "pieces of \(size)")
        }
    }

    /// The last object is taken without its closing line feed; one cut short is not taken (the caller makes it nil).
    @Test func theEndOfTheOutputEndsTheLastObject() {
        let unclosed = Array("1111 blob 3\nabc".utf8)
        #expect(Self.taken(unclosed, inPiecesOf: 2) == [Array("abc".utf8)])
        let short = Array("1111 blob 5\nabc".utf8)
        #expect(Self.taken(short, inPiecesOf: 2) == [])
        // A size that is no size is an object git does not have, not a trap.
        #expect(Self.taken(Array("1111 blob -3\nabc\n".utf8), inPiecesOf: 4).first == .some(nil))
    }

    /// An object whose bytes are not followed by a line feed is longer or shorter than its size says: neither it nor
    /// what follows is taken, where the rest would have been read from the wrong place.
    @Test func anObjectNotClosedByALineFeedStopsTheTaking() {
        let stream = Array("1111 blob 2\nab\n2222 blob 3\nabcd\n3333 blob 1\nz\n".utf8)
        for size in [1, 5, stream.count] {
            var objects = BatchObjects()
            for start in stride(from: 0, to: stream.count, by: size) {
                objects.add(stream[start..<min(stream.count, start + size)])
            }
            #expect(objects.lost, "pieces of \(size)")
            #expect(objects.finished() == [Array("ab".utf8)], "pieces of \(size)")
        }
    }
}
