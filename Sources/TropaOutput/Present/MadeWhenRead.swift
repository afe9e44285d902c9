/// A list whose elements are made when they are read, and again each time they are read: what the site pages show
/// of thousands of maps (the cards of a catalogue, the entries of `maps.json`, the parts of a large file), held at
/// once, was most of a large build's memory. Reflected as the collection it is.
package struct MadeWhenRead<Element>: RandomAccessCollection, Sendable, CustomReflectable {
    package typealias Indices = Range<Int>
    private let element: @Sendable (Int) -> Element
    package let endIndex: Int
    package var startIndex: Int { 0 }

    /// `count` elements, the one at each place made by `element`.
    package init(count: Int, element: @escaping @Sendable (Int) -> Element) {
        (endIndex, self.element) = (count, element)
    }

    package subscript(position: Int) -> Element { element(position) }

    package var customMirror: Mirror { Mirror(self, unlabeledChildren: Array(self), displayStyle: .collection) }
}

/// Cards of a page of maps: the compiled theme makes and writes a few hundred at a time; a site's own template is
/// given them all.
package typealias CardList = MadeWhenRead<MapCardModel>

/// A file's parts, in order, which a writer reads one at a time.
package typealias FileParts = MadeWhenRead<[UInt8]>

extension MadeWhenRead where Element == [UInt8] {
    /// Parts made beforehand.
    package init(_ parts: [[UInt8]]) {
        self.init(count: parts.count) { parts[$0] }
    }

    /// The parts one after the other, each made once and appended whole: `Array(parts.joined())` copied byte by
    /// byte, 150 ms for the card pages (70 MB) of a 10,000-map update, 3 ms for its plan's facts.
    package var bytes: [UInt8] {
        reduce(into: [UInt8]()) { bytes, part in bytes += part }
    }
}
