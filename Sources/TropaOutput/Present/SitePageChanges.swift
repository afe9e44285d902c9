import TropaModel
import TropaAnalysis

/// One map's entry on the site pages before and after a rebuild; nil where it was or is not built (new, deleted,
/// a draft left out).
package struct MapChange: Sendable {
    package var before: SitePageEntry?
    package var after: SitePageEntry?

    package init(before: SitePageEntry?, after: SitePageEntry?) {
        self.before = before
        self.after = after
    }

    /// The changes between two lists of every map's entry, compared by path.
    /// Both lists in the order of their paths' bytes, as the site lists its maps.
    package static func between(_ before: [SitePageEntry], _ after: [SitePageEntry]) -> [MapChange] {
        // Walked side by side, neither hashed nor sorted: the preview compares 10,000 entries on every save.
        var changes: [MapChange] = []
        var (old, new) = (0, 0)
        while old < before.count || new < after.count {
            if old < before.count, new < after.count, before[old].path == after[new].path {
                if before[old] != after[new] { changes.append(MapChange(before: before[old], after: after[new])) }
                (old, new) = (old + 1, new + 1)
            } else if new == after.count || old < before.count && before[old].path.utf8Precedes(after[new].path) {
                changes.append(MapChange(before: before[old], after: nil))
                old += 1
            } else {
                changes.append(MapChange(before: nil, after: after[new]))
                new += 1
            }
        }
        return changes.sorted { ($0.after ?? $0.before!).path < ($1.after ?? $1.before!).path }
    }

    /// Both sides, the ones that are there.
    fileprivate var sides: [SitePageEntry] { [before, after].compactMap { $0 } }

    /// Whether what `part` takes of the map differs.
    fileprivate func differs<Part: Equatable>(_ part: (SitePageEntry) -> Part) -> Bool {
        before.map(part) != after.map(part)
    }
}

extension SitePageEntry {
    /// What a card, the catalogue's matrix, the dashboard, `maps.json` and a persona page show of the map.
    fileprivate struct Overview: Equatable {
        let summary: JourneySummary
        let headline: MapHeadline
        let curve: [EmotionSeries]
        let paths: [[Int]]
        let hasActions: Bool
    }

    fileprivate var overview: Overview {
        Overview(summary: summary, headline: headline, curve: curve, paths: paths, hasActions: !actions.isEmpty)
    }

    /// What a comparison shows besides the cards: each stage, its figures and its average score.
    fileprivate struct Figures: Equatable {
        let stages: [StageFacts]
        let stageEmotions: [Double?]
    }

    fileprivate var figures: Figures { Figures(stages: stages, stageEmotions: stageEmotions) }

    /// What the action plan and its CSV show: the actions, the stages they belong to with their figures, and the
    /// map's title and address.
    fileprivate struct Plan: Equatable {
        let title: String
        let slug: String
        let figures: Figures
        let actions: PlanActions
    }

    fileprivate var plan: Plan { Plan(title: summary.title, slug: summary.slug, figures: figures, actions: actions) }

    /// What places the map's actions in the plan: their count, stages, kinds and owners as written, the figures
    /// they sort by, and the title that breaks ties.
    fileprivate struct PlanOrder: Equatable {
        let title: String
        /// An action of a stage the map no longer has is left out.
        let stageCount: Int
        let actions: [[String?]]
        let emotions: [Double?]
        let conversions: [Double?]
    }

    fileprivate var planOrder: PlanOrder {
        let placed = actions.indices.map { actions.stage(at: $0) }
        return PlanOrder(title: summary.title, stageCount: stages.count,
                         actions: actions.indices.map { [String(placed[$0]), actions.kind(at: $0), actions.owner(at: $0)] },
                         emotions: placed.map { emotion(ofStage: $0) },
                         conversions: placed.map { stages.indices.contains($0) ? stages[$0].figures.conversion?.value : nil })
    }
}

extension JourneySummary {
    /// All of it but the review dates, which no card shows and nothing sorts by: a row added to the measurements
    /// leaves the map where it was on every page of cards, its row of the dashboard and entry of `maps.json` printed
    /// again in place.
    fileprivate var placing: JourneySummary {
        var summary = self
        summary.review = nil
        return summary
    }
}

