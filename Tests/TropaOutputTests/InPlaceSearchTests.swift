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

    /// A needle's first place from a start and before an end, and whether it stands at a place, are as a reading
    /// place by place finds them: every needle of up to three bytes, at every start and end, in texts of two letters.
    @Test func theFirstPlaceIsAsAReadingPlaceByPlaceFindsIt() {
        var wrong: [String] = []
        for word: UInt64 in [0x0123_4567_89AB_CDEF, 0xF0F0_3C3C_AAAA_5555, 0xDEAD_BEEF_0BAD_F00D, 0xFFFF_FFFF] {
            let bytes = (0..<24).map { UInt8(97 + (word >> UInt64($0)) & 1) }
            for length in 1...3 {
                for letters in 0..<(1 << length) {
                    let needle = (0..<length).map { UInt8(97 + (letters >> $0) & 1) }
                    let at = { (place: Int) in place + length <= bytes.count && Array(bytes[place..<(place + length)]) == needle }
                    for index in -1...(bytes.count + 1) where PageRenderer.holds(needle, at: index, in: bytes) != (index >= 0 && at(index)) {
                        wrong.append("holds \(needle) at \(index) in \(bytes)")
                    }
                    for start in 0...bytes.count {
                        for end in start...(bytes.count + 1) {
                            let naive = (start..<max(start, min(end, bytes.count))).first(where: at).map { $0..<($0 + length) }
                            for anchor in 0..<length where PageRenderer.firstRange(
                                of: needle, anchor: anchor, in: bytes, from: start, startingBefore: end) != naive {
                                wrong.append("\(needle) anchored at \(anchor) from \(start) before \(end) in \(bytes)")
                            }
                        }
                    }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(3))")
        #expect(PageRenderer.holds([], at: 0, in: []) && !PageRenderer.holds([97], at: 0, in: []))
    }
}
