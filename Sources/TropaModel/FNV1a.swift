/// FNV-1a, 64 bits: fast, stable across runs and machines (unlike `Hasher`), enough to notice a change.
package struct FNV1a {
    package private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    package init() {}

    // Not generic: a generic `combine` called from another module is not specialised, and iterated every byte of
    // every input through an allocating iterator (half of a 1,000-map build's allocations).
    package mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { combine($0) }
    }

    package mutating func combine(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { combine($0) }
    }

    package mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine($0) }
    }

    private mutating func combine(_ buffer: UnsafeBufferPointer<UInt8>) {
        var value = self.value
        for byte in buffer {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        self.value = value
    }
}