/// What tells which comparison pages show a map, without the rest of it: its path, slug, product, the maps its
/// `compare` names, and what ranks it among its product's maps (title, priority, revenue); and what places its row
/// on the dashboard (the bound of what gets through, then the title and slug).
package struct MapOutline: Sendable, Equatable {
    package var path: String
    package var slug: String
    package var product: String?
    package var compare: [String]
    package var title: String
    package var priority: Priority?
    package var revenue: Double?
    package var reachBound: Double?

    package init(path: String, slug: String, product: String?, compare: [String], title: String, priority: Priority?,
                 revenue: Double?, reachBound: Double?) {
        (self.path, self.slug, self.product, self.compare) = (path, slug, product, compare)
        (self.title, self.priority, self.revenue, self.reachBound) = (title, priority, revenue, reachBound)
    }

    fileprivate var order: PairRank.MapOrder {
        PairRank.MapOrder(title: title, slug: slug, priority: priority, revenue: revenue)
    }
}

extension SitePageEntry {
    package var outline: MapOutline {
        MapOutline(path: path, slug: summary.slug, product: summary.product, compare: summary.compare, title: summary.title,
                   priority: summary.priority, revenue: summary.revenue, reachBound: headline.reachBound)
    }
}

/// The maps a plan's entries name by their place among the maps it was made of: every one, or (a rebuild that
/// makes a few of the plan's pages again) the ones those pages show, which must be all the entries asked for.
package struct PlanMaps: Sendable {
    private enum Source: Sendable {
        case all([SitePageEntry])
        case some([Int: any PlannedMap])
    }

    private let source: Source

    package init(_ all: [SitePageEntry]) {
        source = .all(all)
    }

    package init(some: [Int: any PlannedMap]) {
        source = .some(some)
    }

    package subscript(index: Int) -> any PlannedMap {
        switch source {
        case .all(let maps): maps[index]
        case .some(let maps): maps[index]!
        }
    }
}

/// Which site pages a rebuild makes again, and what it made of the plan to tell.
package struct SitePageSelection: Sendable {
    /// The pages to make again, by path; a page among them that no map shows now (a tag no map has any more) is
    /// not made, and goes. Nil for every page.
    package var paths: Set<String>?
    /// The plan as it is now, when it shows a change: made once to tell its changed pages, and kept to make them.
    package var plan: PlanPages?
    /// The rows of the plan's CSV to write again, and where the others go when actions moved: those stay as the
    /// file has them. Nil for the whole file.
    package var planRows: PlanRows?

    package init(paths: Set<String>?, plan: PlanPages?, planRows: PlanRows? = nil) {
        self.paths = paths
        self.plan = plan
        self.planRows = planRows
    }

    package func contains(_ path: String) -> Bool { paths?.contains(path) ?? true }
}

/// Rows of the plan's CSV by their place in it (the header is row 0): as they are now, and as the last build wrote
/// them, which the file must still hold for the new ones to go in their place.
package struct PlanRows: Sendable {
    package var now: [Int: [String]]
    package var were: [Int: [String]]
    /// When actions moved: each row of the new file (the header is row 0), as the place of the file's row it is, or
    /// -1 for one of `now`. Nil when every row stays where it was.
    package var moved: [Int]?
}

/// The action plan made into pages: its sorted actions (for the CSV too) and each page's path with the making of
/// its model.
package struct PlanPages: Sendable {
    package let plan: ActionPlan
    package let pages: [(path: String, model: @Sendable () -> PlanPageModel)]

    package init(plan: ActionPlan, pages: [(path: String, model: @Sendable () -> PlanPageModel)]) {
        self.plan = plan
        self.pages = pages
    }
}

/// What a page of every map shows of each: the part of it a rebuild prints again for a map changed in place.
package enum ShownPart: Sendable, Equatable {
    /// A card naming the map's segment: the catalogue groups its cards by product.
    case catalogueCard
    /// A card naming the map's product and segment: a tag's, a segment's and a product's page.
    case card
    case dashboardRow
    case mapsJSONEntry
}

