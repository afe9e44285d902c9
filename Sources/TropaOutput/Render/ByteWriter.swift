/// The bytes of a file being made, appended piece by piece into memory of its own: an append is a bounds check and
/// a copy. The writers append millions of short pieces in a build (a tag, a quote, an indentation), and through an
/// `[UInt8]`'s generic `append(contentsOf:)` a short literal took about 190 instructions against about 60 here
/// (callgrind); those appends were 7 % of a cold build's instructions.
///
/// Not copyable, so that the memory has one owner that frees it; `bytes` and `string` copy what was written.
package struct ByteWriter: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    package private(set) var count = 0

    package init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    package var isEmpty: Bool { count == 0 }

    /// The bytes written, as an array.
    package var bytes: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }

    /// The bytes written, as text.
    package var string: String { String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self) }

    @inline(__always)
    package mutating func append(_ byte: UInt8) {
        if count == capacity { grow(1) }
        start[count] = byte
        count += 1
    }

    @inline(__always)
    package mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if capacity - count < bytes.count { grow(bytes.count) }
        (start + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Markup as written in the source: a literal's bytes, without a `String` made of them. (Text is
    /// `append(contentsOf:)`: beside an overload for `String`, a literal would be taken as a `String`.)
    @inline(__always)
    package mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { append($0) }
    }

    @inline(__always)
    package mutating func append(contentsOf text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    @inline(__always)
    package mutating func append(contentsOf text: Substring) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// `count` copies of `byte`: an indentation.
    @inline(__always)
    package mutating func append(_ byte: UInt8, count repeats: Int) {
        guard repeats > 0 else { return }
        if capacity - count < repeats { grow(repeats) }
        (start + count).initialize(repeating: byte, count: repeats)
        count += repeats
    }

    /// Spaces after what was written since `start`, until it takes `width` bytes; what is wider than `width`
    /// would leave its text of another length than its neighbours', which the width is there to prevent.
    package mutating func pad(since start: Int, to width: Int) {
        assert(count - start <= width, "\(count - start) bytes written for a width of \(width)")
        append(UInt8(ascii: " "), count: width - (count - start))
    }

    /// A whole number in decimal digits.
    package mutating func append(decimal value: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var magnitude = value.magnitude, first = digits.count
            repeat {
                first -= 1
                digits[first] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { append(UInt8(ascii: "-")) }
            append(UnsafeBufferPointer(rebasing: digits[first...]))
        }
    }

    @inline(never)
    private mutating func grow(_ needed: Int) {
        let larger = max(capacity * 2, count + needed)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.moveInitialize(from: start, count: count)
        start.deallocate()
        (start, capacity) = (moved, larger)
    }
}
