import Testing
@testable import TropaOutput

struct ByteWriterTests {
    /// Every kind of piece, past the capacity it started with, in order.
    @Test func piecesAreWrittenInOrderPastTheFirstCapacity() {
        var bytes = ByteWriter(capacity: 4)
        let wasEmpty = bytes.isEmpty
        #expect(wasEmpty)
        bytes.append("<g class=\"")
        bytes.append(contentsOf: "Путь")
        bytes.append(contentsOf: "к оплате"[...].dropFirst(2))
        bytes.append(0x22)
        bytes.append(UInt8(ascii: " "), count: 3)
        bytes.append(UInt8(ascii: " "), count: 0)
        Array("-okxy-".utf8).withUnsafeBufferPointer { bytes.append(UnsafeBufferPointer(rebasing: $0[1...4])) }
        bytes.append(contentsOf: "")
        let (string, count, isEmpty) = (bytes.string, bytes.count, bytes.isEmpty)
        #expect(string == "<g class=\"Путьоплате\"   okxy")
        #expect(count == string.utf8.count)
        #expect(!isEmpty)
    }

    @Test func wholeNumbersAreWrittenInDecimal() {
        var bytes = ByteWriter(capacity: 1)
        for value in [0, 7, -7, 1_234_567, Int.max, Int.min] {
            bytes.append(decimal: value)
            bytes.append(0x20)
        }
        let string = bytes.string
        #expect(string == "0 7 -7 1234567 \(Int.max) \(Int.min) ")
    }

    /// A writer grown many times over keeps every byte: the plan's and the catalogue's pages are megabytes.
    @Test func aLargeWriteKeepsEveryByte() {
        var bytes = ByteWriter(capacity: 16)
        var expected: [UInt8] = []
        for index in 0..<100_000 {
            let piece = UInt8(truncatingIfNeeded: index)
            bytes.append(piece)
            expected.append(piece)
        }
        let written = bytes.bytes
        #expect(written == expected)
    }
}