/// The site pages a rebuild makes again without every map's entry: the ones these maps' changes show on, and the
/// maps (by their place among the built ones) that those pages show, which are all an update reads of the record.
package struct NarrowSelection: Sendable {
    package var pages: Set<String>
    /// Pages of every map that show the changed maps in place (`SitePresenter.showInPlace`): each is the output's
    /// file with those maps' parts printed again, by what the page shows of a map.
    package var patched: [String: ShownPart] = [:]
    /// The plan's pages (from 0) among them, of the plan cut into pages as `layout`.
    package var planPages: Set<Int>
    package var layout: [[ActionPlan.PagePart]]
    /// The maps the pages other than the plan's show, and the changed ones: read whole.
    package var maps: Set<Int>
    /// The changed maps' places, and their entries as they were by those places.
    package var changed: Set<Int>
    package var before: [Int: SitePageEntry]
    /// When a changed map's row moves on the dashboard: where each changed map's row goes, by its path, beside the
    /// row of a map that did not change (by its place).
    package var movedRows: [String: RowPlace<Int>] = [:]
    /// The plan with the changed maps' actions placed again, when their figures moved them
    /// (`ActionPlan.moving`); nil when it is as the last build laid it out.
    package var laidOut: ActionPlan?
    /// The products with comparisons, told from every map (`SiteIndex.compared`).
    package var compared: Set<String> = []
}

/// Where a changed map's row goes on a page that sorts its rows by what changed (the dashboard): before the row of
/// a map that did not change, or after it when the row goes last.
package enum RowPlace<Map: Sendable>: Sendable {
    case before(Map)
    case after(Map)

    /// The map whose row it goes beside.
    package var neighbour: Map {
        switch self {
        case .before(let map), .after(let map): map
        }
    }

    package func map<Other>(_ transform: (Map) throws -> Other) rethrows -> RowPlace<Other> {
        switch self {
        case .before(let map): .before(try transform(map))
        case .after(let map): .after(try transform(map))
        }
    }
}

extension SitePresenter {
    /// The site pages that show something of `changes`: what a rebuild makes again when nothing but these maps
    /// changed (`index` is every built map now, `before` every built map as it was, in the same order). A page
    /// shows a part of each map it lists, so a change elsewhere leaves it as it was: a renamed stage reaches the
    /// plan and the product's comparison, not the catalogue, the tag and segment pages, the dashboard or
    /// `maps.json` (unless it is the weakest, which cards name); and of the plan's pages, only those whose actions
    /// or their figures changed (or moved). The
    /// sitemap is not among them: it lists every page.
    package func pagesShowing(_ changes: [MapChange], in index: SiteIndex, earlierPlan: ActionPlan? = nil,
                              before: @Sendable () -> [SitePageEntry]) -> SitePageSelection {
        var products: MapProducts?
        var (paths, planChanged) = pagesShowing(changes, outlines: index.maps.map(\.outline), products: &products)
        guard planChanged else { return SitePageSelection(paths: paths, plan: nil) }
        paths.insert(PagePaths.planCSV)
        let size = site.config.planPageSize
        let changedPaths = Set(changes.flatMap(\.sides).map(\.path))
        // When no changed map's actions sort or group otherwise than before (a stage renamed, an action's text
        // edited, a figure no action sorts by), the plan is laid out as it was (`earlierPlan`, when it is of these
        // maps): its pages to make again are those that hold those actions, and its CSV's rows, theirs. So too when
        // the changes could have moved actions and the plan laid out again is the one before (a stage's conversion
        // edited that keeps its actions' places), the maps keeping theirs.
        let kindOrder = site.schema.layers.flatMap(\.kinds)
        let keepsOrder = Self.keepsPlanOrder(changes)
        let laidOut = keepsOrder ? nil : ActionPlan(index.maps, kindOrder: kindOrder)
        let keepsPlaces = changes.allSatisfy { $0.before != nil && $0.after != nil }
        // Without an action on any map there is no CSV to patch: it goes, as a full build writes none.
        let hasCSV = index.maps.contains { !$0.actions.isEmpty }
        if keepsOrder || keepsPlaces && laidOut == earlierPlan {
            let plan = laidOut ?? earlierPlan.flatMap { Self.names($0, of: index.maps) ? $0 : nil } ?? actionPlan(index)
            let byPlace = Self.byPlace(changes, among: index.maps.map(\.path))
            let made = pages(plan.pages(of: size), of: plan, changing: byPlace)
            paths.formUnion(made.map { PagePaths.planPage($0 + 1) })
            let rows = hasCSV ? changedPlanRows(plan, maps: index.maps, changing: byPlace) : nil
            return SitePageSelection(paths: paths, plan: PlanPages(plan: plan, pages: planPages(from: plan, maps: PlanMaps(index.maps), numbers: made)),
                                     planRows: rows)
        }
        // Otherwise the plan as it was and as it is, side by side: a page is made again when what it shows differs
        // (an action of a changed map is on it, or others moved onto it, or the headings and pager changed), and a
        // page the plan no longer reaches goes.
        let plans = parallelMap([true, false]) { now in
            let maps = now ? index.maps : before()
            let plan = (now ? laidOut : earlierPlan.flatMap { Self.names($0, of: maps) ? $0 : nil }) ?? ActionPlan(maps, kindOrder: kindOrder)
            return (plan, PlanPageKey.keys(plan, maps: maps, size: size, changed: changedPaths))
        }
        let (plan, now) = plans[0], earlier = plans[1].1
        let made = Set(now.indices.filter { page in
            now[page].showsChange || !earlier.indices.contains(page) || earlier[page].showsChange || earlier[page] != now[page]
        })
        paths.formUnion(made.map { PagePaths.planPage($0 + 1) })
        paths.formUnion((now.count..<max(now.count, earlier.count)).map { PagePaths.planPage($0 + 1) })
        // Every map in its place: the CSV is the file's rows in the new order, the changed maps' made anew.
        let rows = keepsPlaces && hasCSV
            ? changedPlanRows(plan, maps: index.maps, changing: Self.byPlace(changes, among: index.maps.map(\.path)), written: plans[1].0)
            : nil
        return SitePageSelection(paths: paths, plan: PlanPages(plan: plan, pages: planPages(from: plan, maps: PlanMaps(index.maps), numbers: made)),
                                 planRows: rows)
    }

