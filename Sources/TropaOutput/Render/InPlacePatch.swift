#if canImport(Glibc)
import Glibc
#endif
import TropaModel
import TropaAnalysis

extension PageRenderer {
    /// The page of every map at `path` as the output holds it (`earlier`), with the part of it that shows each
    /// changed map printed again in its place: for changes that leave every map where it was
    /// (`SitePresenter.showInPlace`), so that a page of 10,000 cards is not made again for one map's NPS. Nil when
    /// a site's own template prints the page, when the page does not hold each map's part as it was printed
    /// exactly once, or when a card's page links to the map elsewhere too (the catalogue's table names its first
    /// maps with their figures). `movedRows`: where the dashboard's rows of the changed maps go, when one moved
    /// (`NarrowSelection.movedRows`); each is taken out and printed beside the row of the map named, found the same
    /// way.
    package func patch(_ path: String, showing part: ShownPart, earlier: [UInt8], changes: [MapChange],
                       movedRows: [String: RowPlace<SitePageEntry>] = [:]) -> FilePatch? {
        if let template = Self.template(printing: part, at: path), !theme.compiled.contains(template) { return nil }
        var printedAgain: [(range: Range<Int>, bytes: [UInt8], place: DashboardPlace)] = []
        for change in changes {
            guard let before = change.before, let after = change.after else { return nil }
            let was = printed(part, of: before, at: path), now = printed(part, of: after, at: path)
            let moved = part == .dashboardRow ? movedRows[after.path] : nil
            guard was != now || moved != nil else { continue }
            let found = Self.ranges(of: was, in: earlier, upTo: 2)
            guard found.count == 1 else { return nil }
            if part == .card || part == .catalogueCard {
                let url = presenter.context(forPageAt: path).root + PagePaths.journeyFolder(after.summary.slug) + "/index.html"
                let link = Array(("href=\"" + Markup.escape(url) + "\"").utf8)
                guard Self.ranges(of: link, in: earlier, upTo: 2).count == 1 else { return nil }
            }
            guard let moved else {
                printedAgain.append((found[0], now, after.dashboardPlace))
                continue
            }
            let beside = Self.ranges(of: printed(part, of: moved.neighbour, at: path), in: earlier, upTo: 2)
            guard beside.count == 1 else { return nil }
            let at: Int
            switch moved {
            case .before: at = beside[0].lowerBound
            case .after: at = beside[0].upperBound
            }
            printedAgain.append((found[0], [], after.dashboardPlace))
            printedAgain.append((at..<at, now, after.dashboardPlace))
        }
        // In the file's order; rows put in at one place, in the dashboard's, and before a row taken out there.
        printedAgain.sort { a, b in
            if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
            if a.range.isEmpty != b.range.isEmpty { return a.range.isEmpty }
            return a.place < b.place
        }
        var patch = FilePatch(of: earlier.count), offset = 0
        for (range, bytes, _) in printedAgain {
            guard range.lowerBound >= offset else { return nil }
            patch.keep(offset..<range.lowerBound)
            patch.add(bytes)
            offset = range.upperBound
        }
        patch.keep(offset..<earlier.count)
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
            return Array(BuiltInPartials.card(presenter.card(map, root: page.root, index: SiteIndex([map]),
                                                             context: presenter.cardContext(of: map, showing: part))).utf8)
        case .dashboardRow:
            return Array(CompiledTheme.dashboardRow(presenter.dashboardPage([map]).rows[0], words: page.words).utf8)
        case .mapsJSONEntry:
            // The one entry of a document of one map: between the head and the tail, as each entry of every map's.
            let parts = JourneyJSON.maps([map], presenter: presenter)
            return parts.count == 3 ? parts[1] : []
        }
    }

    /// Where `needle` is in `bytes`, its first `limit` places at most.
    private static func ranges(of needle: [UInt8], in bytes: [UInt8], upTo limit: Int) -> [Range<Int>] {
        guard !needle.isEmpty, needle.count <= bytes.count else { return [] }
        // Each place of the needle's byte that the file holds least often (counted in its first 64 KB: a card's
        // line break, not its `<`, which every tag starts with) found by `memchr`, then compared whole; Glibc's
        // `memmem` is not exported to Swift.
        var counts = [Int](repeating: 0, count: 256)
        for byte in bytes.prefix(1 << 16) { counts[Int(byte)] += 1 }
        let anchor = needle.indices.min { counts[Int(needle[$0])] < counts[Int(needle[$1])] }!
        return bytes.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { needle in
                let base = haystack.baseAddress!, byte = Int32(needle[anchor])
                var found: [Range<Int>] = [], from = 0
                while found.count < limit, from + needle.count <= haystack.count,
                      let at = memchr(base + from + anchor, byte, haystack.count - needle.count + 1 - from) {
                    let start = base.distance(to: UnsafeRawPointer(at)) - anchor
                    if memcmp(base + start, needle.baseAddress!, needle.count) == 0 { found.append(start..<(start + needle.count)) }
                    from = start + 1
                }
                return found
            }
        }
    }
}
