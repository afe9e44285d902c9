import Testing
@testable import TropaModel
@testable import TropaOutput

/// The search of a page of every map for the parts an update prints again in place: the file is read a window at a
/// time, and a part is found wherever it lies, across two windows too, at most twice.
@Suite struct InPlaceSearchTests {
    /// A file of lines, the parts at known places: at the start, across windows, at the end, twice.
    @Test func partsAreFoundAcrossWindowsAtMostTwice() throws {
        let line = Array("<li>карта\n".utf8)
        var bytes: [UInt8] = []
        let parts = [Array("<tr>Ёж\n</tr>".utf8), Array("href=\"ez/\"".utf8), Array("\n<p>конец</p>".utf8),
                     Array("<b>два</b>".utf8), Array("нет такого".utf8)]
        var placed: [[Int]] = Array(repeating: [], count: parts.count)
        let put = { (part: Int) in
            placed[part].append(bytes.count)
            bytes += parts[part]
        }
        put(0)
        for count in 1...40 {
            bytes += line
            if count == 7 { put(1) }
            if count == 13 || count == 29 { put(3) }
        }
        put(2)
        for window in [5, 16, 17, 64, 1 << 20] {
            let found = try #require(PageRenderer.ranges(of: parts, in: RangedFile(bytes), window: window))
            #expect(found.map { $0.map(\.lowerBound) } == placed, "window \(window)")
            #expect(zip(found, parts).allSatisfy { places, part in places.allSatisfy { $0.count == part.count } })
        }
        // Three places of a part: the first two are enough to refuse it.
        let thrice = try #require(PageRenderer.ranges(of: [line], in: RangedFile(bytes), window: 16))
        #expect(thrice[0].count == 2)
        // A file that cannot be read is no answer; an empty one holds nothing.
        #expect(PageRenderer.ranges(of: parts, in: RangedFile(size: 10) { _ in nil }) == nil)
        #expect(PageRenderer.ranges(of: parts, in: RangedFile([]))?.allSatisfy(\.isEmpty) == true)
    }
}
