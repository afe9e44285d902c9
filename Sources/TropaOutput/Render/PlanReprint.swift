import TropaModel
import TropaAnalysis

/// The plan's pages printed again from the last build's. An emotion edited from −2 to +2 moves its stage's actions
/// over every page between their old place and the new, and each of those pages shows one action more at one end
/// and one less at the other: made anew, they needed the maps of half the plan read from the record (at 10,000
/// maps, 350 pages and 0.61 s). Where the plan is cut into the same runs as before, each page is instead its earlier
/// file with its lists' items taken from the earlier pages that printed them, and only the changed maps' items (and
/// those that cross between the first page and the others, whose links start elsewhere) printed anew.
///
/// Only for the built-in theme's plan with the author's HTML escaped: then an item ends where `</p></li>` and a line
/// break do, which no escaped text holds.
package struct PlanReprint: Sendable {
    /// An earlier page: its bytes, and list by list the span of its items and where each of them is.
    private struct Page: Sendable {
        let bytes: [UInt8]
        let lists: [(items: Range<Int>, each: [Range<Int>])]
    }

    /// By their numbers; nil for a page not read.
    private let earlier: [Page?]
    /// Where each action on the earlier pages read was printed.
    private let printed: PrintedItems
    private let plan: ActionPlan
    private let layout: [[ActionPlan.PagePart]]

    /// The pages `numbers` (from 0) of `plan`, cut into pages of `size` as `layout`, read from the earlier build's
    /// (`read` gives a file's bytes by its path in the output), which printed `written` of the site's `maps` maps. Nil
    /// when `written` was cut otherwise or named its kinds and owners otherwise (the pages' headings differ), or names
    /// maps or actions the site cannot have (a damaged record). An earlier page not as the theme prints one
    /// (missing, or edited by hand) is left out, and so is an item without the link `link` gives for its action's map
    /// (by its place) on the first page or the others (a page the record's plan did not lay out): their actions are
    /// printed anew, as are those of the maps `changed` names by their places.
    init?(pages numbers: Set<Int>, of plan: ActionPlan, size: Int, layout: [[ActionPlan.PagePart]], written: ActionPlan,
          maps: Int, changed: Set<Int>, link: @Sendable (_ map: Int, _ onFirstPage: Bool) -> [UInt8],
          read: @Sendable (String) -> [UInt8]?) {
        let names = { (plan: ActionPlan) in plan.kinds.map { [$0.kind] + $0.owners.map(\.owner) } }
        guard plan.count == written.count, names(plan) == names(written), written.pages(of: size) == layout,
              var printed = PrintedItems(written, maps: maps) else { return nil }
        let numbers = numbers.sorted().filter { layout.indices.contains($0) }
        let entries = { @Sendable (number: Int) in
            layout[number].map { written.kinds[$0.kind].owners[$0.owner].entries[$0.entries] }
        }
        // Each map's links made once (its actions are on several pages), then the pages read and their items
        // matched on every core.
        let shown = Array(Set(numbers.flatMap { entries($0).joined().map(\.map) }).subtracting(changed))
        let links = Dictionary(uniqueKeysWithValues: zip(shown, parallelMap(shown) { map in
            (onFirstPage: link(map, true), onOthers: link(map, false))
        }))
        let pages = parallelMap(numbers) { number -> (page: Page, items: [(ActionPlan.Entry, Range<Int>)])? in
            guard let bytes = read(PagePaths.planPage(number + 1)),
                  let lists = Self.lists(in: bytes, counts: layout[number].map(\.entries.count)) else { return nil }
            var items: [(ActionPlan.Entry, Range<Int>)] = []
            for (entries, list) in zip(entries(number), lists) {
                for (entry, item) in zip(entries, list.each) {
                    guard let link = links[entry.map] else { continue }
                    let needle = number == 0 ? link.onFirstPage : link.onOthers
                    guard item.count >= needle.count, PageRenderer.firstRange(
                        of: needle, anchor: needle.count - 1, in: bytes, from: item.lowerBound,
                        startingBefore: item.upperBound - needle.count + 1) != nil else { continue }
                    items.append((entry, item))
                }
            }
            return (Page(bytes: bytes, lists: lists), items)
        }
        var earlier = [Page?](repeating: nil, count: layout.count)
        for (number, page) in zip(numbers, pages) {
            guard let page else { continue }
            earlier[number] = page.page
            for (entry, item) in page.items { printed.set(entry, page: number, item: item) }
        }
        (self.earlier, self.printed, self.plan, self.layout) = (earlier, printed, plan, layout)
    }

    /// Whether `entry` goes onto page `number` as an earlier page printed it: its map did not change, and it was on
    /// a page read, whose links start where this page's do (the first page is `plan/index.html`, the others two folders deeper).
    package func reprints(_ entry: ActionPlan.Entry, onto number: Int) -> Bool { earlierItem(entry, onto: number) != nil }

    /// Where an earlier page printed `entry`, when it `reprints` it onto page `number`.
    private func earlierItem(_ entry: ActionPlan.Entry, onto number: Int) -> (page: Int, item: Range<Int>)? {
        guard earlier.indices.contains(number), earlier[number] != nil, let printed = printed[entry],
              (printed.page == 0) == (number == 0) else { return nil }
        return printed
    }

    /// Page `number` as its earlier file, with each list's items in the plan's order now: those it `reprints` as an
    /// earlier page printed them, the others as `item` prints them. Nil when its earlier file was not read.
    package func page(_ number: Int, item: (ActionPlan.Entry) -> [UInt8]) -> OutputFile? {
        guard earlier.indices.contains(number), let page = earlier[number] else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(page.bytes.count + 4096)
        var at = 0
        for (part, list) in zip(layout[number], page.lists) {
            bytes += page.bytes[at..<list.items.lowerBound]
            for entry in plan.kinds[part.kind].owners[part.owner].entries[part.entries] {
                if let (from, item) = earlierItem(entry, onto: number) {
                    bytes += earlier[from]!.bytes[item]
                } else {
                    bytes += item(entry)
                }
            }
            at = list.items.upperBound
        }
        bytes += page.bytes[at...]
        var file = OutputFile(path: PagePaths.planPage(number + 1), bytes: bytes)
        file.earlier = page.bytes
        return file
    }

    /// The items of each `plan-items` list of a page, which has as many lists as `counts` and in each as many items
    /// as its count; nil when it has not.
    static func lists(in bytes: [UInt8], counts: [Int]) -> [(items: Range<Int>, each: [Range<Int>])]? {
        let open = Array("<ol class=\"plan-items\"".utf8), close = Array("</ol>".utf8)
        let itemStart = Array("<li><div class=\"action\">".utf8), itemEnd = Array("</p></li>\n".utf8)
        func find(_ needle: [UInt8], anchor: Int, from start: Int) -> Int? {
            PageRenderer.firstRange(of: needle, anchor: anchor, in: bytes, from: start, startingBefore: bytes.count)?.lowerBound
        }
        func holds(_ needle: [UInt8], at index: Int) -> Bool {
            PageRenderer.holds(needle, at: index, in: bytes)
        }
        var lists: [(items: Range<Int>, each: [Range<Int>])] = []
        var at = 0
        for count in counts {
            // The list's tag, then its items from the next line on.
            guard let tag = find(open, anchor: 1, from: at), let opened = find([UInt8(ascii: ">"), 10], anchor: 1, from: tag) else {
                return nil
            }
            var each: [Range<Int>] = []
            each.reserveCapacity(count)
            var item = opened + 2
            for _ in 0..<count {
                guard holds(itemStart, at: item), let end = find(itemEnd, anchor: itemEnd.count - 1, from: item) else {
                    return nil
                }
                each.append(item..<(end + itemEnd.count))
                item = end + itemEnd.count
            }
            guard holds(close, at: item) else { return nil }
            lists.append(((opened + 2)..<item, each))
            at = item
        }
        return find(open, anchor: 1, from: at) == nil ? lists : nil
    }
}

