/// Finds the first byte an escaper (HTML, JSON, Markdown, the record, a CSV field's quotes) must change, eight
/// bytes at a time: a word is tested for the bytes at once (each test exact for the word as a whole), and only a word
/// that holds one is looked at byte by byte. Byte by byte, HTML escaping and JSON strings were 6 % of a cold build's
/// instructions, most of it on text with nothing to escape.
package enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of a byte of `word` set where that byte is zero (and maybe above one that is: only whether
    /// there is one is exact).
    @inline(__always)
    package static func zeros(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }

    /// As `zeros`, for the bytes equal to `byte`.
    @inline(__always)
    package static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 { zeros(word ^ (ones &* UInt64(byte))) }

    /// As `zeros`, for the bytes below `bound` (at most 128).
    @inline(__always)
    package static func below(_ word: UInt64, _ bound: UInt8) -> UInt64 { (word &- ones &* UInt64(bound)) & ~word & highs }

    /// As `zeros`, for the bytes above `low` and below `high` (`low` at most 127, `high` at most 128).
    @inline(__always)
    package static func between(_ word: UInt64, _ low: UInt8, _ high: UInt8) -> UInt64 {
        let seven = word & (ones &* 127)
        return ((ones &* (127 &+ UInt64(high))) &- seven) & ~word & (seven &+ ones &* (127 &- UInt64(low))) & highs
    }

    /// The place of the first byte at or after `start` that `special` says must change; `text.count` when there is
    /// none. `inWord` is not zero when any of eight bytes read as one word is special.
    @inline(__always)
    package static func first(in text: UnsafeBufferPointer<UInt8>, from start: Int, inWord: (UInt64) -> UInt64,
                              special: (UInt8) -> Bool) -> Int {
        guard let base = text.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base), count = text.count
        var index = start
        while true {
            while index &+ 8 <= count, inWord(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) == 0 { index &+= 8 }
            let end = min(index &+ 8, count)
            while index < end {
                if special(text[index]) { return index }
                index &+= 1
            }
            if index >= count { return count }
        }
    }
}

extension ByteWriter {
    /// `text` appended with each byte `next` finds (the first at or after a place; `text.count` for none) written by
    /// `escape`, and the runs between them copied whole. `escape` is given the place after its byte, which it may
    /// move on past the bytes it takes with it. HTML, JSON and a CSV field's quotes are written so.
    @inline(__always)
    package mutating func append(_ text: UnsafeBufferPointer<UInt8>, escapingAt next: (Int) -> Int,
                                 by escape: (UInt8, inout Int, inout ByteWriter) -> Void) {
        var start = 0, index = next(0)
        while index < text.count {
            append(UnsafeBufferPointer(rebasing: text[start..<index]))
            let byte = text[index]
            index += 1
            escape(byte, &index, &self)
            start = index
            index = next(index)
        }
        append(UnsafeBufferPointer(rebasing: text[start...]))
    }
}
