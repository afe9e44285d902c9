#if canImport(Glibc)
import Glibc
#endif
import TropaModel
import TropaAnalysis

extension PageRenderer {
    /// The page of every map at `path` as the output holds it (`earlier`), with the part of it that shows each
    /// changed map printed again in its place: for changes that leave every map where it was on the pages of cards
    /// (`SitePresenter.showInPlace`), so that a page of 10,000 cards is not made again for one map's NPS. Nil when
    /// a site's own template prints the page, when the page does not hold each map's part as it was printed
    /// exactly once, or when a card's page links to the map elsewhere too (the catalogue's table names its first
    /// maps with their figures). `movedRows`: where the dashboard's rows of the changed maps go, when one moved
    /// (`NarrowSelection.movedRows`); each is taken out and printed beside the row of the map named, found the same
    /// way.
    package func patch(_ path: String, showing part: ShownPart, earlier: RangedFile, changes: [MapChange],
                       movedRows: [String: RowPlace<SitePageEntry>] = [:]) -> FilePatch? {
        if let template = Self.template(printing: part, at: path), !theme.compiled.contains(template) { return nil }
        // Each changed map's part as printed before and now; on a page of cards its link, which must be in the file
        // once; when its row moved, the row it goes beside. All are looked for in one reading of the file.
        struct Printed {
            let was: [UInt8], now: [UInt8], place: DashboardPlace
            let link: [UInt8]?
            let moved: RowPlace<[UInt8]>?
        }
        var printed: [Printed] = []
        for change in changes {
            guard let before = change.before, let after = change.after else { return nil }
            let was = self.printed(part, of: before, at: path), now = self.printed(part, of: after, at: path)
            let moved = part == .dashboardRow ? movedRows[after.path] : nil
            guard was != now || moved != nil else { continue }
            var link: [UInt8]?
            if part == .card || part == .catalogueCard {
                let url = presenter.context(forPageAt: path).root + PagePaths.journeyFolder(after.summary.slug) + "/index.html"
                link = Array(("href=\"" + Markup.escape(url) + "\"").utf8)
            }
            printed.append(Printed(was: was, now: now, place: after.dashboardPlace, link: link,
                                   moved: moved?.map { self.printed(part, of: $0, at: path) }))
        }
        let needles = printed.flatMap { [$0.was] + ($0.link.map { [$0] } ?? []) + ($0.moved.map { [$0.neighbour] } ?? []) }
        guard let places = Self.ranges(of: needles, in: earlier), places.allSatisfy({ $0.count == 1 }) else { return nil }
        var found = places.map { $0[0] }.makeIterator()
        var printedAgain: [(range: Range<Int>, bytes: [UInt8], place: DashboardPlace)] = []
        for part in printed {
            let was = found.next()!
            if part.link != nil { _ = found.next() }
            guard let moved = part.moved else {
                printedAgain.append((was, part.now, part.place))
                continue
            }
            // Taken out, and printed beside the row of a map that did not change.
            let beside = found.next()!
            let at: Int
            switch moved {
            case .before: at = beside.lowerBound
            case .after: at = beside.upperBound
            }
            printedAgain.append((was, [], part.place))
            printedAgain.append((at..<at, part.now, part.place))
        }
        // In the file's order; rows put in at one place, in the dashboard's, and before a row taken out there.
        printedAgain.sort { a, b in
            if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
            if a.range.isEmpty != b.range.isEmpty { return a.range.isEmpty }
            return a.place < b.place
        }
        var patch = FilePatch(of: earlier.size), offset = 0
        for (range, bytes, _) in printedAgain {
            guard range.lowerBound >= offset else { return nil }
            patch.keep(offset..<range.lowerBound)
            patch.add(bytes)
            offset = range.upperBound
        }
        patch.keep(offset..<earlier.size)
        return patch
    }

    /// The page template that prints `part` on the page at `path`; nil for `maps.json`, which code writes.
    private static func template(printing part: ShownPart, at path: String) -> String? {
        switch part {
        case .catalogueCard: "catalogue"
        case .card: path.hasPrefix(PagePaths.productsFolder + "/") ? "compare" : "maps"
        case .dashboardRow: "dashboard"
        case .mapsJSONEntry: nil
        }
    }

    /// The bytes the page at `path` prints for `map`, as the whole page prints them.
    private func printed(_ part: ShownPart, of map: SitePageEntry, at path: String) -> [UInt8] {
        let page = presenter.context(forPageAt: path)
        switch part {
        case .catalogueCard, .card:
            return BuiltInPartials.cardBytes(presenter.card(map, root: page.root,
                                                            context: presenter.cardContext(of: map, showing: part)))
        case .dashboardRow:
            return Array(CompiledTheme.dashboardRow(presenter.dashboardPage([map]).rows[0], words: page.words).utf8)
        case .mapsJSONEntry:
            // The one entry of a document of one map: between the head and the tail, as each entry of every map's.
            let parts = JourneyJSON.maps([map], presenter: presenter)
            return parts.count == 3 ? parts[1] : []
        }
    }