/// Where an earlier page printed each action of a plan, by the action's map and its place among the map's actions:
/// a table rather than a dictionary, asked for each of the 17,500 actions on the 350 pages of a far move (hashing
/// them took 15 ms).
private struct PrintedItems: Sendable {
    /// By map, where its actions start in `items`.
    private let starts: [Int]
    /// The page (−1 for none) and the item's bytes there.
    private var items: [(page: Int32, lower: Int32, upper: Int32)]

    /// Nil when the plan names maps beyond the site's `maps`, or actions beyond any a site of its size has (a
    /// damaged record): the table would not fit.
    init?(_ plan: ActionPlan, maps: Int) {
        var counts: [Int] = []
        for kind in plan.kinds {
            for owner in kind.owners {
                for entry in owner.entries {
                    guard entry.map >= 0, entry.map < maps, entry.action >= 0, entry.action < plan.count else { return nil }
                    if entry.map >= counts.count { counts += repeatElement(0, count: entry.map + 1 - counts.count) }
                    counts[entry.map] = max(counts[entry.map], entry.action + 1)
                }
            }
        }
        var starts = [0]
        starts.reserveCapacity(counts.count + 1)
        for count in counts { starts.append(starts.last! + count) }
        // Each map's actions counted up to the greatest named: a site's plan names most of its maps' actions.
        guard starts.last! <= 4 * plan.count + 1024 else { return nil }
        self.starts = starts
        items = Array(repeating: (-1, 0, 0), count: starts.last!)
    }