    /// The same, told from the maps' outlines and the plan as the last build laid it out, when what changed shows
    /// on no card (a stage renamed, an action's text edited): the comparisons and plan pages that show the changed
    /// maps, and the maps those pages list; or when a card shows it but the map stays where it was on every page of
    /// cards (`showInPlace`), those pages, and the pages of every map to patch. Actions that move by their stages'
    /// figures alone are placed again in the plan, reading the few maps `planned` gives (by place) that placing
    /// them looks at. Nil when a card shows the change otherwise (the catalogue lists every map), an action moved
    /// otherwise, or a row moved on the dashboard and no map stayed there: then every map's entry is needed.
    package func pagesShowing(_ changes: [MapChange], outlines: [MapOutline], plan: ActionPlan?,
                              planned: (Int) throws -> any PlannedMap) -> NarrowSelection? {
        let onCards = !Self.showOnNoCard(changes)
        guard !onCards || Self.showInPlace(changes) else { return nil }
        var products: MapProducts?
        var (paths, planChanged) = pagesShowing(changes, outlines: outlines, products: &products)
        let patched = onCards ? patchedInPlace(changes, outlines: outlines, products: &products, paths: &paths) : [:]
        let changedPaths = Set(changes.flatMap(\.sides).map(\.path))
        let place = Dictionary(outlines.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        let changed = Set(changedPaths.compactMap { place[$0] })
        var movedRows: [String: RowPlace<Int>] = [:]
        if patched[PagePaths.dashboard] != nil, changes.contains(where: { $0.differs(\.dashboardPlace) }) {
            guard let rows = Self.dashboardRows(changes, outlines: outlines, changed: changed) else { return nil }
            movedRows = rows
        }
        let before = Dictionary(changes.compactMap { change in change.before.flatMap { was in place[was.path].map { ($0, was) } } },
                                uniquingKeysWith: { first, _ in first })
        var maps = changed
        // A product's comparison ranks all its maps; a map's own shows those its `compare` names.
        let mapProducts = products ?? MapProducts(outlines)
        let compared = mapProducts.compared
        let productShown = mapProducts.slugs.map { paths.contains(PagePaths.product($0)) }
        for map in outlines.indices {
            if !outlines[map].compare.isEmpty && paths.contains(PagePaths.comparison(ofMap: outlines[map].slug)) {
                maps.insert(map)
                maps.formUnion(outlines[map].compare.compactMap { place[$0] })
            }
            if let product = mapProducts.of[map], productShown[product] { maps.insert(map) }
        }
        guard planChanged else {
            return NarrowSelection(pages: paths, patched: patched, planPages: [], layout: [], maps: maps,
                                   changed: changed, before: before, movedRows: movedRows, compared: compared)
        }
        // A plan laid out from other maps than these is not this site's.
        guard let written = plan, written.entries.allSatisfy({ $0.map < outlines.count }) else { return nil }
        var plan = written
        if !Self.keepsPlanOrder(changes) {
            // Each map read once, and its title's key made once: placing a map's actions halves the same runs, and
            // reading a map from the record took most of placing one.
            var read: [Int: (map: any PlannedMap, titleKey: String)] = [:]
            // Actions moved by their stages' figures alone are placed again among the others; a plan whose entries
            // the maps do not have (or a damaged record) takes the way through every map.
            guard Self.movesByFiguresAlone(changes), let moved = try? written.moving(changed, placing: { entry in
                let (map, titleKey) = try read[entry.map] ?? {
                    let map = try planned(entry.map)
                    read[entry.map] = (map, NameKey(map.title).value)
                    return read[entry.map]!
                }()
                // The plan leaves out an action of a stage the map does not have: one named is not of these maps.
                guard map.actions.indices.contains(entry.action), map.stages.indices.contains(map.actions.stage(at: entry.action)),
                      map.stageEmotions.count == map.stages.count else { throw PlanNotOfTheseMaps() }
                let stage = map.actions.stage(at: entry.action)
                return ActionPlan.Placing(emotion: map.stageEmotions[stage], conversion: map.stages[stage].figures.conversion?.value,
                                          titleKey: titleKey, entry: entry)
            }) else { return nil }
            plan = moved
        }
        let pages = plan.pages(of: site.config.planPageSize)
        // The pages that show a changed map's action otherwise, and those whose actions moved (the same layout:
        // each kind's and owner's run is as long as it was).
        var made = self.pages(pages, of: plan, changing: Self.byPlace(changes, among: outlines.map(\.path)))
        if plan != written {
            made.formUnion(pages.indices.filter { page in
                pages[page].contains { part in
                    plan.kinds[part.kind].owners[part.owner].entries[part.entries] != written.kinds[part.kind].owners[part.owner].entries[part.entries]
                }
            })
        }
        return NarrowSelection(pages: paths.union(made.map { PagePaths.planPage($0 + 1) } + [PagePaths.planCSV]),
                               patched: patched, planPages: made, layout: pages, maps: maps,
                               changed: changed, before: before, movedRows: movedRows,
                               laidOut: plan != written ? plan : nil, compared: compared)
    }

    /// A plan's entry names an action its map does not have.
    private struct PlanNotOfTheseMaps: Error {}

    /// Whether every change keeps its map's title and its actions' stages, kinds and owners, so that its actions
    /// move in the plan (if at all) by their stages' figures alone: an emotion or a conversion edited.
    private static func movesByFiguresAlone(_ changes: [MapChange]) -> Bool {
        changes.allSatisfy { change in
            guard let before = change.before?.planOrder, let after = change.after?.planOrder else { return false }
            return before.title == after.title && before.stageCount == after.stageCount && before.actions == after.actions
        }
    }

    /// Where each changed map's row goes on the dashboard when one of them moved there: every changed map's row is
    /// taken out and put before the row of the first map that did not change and follows it now, or after the last
    /// such row when none does (the changed maps' own places are not where they were). Nil when no map stayed.
    private static func dashboardRows(_ changes: [MapChange], outlines: [MapOutline],
                                      changed: Set<Int>) -> [String: RowPlace<Int>]? {
        let stayed = outlines.indices.filter { !changed.contains($0) }
        // The bounds alone order most rows: a row's title is made a key only when its bound ties (10,000 keys made
        // for each change were a twentieth of a conversion's rebuild).
        let bounds = stayed.map { outlines[$0].reachBound }
        var places: [Int: DashboardPlace] = [:]
        func place(_ index: Int) -> DashboardPlace {
            if let place = places[index] { return place }
            let place = outlines[stayed[index]].dashboardPlace
            places[index] = place
            return place
        }
        func precedes(_ a: Int, _ b: Int) -> Bool { DashboardPlace.boundOrder(bounds[a], bounds[b]) ?? (place(a) < place(b)) }
        guard let last = bounds.indices.max(by: precedes) else { return nil }
        var rows: [String: RowPlace<Int>] = [:]
        for change in changes {
            guard let map = change.after else { return nil }
            let moved = map.dashboardPlace
            var next: Int?
            for index in bounds.indices where DashboardPlace.boundOrder(moved.reachBound, bounds[index]) ?? (moved < place(index))
                && next.map({ precedes(index, $0) }) ?? true {
                next = index
            }
            rows[map.path] = next.map { .before(stayed[$0]) } ?? .after(stayed[last])
        }
        return rows
    }

    /// Whether every change leaves the map built and shows on no card: what the narrow way needs.
    package static func showOnNoCard(_ changes: [MapChange]) -> Bool {
        changes.allSatisfy { $0.before != nil && $0.after != nil && !$0.differs(\.overview) }
    }

    /// Whether every change leaves the map built and where it was on every page of cards, changing only figures
    /// its card, its row of the dashboard and its entry of `maps.json` show (an NPS edited, a conversion): the
    /// same summary (what lists, groups and sorts a card, and what persona pages show), and actions or none as
    /// before. The dashboard's rows are sorted by the bound of what gets through: a row whose place changed is
    /// moved (`movedRows`).
    package static func showInPlace(_ changes: [MapChange]) -> Bool {
        changes.allSatisfy { change in
            guard let before = change.before, let after = change.after else { return false }
            return before.summary.placing == after.summary.placing && before.actions.isEmpty == after.actions.isEmpty
        }
    }

    /// Of `paths`, which a change in place shows on, the pages of every map, patched instead of made: the
    /// catalogue, the dashboard, `maps.json`, the tag and segment pages, and the products' comparisons that do not
    /// draw a changed map (one that does is made, from its product's maps). A persona page shows the summaries
    /// alone, so none is made.
    private func patchedInPlace(_ changes: [MapChange], outlines: [MapOutline], products: inout MapProducts?,
                                paths: inout Set<String>) -> [String: ShownPart] {
        var patched: [String: ShownPart] = [PagePaths.catalogue: .catalogueCard, PagePaths.dashboard: .dashboardRow,
                                             PagePaths.mapsJSON: .mapsJSONEntry]
        let mapProducts = products ?? MapProducts(outlines)
        products = mapProducts
        let compared = mapProducts.compared
        var drawnOf: [String: Set<String>] = [:], drawnProducts: Set<String> = []
        for change in changes where change.differs(\.overview) || change.differs(\.figures) {
            // A comparison that draws a map whose card or figures changed (another change's stage renamed, say) is
            // made whole, with the others' cards.
            for map in change.sides {
                if let product = map.summary.product.map(Slug.forName), compared.contains(product),
                   drawn(product, outlines: outlines, products: &products, cache: &drawnOf).contains(map.path) {
                    drawnProducts.insert(PagePaths.product(product))
                }
            }
            guard change.differs(\.overview) else { continue }
            let map = change.after!
            for tag in map.summary.tags { patched[PagePaths.tag(Slug.forName(tag))] = .card }
            if let segment = map.summary.segment { patched[PagePaths.segment(Slug.forName(segment))] = .card }
            if let persona = map.summary.personaID { paths.remove(PagePaths.persona(persona) + "/index.html") }
            if let product = map.summary.product.map(Slug.forName), compared.contains(product) {
                patched[PagePaths.product(product)] = .card
            }
        }
        for path in drawnProducts { patched[path] = nil }
        paths.subtract(patched.keys)
        return patched
    }

    /// What the changes show on besides the plan, from the outlines of every built map now; and whether the plan
    /// shows them.
    private func pagesShowing(_ changes: [MapChange], outlines: [MapOutline],
                              products: inout MapProducts?) -> (Set<String>, plan: Bool) {
        var paths: Set<String> = []
        var planChanged = false
        var drawnOf: [String: Set<String>] = [:]
        // The maps whose comparison page lists a changed map besides their own.
        let changedPaths = Set(changes.flatMap(\.sides).map(\.path))
        let comparing = outlines.indices.filter { outlines[$0].compare.contains(where: changedPaths.contains) }.map { outlines[$0] }
        for change in changes {
            let sides = change.sides
            let cards = change.differs(\.overview)
            if cards {
                paths.formUnion([PagePaths.catalogue, PagePaths.dashboard, PagePaths.mapsJSON])
                for map in sides {
                    paths.formUnion(map.summary.tags.map { PagePaths.tag(Slug.forName($0)) })
                    if let segment = map.summary.segment { paths.insert(PagePaths.segment(Slug.forName(segment))) }
                    if let persona = map.summary.personaID { paths.insert(PagePaths.persona(persona) + "/index.html") }
                }
            }
            // A comparison shows cards, and the figures of the maps it draws: a product's, its first maps by rank.
            if cards || change.differs(\.figures) {
                for map in sides {
                    if let product = map.summary.product.map(Slug.forName),
                       cards || drawn(product, outlines: outlines, products: &products, cache: &drawnOf).contains(map.path) {
                        paths.insert(PagePaths.product(product))
                    }
                    paths.insert(PagePaths.comparison(ofMap: map.summary.slug))
                }
                paths.formUnion(comparing.filter { map in sides.contains { map.compare.contains($0.path) } }
                    .map { PagePaths.comparison(ofMap: $0.slug) })
            }
            if sides.contains(where: { !$0.actions.isEmpty }) && change.differs(\.plan) { planChanged = true }
        }
        return (paths, planChanged)
    }

    /// The paths of the maps the product's comparison draws (by its slug): its first maps by rank, as
    /// `comparisonPages` takes them; each product's once. `products` is made when first needed.
    private func drawn(_ product: String, outlines: [MapOutline], products: inout MapProducts?,
                       cache: inout [String: Set<String>]) -> Set<String> {
        if let drawn = cache[product] { return drawn }
        let mapProducts = products ?? MapProducts(outlines)
        products = mapProducts
        // A product no map names now (the change renamed it) draws none.
        let place = mapProducts.slugs.firstIndex(of: product)
        let maps = place.map { place in Self.ranked(outlines.indices.filter { mapProducts.of[$0] == place }) { outlines[$0].order } } ?? []
        let drawn = Set(maps.prefix(Self.comparedLimit).map { outlines[$0].path })
        cache[product] = drawn
        return drawn
    }

    /// Whether every action `plan` names is one of `maps`: a plan recorded from other maps is not theirs.
    private static func names(_ plan: ActionPlan, of maps: [SitePageEntry]) -> Bool {
        plan.entries.allSatisfy { maps.indices.contains($0.map) && maps[$0.map].actions.indices.contains($0.action) }
    }

    /// Of the plan's CSV, the rows of the actions of the maps `showing` picks (by place), now and as the CSV
    /// `written` laid out (the plan as it was; by default, the same) has them; and when the two differ, where each
    /// row of the plan now is in the file. Only the actions of the maps picked move: the others keep their order.
    package func changedPlanRows(_ plan: ActionPlan, now: PlanMaps, were: PlanMaps,
                                 showing: @escaping @Sendable (Int) -> Bool, written: ActionPlan? = nil) -> PlanRows {
        let written = written ?? plan
        let rows = parallelMap([true, false]) { isNow in planRows(isNow ? plan : written, maps: isNow ? now : were, showing: showing) }
        guard written != plan else { return PlanRows(now: rows[0], were: rows[1]) }
        // The actions of the maps not picked, in the order of both plans, are the same: each row's place in the
        // file is its place among them there.
        var rowsThere = written.entries.enumerated().lazy.filter { !showing($0.element.map) }.map { $0.offset + 1 }.makeIterator()
        let moved = [0] + plan.entries.map { showing($0.map) ? -1 : rowsThere.next() ?? -1 }
        return PlanRows(now: rows[0], were: rows[1], moved: moved)
    }

    /// The same, of the maps `changing` names a change of (by place, each map in its place before and after), for
    /// the CSV `written` laid out (the plan as it was; by default, the same): with it, where each row of the plan
    /// now is in the file. Nil when a kind or an owner is named otherwise than there (first written otherwise, by
    /// a changed map): every row of it shows the name.
    private func changedPlanRows(_ plan: ActionPlan, maps: [SitePageEntry], changing byPlace: [MapChange?],
                                 written: ActionPlan? = nil) -> PlanRows? {
        var before: [Int: any PlannedMap] = [:]
        for (place, change) in byPlace.enumerated() { if let was = change?.before { before[place] = was } }
        let (now, were) = (PlanMaps(maps), PlanMaps(some: before))
        let showing = { @Sendable (place: Int) in byPlace[place] != nil }
        let names = { (plan: ActionPlan) in
            (Set(plan.kinds.map(\.kind)), Set(plan.kinds.flatMap { $0.owners.map(\.owner) }))
        }
        if let written, written != plan, names(written) != names(plan) { return nil }
        return changedPlanRows(plan, now: now, were: were, showing: showing, written: written)
    }

    /// Whether every change leaves its map's actions where the plan had them.
    private static func keepsPlanOrder(_ changes: [MapChange]) -> Bool {
        changes.allSatisfy { $0.before != nil && $0.after != nil && $0.differs(\.planOrder) == false }
    }

    /// Of the plan's `pages`, the ones (from 0) on which an action of a changed map (`changed` by the map's place)
    /// shows otherwise than before: a renamed stage's actions, not the map's others, nor actions whose stage's
    /// figures changed in what the plan does not show.
    private func pages(_ pages: [[ActionPlan.PagePart]], of plan: ActionPlan, changing changed: [MapChange?]) -> Set<Int> {
        Set(pages.indices.filter { page in
            var root: String?
            return pages[page].contains { part in
                plan.kinds[part.kind].owners[part.owner].entries[part.entries].contains { entry in
                    guard let change = changed[entry.map], let before = change.before, let after = change.after else { return false }
                    let pageRoot = root ?? context(forPageAt: PagePaths.planPage(page + 1)).root
                    root = pageRoot
                    return planItem(entry, of: before, root: pageRoot) != planItem(entry, of: after, root: pageRoot)
                }
            }
        })
    }

    /// Each map's change by its place among `paths`, nil for a map that did not change: looked up for each of the
    /// plan's 140,000 actions at 10,000 maps, where a path looked up took 6 ms.
    private static func byPlace(_ changes: [MapChange], among paths: [String]) -> [MapChange?] {
        let byPath = Dictionary(changes.map { (($0.after ?? $0.before!).path, $0) }, uniquingKeysWith: { first, _ in first })
        return paths.map { byPath[$0] }
    }

    /// The action plan's pages and the CSV.
    package func planPages(_ index: SiteIndex) -> PlanPages {
        let plan = actionPlan(index)
        return PlanPages(plan: plan, pages: planPages(from: plan, maps: PlanMaps(index.maps)))
    }
}

/// What a page of the plan shows, in numbers and the actions themselves, to tell whether it changed without making
/// it: the maps' titles and stages are those of maps that did not change (`showsChange` says when one did).
private struct PlanPageKey: Equatable {
    struct Part: Equatable {
        let kind: String?
        let kindCount: Int
        let continued: Bool
        let owner: String?
        let start: Int
        let actions: [Action]
    }