    /// Where each of `needles` is in `file`, its first two places at most; nil when the file cannot be read. The
    /// file is read a window at a time, not whole: the pages of 10,000 cards are 18 MB each, and read whole into
    /// fresh memory they were a fifth of an update.
    package static func ranges(of needles: [[UInt8]], in file: RangedFile, window step: Int = 1 << 20) -> [[Range<Int>]]? {
        var found = [[Range<Int>]](repeating: [], count: needles.count)
        guard !needles.isEmpty else { return found }
        // Each window overlaps the next by the longest needle but a byte, so that a part across the two is found in
        // the first; a part starting in the overlap is the next window's.
        let overlap = max(0, (needles.map(\.count).max() ?? 0) - 1)
        var anchors: [Int]?
        for start in stride(from: 0, to: max(file.size, 1), by: step) {
            guard let window = file.read(start..<min(file.size, start + step + overlap)) else { return nil }
            // The byte of each needle that the file holds least often (counted in its first 64 KB: a card's line
            // break, not its `<`, which every tag starts with).
            if anchors == nil {
                var counts = [Int](repeating: 0, count: 256)
                for byte in window.prefix(1 << 16) { counts[Int(byte)] += 1 }
                anchors = needles.map { needle in needle.indices.min { counts[Int(needle[$0])] < counts[Int(needle[$1])] } ?? 0 }
            }
            let last = min(step, window.count)
            for (index, needle) in needles.enumerated() where found[index].count < 2 {
                for place in Self.ranges(of: needle, anchor: anchors![index], in: window, startingBefore: last, upTo: 2 - found[index].count) {
                    found[index].append((start + place.lowerBound)..<(start + place.upperBound))
                }
            }
        }
        return found
    }

    /// Where `needle` is in `bytes`, starting at `start` or after and before `end`, its first `limit` places at most.
    static func ranges(of needle: [UInt8], anchor: Int, in bytes: [UInt8], from start: Int = 0, startingBefore end: Int,
                       upTo limit: Int) -> [Range<Int>] {
        var found: [Range<Int>] = []
        guard limit > 0 else { return found }
        forEachPlace(of: needle, anchor: anchor, in: bytes, from: start, startingBefore: end) { place in
            found.append(place)
            return found.count < limit
        }
        return found
    }

    /// Where `needle` first is in `bytes`, as `ranges` finds it, without an array made for the answer: the plan's
    /// pages ask it of each of their 73,000 items in a far move.
    static func firstRange(of needle: [UInt8], anchor: Int, in bytes: [UInt8], from start: Int = 0,
                           startingBefore end: Int) -> Range<Int>? {
        var first: Range<Int>?
        forEachPlace(of: needle, anchor: anchor, in: bytes, from: start, startingBefore: end) { place in
            first = place
            return false
        }
        return first
    }

    /// Whether `bytes` holds `needle` at `index`, compared with `memcmp`: `starts(with:)` goes byte by byte.
    static func holds(_ needle: [UInt8], at index: Int, in bytes: [UInt8]) -> Bool {
        guard index >= 0, index + needle.count <= bytes.count else { return false }
        guard !needle.isEmpty else { return true }
        return bytes.withUnsafeBytes { memcmp($0.baseAddress! + index, needle, needle.count) } == 0
    }

    /// Gives `body` each place of `needle` in `bytes` in order, until it returns false: each place of its byte
    /// `anchor` found by `memchr`, then compared whole (Glibc's `memmem` is not exported to Swift).
    private static func forEachPlace(of needle: [UInt8], anchor: Int, in bytes: [UInt8], from start: Int,
                                     startingBefore end: Int, _ body: (Range<Int>) -> Bool) {
        guard !needle.isEmpty, needle.count <= bytes.count else { return }
        bytes.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { needle in
                let base = haystack.baseAddress!, byte = Int32(needle[anchor])
                let starts = min(end, haystack.count - needle.count + 1)
                var from = max(0, start)
                while from < starts, let at = memchr(base + from + anchor, byte, starts - from) {
                    let start = base.distance(to: UnsafeRawPointer(at)) - anchor
                    if memcmp(base + start, needle.baseAddress!, needle.count) == 0,
                       !body(start..<(start + needle.count)) { return }
                    from = start + 1
                }
            }
        }
    }
}