    private func index(_ entry: ActionPlan.Entry) -> Int? {
        guard entry.map >= 0, entry.map < starts.count - 1, entry.action >= 0 else { return nil }
        let index = starts[entry.map] + entry.action
        return index < starts[entry.map + 1] ? index : nil
    }

    subscript(entry: ActionPlan.Entry) -> (page: Int, item: Range<Int>)? {
        guard let index = index(entry), items[index].page >= 0 else { return nil }
        return (Int(items[index].page), Int(items[index].lower)..<Int(items[index].upper))
    }

    /// An action not in the plan, or an item past 2 GB, is left unset: printed anew.
    mutating func set(_ entry: ActionPlan.Entry, page: Int, item: Range<Int>) {
        guard let index = index(entry), let page = Int32(exactly: page), let lower = Int32(exactly: item.lowerBound),
              let upper = Int32(exactly: item.upperBound) else { return }
        items[index] = (page, lower, upper)
    }
}

extension PageRenderer {
    /// The plan's pages `numbers` (from 0), as `PlanReprint` makes them from the earlier build's, which printed
    /// `written` of the site's `maps` maps; `slug` gives a map's by its place. Nil when the plan is printed by a site's own templates, or lets
    /// the author's HTML through (an item's end could be in its text), or is cut otherwise than it was.
    package func planReprint(pages numbers: Set<Int>, of plan: ActionPlan, layout: [[ActionPlan.PagePart]],
                             written: ActionPlan, maps: Int, changed: Set<Int>, slug: @escaping @Sendable (Int) -> String,
                             read: @Sendable (String) -> [UInt8]?) -> PlanReprint? {
        guard theme.compiled.contains("plan"), !presenter.site.config.unsafeHTML else { return nil }
        // The first page is `plan/index.html`; the others are two folders deeper, all alike.
        let roots = [1, 2].map { presenter.context(forPageAt: PagePaths.planPage($0)).root }
        return PlanReprint(pages: numbers, of: plan, size: presenter.site.config.planPageSize, layout: layout, written: written,
                           maps: maps, changed: changed, link: { map, onFirstPage in
                               let url = SitePresenter.stageURL(root: roots[onFirstPage ? 0 : 1], slug: slug(map), anchor: "")
                               return Array(("href=\"" + Markup.escape(url)).utf8)
                           }, read: read)
    }

    /// An item of the plan's page `number` (from 0) as the built-in theme prints it.
    package func planItem(_ entry: ActionPlan.Entry, of map: some PlannedMap, onPage number: Int) -> [UInt8] {
        let root = presenter.context(forPageAt: PagePaths.planPage(number + 1)).root
        var html = HTMLBytes(capacity: 512)
        BuiltInPartials.planItem(presenter.planItem(entry, of: map, root: root), words: presenter.words, to: &html)
        return html.bytes
    }
}
