/// A document that writes itself as JSON: its members in the order of their keys, an absent optional left out.
package protocol JSONWritable: SendableMetatype {
    func write(to json: inout JSONWriter)
}

/// JSON written straight into bytes, as Foundation's `JSONEncoder` writes it with `.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes` and non-finite numbers as strings (`JSONWriterTests` holds the two to the same bytes,
/// and the golden files hold the documents). Every map has a `journey.json` of about 30 KB: through `JSONEncoder`,
/// and then through an `Encoder` of tropa's own, writing it took more of a cold build than parsing the map (a
/// container, a box and a string for every value, and every object's keys sorted again).
package struct JSONWriter: ~Copyable {
    private var bytes = ByteWriter(capacity: 64 * 1024)
    /// Written in parts (`parts(_:run:)`): the array left for the parts, once its place is known.
    private var deferring = false
    private var deferred: Deferred?
    private var depth = 0
    /// Whether the container being written has no member yet.
    private var first = true
    #if DEBUG
    /// The last key of each open object: a document must write its keys in order.
    private var keys: [String] = []
    #endif

    /// The document's bytes, with the line break the files end with: written as they are, since a `String` of
    /// them was checked again as UTF-8 (1 % of a cold build) only to be written out as bytes.
    package static func bytes(_ document: some JSONWritable) -> [UInt8] {
        var json = JSONWriter()
        document.write(to: &json)
        json.bytes.append(0x0A)
        return json.bytes.bytes
    }

    /// The document's bytes, with the line break, in parts made when they are read: the bytes before the elements
    /// of its array of entries (`member(_:entries:)`), `run` elements at a time, and the bytes after them.
    /// `maps.json` of a 10,000-map site is 10 MB, which, made at once, was held whole until written, at the build's
    /// peak (100 MB at 100,000 maps).
    package static func parts(_ document: some JSONWritable, run: Int = 512) -> FileParts {
        precondition(run > 0, "a run of entries has at least one")
        var json = JSONWriter()
        json.deferring = true
        document.write(to: &json)
        json.bytes.append(0x0A)
        let written = json.bytes.bytes
        guard let deferred = json.deferred else { return FileParts([written]) }
        // The elements go where an empty array has its line break: `[\n`, then each element, then `\n  ]`.
        let head = Array(written[..<deferred.place]), tail = Array(written[deferred.place...])
        let runs = (deferred.count + run - 1) / run
        return FileParts(count: runs + 2) { part in
            if part == 0 { return head }
            if part == runs + 1 { return tail }
            var json = JSONWriter()
            json.depth = deferred.depth
            json.first = part == 1
            for element in (part - 1) * run..<min(part * run, deferred.count) {
                json.next()
                deferred.write(&json, element)
            }
            return json.bytes.bytes
        }
    }

    /// An array written in parts: where its elements go, how deep, how many, and how each is written.
    private struct Deferred {
        let place: Int, depth: Int, count: Int
        let write: @Sendable (inout JSONWriter, Int) -> Void
    }

    /// An object, its members written by `members`.
    package mutating func object(_ members: (inout JSONWriter) -> Void) {
        #if DEBUG
        keys.append("")
        #endif
        open(0x7B)
        members(&self)
        close(0x7D)
        #if DEBUG
        keys.removeLast()
        #endif
    }

    package mutating func array<Items: Sequence>(_ items: Items, _ item: (inout JSONWriter, Items.Element) -> Void) {
        open(0x5B)
        for element in items {
            next()
            item(&self, element)
        }
        close(0x5D)
    }

    /// The key of the next member; its value follows.
    package mutating func key(_ key: String) {
        #if DEBUG
        assert(keys[keys.count - 1].utf8Precedes(key) || keys[keys.count - 1].isEmpty, "\(key) written out of order")
        keys[keys.count - 1] = key
        #endif
        next()
        string(key)
        bytes.append(" : ")
    }

    /// A string literal: quotes, backslashes and control characters escaped, everything else as it is.
    package mutating func string(_ string: String) {
        bytes.append(0x22)
        var text = string
        text.withUTF8 { text in
            // The runs between escapes copied whole: a page's HTML in `journey.json` has a quote or a line break
            // every few dozen bytes, and a byte at a time was most of writing the file.
            bytes.append(text, escapingAt: { Self.firstToEscape(in: text, from: $0) }) { byte, _, bytes in
                switch byte {
                case 0x22: bytes.append("\\\"")
                case 0x5C: bytes.append("\\\\")
                case 0x0A: bytes.append("\\n")
                case 0x0D: bytes.append("\\r")
                case 0x09: bytes.append("\\t")
                case 0x08: bytes.append("\\b")
                case 0x0C: bytes.append("\\f")
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append("\\u00")
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xF)])
                }
            }
        }
        bytes.append(0x22)
    }

    /// The place of the first byte at or after `start` that a string literal escapes.
    private static func firstToEscape(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        ByteScan.first(in: text, from: start, inWord: { word in
            ByteScan.below(word, 0x20) | ByteScan.equal(word, 0x22) | ByteScan.equal(word, 0x5C)
        }, special: { byte in byte < 0x20 || byte == 0x22 || byte == 0x5C })
    }

    /// A number as Swift writes it, without a `.0`; infinities and NaN as strings.
    package mutating func number(_ value: Double) {
        if value.isNaN { return string("NaN") }
        if value.isInfinite { return string(value < 0 ? "-Infinity" : "Infinity") }
        let text = value.description
        bytes.append(contentsOf: text.hasSuffix(".0") ? text.dropLast(2) : text[...])
    }

    package mutating func number(_ value: Int) {
        bytes.append(decimal: value)
    }

    package mutating func bool(_ value: Bool) {
        bytes.append(value ? "true" : "false")
    }

    // Members, an absent optional left out.

    package mutating func member(_ key: String, _ value: String?) {
        guard let value else { return }
        self.key(key)
        string(value)
    }

    package mutating func member(_ key: String, _ value: Double?) {
        guard let value else { return }
        self.key(key)
        number(value)
    }

    package mutating func member(_ key: String, _ value: Int?) {
        guard let value else { return }
        self.key(key)
        number(value)
    }

    package mutating func member(_ key: String, _ value: Bool) {
        self.key(key)
        bool(value)
    }

    package mutating func member(_ key: String, _ value: (some JSONWritable)?) {
        guard let value else { return }
        self.key(key)
        value.write(to: &self)
    }

    package mutating func member(_ key: String, _ values: (some Sequence<some JSONWritable>)?) {
        guard let values else { return }
        self.key(key)
        array(values) { json, value in value.write(to: &json) }
    }

    /// A document's list of entries, which `parts(_:run:)` writes a run at a time, each made when its part is read;
    /// the first such member of a document only, any other as an array here.
    package mutating func member(_ key: String, entries: MadeWhenRead<some JSONWritable>) {
        guard deferring && deferred == nil else { return member(key, entries) }
        self.key(key)
        open(0x5B)
        deferred = Deferred(place: bytes.count, depth: depth, count: entries.count) { json, element in
            entries[element].write(to: &json)
        }
        close(0x5D)
    }

    package mutating func member(_ key: String, _ values: [String]) {
        self.key(key)
        array(values) { json, value in json.string(value) }
    }

    package mutating func member(_ key: String, _ values: [Double]?) {
        guard let values else { return }
        self.key(key)
        array(values) { json, value in json.number(value) }
    }

    /// `JSONEncoder`'s layout: each member on a line of its own, two spaces deeper than its container; an empty
    /// container as an empty line.
    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        bytes.append(0x0A)
        depth += 1
        first = true
    }

    private mutating func next() {
        if !first { bytes.append(",\n") }
        first = false
        bytes.append(0x20, count: 2 * depth)
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        bytes.append(0x0A)
        bytes.append(0x20, count: 2 * depth)
        bytes.append(bracket)
        first = false
    }
}