    /// An action by its map's entry and its place in it: the maps that did not change are the same entries on
    /// both sides, and an action of one that did is `showsChange`. Copied whole with its figures, the actions of
    /// both sides were most of telling the pages apart (four texts each, counted on both cores).
    struct Action: Equatable {
        let map: ObjectIdentifier
        let action: Int
    }

    let count: Int
    let pages: Int
    /// Each kind's name and the page it begins on: the contents every page shows.
    let contents: [String?]
    let firstPages: [Int: Int]
    let parts: [Part]
    /// An action of a changed map is on the page.
    let showsChange: Bool

    static func keys(_ plan: ActionPlan, maps: [SitePageEntry], size: Int, changed: Set<String>) -> [PlanPageKey] {
        let pages = plan.pages(of: size)
        let firstPages = ActionPlan.firstPages(pages), counts = plan.kindCounts, kinds = plan.kinds.map(\.kind)
        return pages.enumerated().map { number, parts in
            var showsChange = false
            let parts = parts.map { part in
                let group = plan.kinds[part.kind], owners = group.owners[part.owner]
                return Part(kind: group.kind, kindCount: counts[part.kind], continued: part.continued,
                            owner: owners.owner, start: part.entries.lowerBound,
                            actions: owners.entries[part.entries].map { entry in
                    let map = maps[entry.map]
                    if changed.contains(map.path) { showsChange = true }
                    return Action(map: ObjectIdentifier(map), action: entry.action)
                })
            }
            return PlanPageKey(count: plan.count, pages: pages.count, contents: kinds, firstPages: firstPages,
                               parts: parts, showsChange: showsChange)
        }
    }
}

/// Each map's product, by its place among the products' slugs: 10,000 maps name a dozen products, each name's slug
/// made once and each map's told by a number.
private struct MapProducts {
    /// Each product's slug, once.
    let slugs: [String]
    /// Each map's product (a place in `slugs`), by the map's place; nil for a map without one.
    let of: [Int?]

    /// The slugs of the products with two or more maps, which have comparisons (`SiteIndex.compared`).
    var compared: Set<String> {
        var counts = [Int](repeating: 0, count: slugs.count)
        for case let product? in of { counts[product] += 1 }
        return Set(slugs.indices.filter { counts[$0] > 1 }.map { slugs[$0] })
    }

    init(_ outlines: [MapOutline]) {
        var places: [String: Int] = [:]
        var slugs: [String] = []
        of = outlines.map { outline in
            outline.product.map { name in
                if let place = places[name] { return place }
                let slug = Slug.forName(name)
                // Two names with one slug are one product, as the comparison pages take them.
                let place = slugs.firstIndex(of: slug) ?? slugs.count
                if place == slugs.count { slugs.append(slug) }
                places[name] = place
                return place
            }
        }
        self.slugs = slugs
    }
}
