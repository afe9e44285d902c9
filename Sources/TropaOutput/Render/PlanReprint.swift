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

    private let earlier: [Int: Page]
    /// Where each action on the earlier pages read was printed: its page and its item's bytes there.
    private let printed: [ActionPlan.Entry: (page: Int, item: Range<Int>)]
    private let plan: ActionPlan
    private let layout: [[ActionPlan.PagePart]]

    /// The pages `numbers` (from 0) of `plan`, cut into pages of `size` as `layout`, read from the earlier build's
    /// (`read` gives a file's bytes by its path in the output), which printed `written`. Nil when `written` was cut
    /// otherwise or named its kinds and owners otherwise: the pages' headings differ. An earlier page not as the
    /// theme prints one (missing, or edited by hand) is left out, and so is an item without the link `link` gives
    /// for its action on its page (a page the record's plan did not lay out): their actions are printed anew, as are
    /// those of the maps `changed` names by their places.
    init?(pages numbers: Set<Int>, of plan: ActionPlan, size: Int, layout: [[ActionPlan.PagePart]], written: ActionPlan,
          changed: Set<Int>, link: @Sendable (ActionPlan.Entry, Int) -> [UInt8], read: @Sendable (String) -> [UInt8]?) {
        let names = { (plan: ActionPlan) in plan.kinds.map { [$0.kind] + $0.owners.map(\.owner) } }
        guard plan.count == written.count, names(plan) == names(written), written.pages(of: size) == layout else { return nil }
        let numbers = numbers.sorted().filter { layout.indices.contains($0) }
        let pages = parallelMap(numbers) { number in
            read(PagePaths.planPage(number + 1)).flatMap { bytes in
                Self.lists(in: bytes, counts: layout[number].map(\.entries.count)).map { Page(bytes: bytes, lists: $0) }
            }
        }
        var earlier: [Int: Page] = [:]
        var printed: [ActionPlan.Entry: (page: Int, item: Range<Int>)] = [:]
        for (number, page) in zip(numbers, pages) {
            guard let page else { continue }
            earlier[number] = page
            for (part, list) in zip(layout[number], page.lists) {
                let entries = written.kinds[part.kind].owners[part.owner].entries[part.entries]
                for (entry, item) in zip(entries, list.each) where !changed.contains(entry.map) {
                    let needle = link(entry, number)
                    guard item.count >= needle.count, !PageRenderer.ranges(
                        of: needle, anchor: needle.count - 1, in: page.bytes, from: item.lowerBound,
                        startingBefore: item.upperBound - needle.count + 1, upTo: 1).isEmpty else { continue }
                    printed[entry] = (number, item)
                }
            }
        }
        (self.earlier, self.printed, self.plan, self.layout) = (earlier, printed, plan, layout)
    }

    /// Whether `entry` goes onto page `number` as an earlier page printed it: its map did not change, and it was on
    /// a page read, whose links start where this page's do (the first page is `plan/index.html`, the others two folders deeper).
    package func reprints(_ entry: ActionPlan.Entry, onto number: Int) -> Bool {
        earlier[number] != nil && printed[entry].map { ($0.page == 0) == (number == 0) } == true
    }

    /// Page `number` as its earlier file, with each list's items in the plan's order now: those it `reprints` as an
    /// earlier page printed them, the others as `item` prints them. Nil when its earlier file was not read.
    package func page(_ number: Int, item: (ActionPlan.Entry) -> [UInt8]) -> OutputFile? {
        guard let page = earlier[number] else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(page.bytes.count + 4096)
        var at = 0
        for (part, list) in zip(layout[number], page.lists) {
            bytes += page.bytes[at..<list.items.lowerBound]
            for entry in plan.kinds[part.kind].owners[part.owner].entries[part.entries] {
                if reprints(entry, onto: number), let (from, item) = printed[entry] {
                    bytes += earlier[from]!.bytes[item]
                } else {
                    bytes += item(entry)
                }
            }
            at = list.items.upperBound
        }
        bytes += page.bytes[at...]
        return OutputFile(path: PagePaths.planPage(number + 1), bytes: bytes)
    }

    /// The items of each `plan-items` list of a page, which has as many lists as `counts` and in each as many items
    /// as its count; nil when it has not.
    static func lists(in bytes: [UInt8], counts: [Int]) -> [(items: Range<Int>, each: [Range<Int>])]? {
        let open = Array("<ol class=\"plan-items\"".utf8), close = Array("</ol>".utf8)
        let itemStart = Array("<li><div class=\"action\">".utf8), itemEnd = Array("</p></li>\n".utf8)
        func find(_ needle: [UInt8], anchor: Int, from start: Int) -> Int? {
            PageRenderer.ranges(of: needle, anchor: anchor, in: bytes, from: start, startingBefore: bytes.count, upTo: 1).first?.lowerBound
        }
        var lists: [(items: Range<Int>, each: [Range<Int>])] = []
        var at = 0
        for count in counts {
            // The list's tag, then its items from the next line on.
            guard let tag = find(open, anchor: 1, from: at), let opened = find([UInt8(ascii: ">"), 10], anchor: 1, from: tag) else {
                return nil
            }
            var each: [Range<Int>] = []
            var item = opened + 2
            for _ in 0..<count {
                guard bytes[item...].starts(with: itemStart), let end = find(itemEnd, anchor: itemEnd.count - 1, from: item) else {
                    return nil
                }
                each.append(item..<(end + itemEnd.count))
                item = end + itemEnd.count
            }
            guard bytes[item...].starts(with: close) else { return nil }
            lists.append(((opened + 2)..<item, each))
            at = item
        }
        return find(open, anchor: 1, from: at) == nil ? lists : nil
    }
}

extension PageRenderer {
    /// The plan's pages `numbers` (from 0), as `PlanReprint` makes them from the earlier build's, which printed
    /// `written`; `slug` gives a map's by its place. Nil when the plan is printed by a site's own templates, or lets
    /// the author's HTML through (an item's end could be in its text), or is cut otherwise than it was.
    package func planReprint(pages numbers: Set<Int>, of plan: ActionPlan, layout: [[ActionPlan.PagePart]],
                             written: ActionPlan, changed: Set<Int>, slug: @escaping @Sendable (Int) -> String,
                             read: @Sendable (String) -> [UInt8]?) -> PlanReprint? {
        guard theme.compiled.contains("plan"), !presenter.site.config.unsafeHTML else { return nil }
        // The first page is `plan/index.html`; the others are two folders deeper, all alike.
        let roots = [1, 2].map { presenter.context(forPageAt: PagePaths.planPage($0)).root }
        return PlanReprint(pages: numbers, of: plan, size: presenter.site.config.planPageSize, layout: layout, written: written,
                           changed: changed, link: { entry, page in
                               let url = SitePresenter.stageURL(root: roots[page == 0 ? 0 : 1], slug: slug(entry.map), anchor: "")
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
