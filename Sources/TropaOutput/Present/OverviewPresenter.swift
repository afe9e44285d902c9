import TropaModel
import TropaAnalysis

/// The built maps as the site pages see them, and which products have a comparison page.
package struct SiteIndex: Sendable {
    package let maps: [SitePageEntry]
    /// Products with two or more maps.
    package let compared: Set<String>

    package init(_ maps: [SitePageEntry]) {
        self.init(maps, products: maps.map(\.summary.product))
    }

    /// Some of the maps, with the products that have comparisons, told from all.
    package init(_ maps: [SitePageEntry], compared: Set<String>) {
        (self.maps, self.compared) = (maps, compared)
    }

    private init(_ maps: [SitePageEntry], products: [String?]) {
        self.maps = maps
        // Counted by name, each name's slug made once: 10,000 maps name a dozen products, and a slug each was 3 ms
        // of a rebuild of one map.
        var names: [String: Int] = [:]
        for case let name? in products { names[name, default: 0] += 1 }
        var slugs: [String: Int] = [:]
        for (name, count) in names { slugs[Slug.forName(name), default: 0] += count }
        compared = Set(slugs.filter { $0.value > 1 }.keys)
    }

    /// The product's comparison page, when it has one.
    package func comparisonPage(ofProduct name: String) -> String? {
        compared.contains(Slug.forName(name)) ? PagePaths.product(Slug.forName(name)) : nil
    }
}

extension SitePresenter {
    /// How many maps one comparison draws: as many as there are line styles to tell them apart without colour.
    package static var comparedLimit: Int { EmotionCurveSVG.dashes.count }

    /// The catalogue: links to the site's overviews, the product × segment matrix, and a card per map grouped by
    /// product and segment.
    package func cataloguePage(_ index: SiteIndex) -> CataloguePageModel {
        let page = context(forPageAt: PagePaths.catalogue)
        let catalogue = Catalogue(journeys: index.maps.map(\.summary))
        let bySlug = Dictionary(index.maps.map { ($0.summary.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let products = catalogue.products.map { product in
            // One grid per product, segment by segment: each card names its segment.
            let listed = product.segments.flatMap { segment in segment.journeys.compactMap { bySlug[$0.slug] } }
            return ProductModel(name: product.name ?? words["noProduct"], url: product.name.flatMap(index.comparisonPage),
                                maps: CardList(count: listed.count) { place in
                card(listed[place], root: page.root, context: cardContext(of: listed[place], showing: .catalogueCard))
            })
        }
        let personas = site.personas.sortedByTitle(\.name, slug: \.id).map {
            Link(title: $0.name, url: PagePaths.persona($0.id) + "/index.html")
        }
        return CataloguePageModel(page: page, title: siteTitle, mapCount: index.maps.count, products: products,
                                  personas: personas, matrix: matrix(index, root: page.root),
                                  tags: links(index.maps.flatMap(\.summary.tags), path: PagePaths.tag),
                                  segments: links(index.maps.compactMap(\.summary.segment), path: PagePaths.segment),
                                  hasActions: index.maps.contains { !$0.actions.isEmpty })
    }

    /// What a map's card names besides it on a page that shows it as `part`: the catalogue, which groups its cards
    /// by product, the map's segment; the other pages "Вольта · Семьи"; nil for a map with neither.
    package func cardContext(of map: SitePageEntry, showing part: ShownPart) -> String? {
        let parts = [part == .catalogueCard ? nil : map.summary.product, map.summary.segment].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// A link per page of `names`: names that share a page are one link, titled by all of them.
    private func links(_ names: [String], path: (String) -> String) -> [Link] {
        Self.pages(names).map { Link(title: $0.title, url: path($0.slug)) }
    }

    /// The pages of some names: one per slug, titled by its names (`B2B / b2b`), in the order of their titles.
    private static func pages(_ names: [String]) -> [(slug: String, title: String)] {
        Dictionary(grouping: Set(names), by: Slug.forName).map { slug, names in
            (slug, names.sorted().joined(separator: " / "))
        }.sortedByTitle(\.title, slug: \.slug)
    }

    /// A map as a card: its reach, weakest stage, average NPS, updated date and stage count, tags as links.
    /// `context` says where it belongs, as the page needs: its segment, or its product and segment.
    package func card(_ map: SitePageEntry, root: String, context: String?) -> MapCardModel {
        let summary = map.summary, headline = map.headline
        let curve = map.curve.first.map { series in
            // A sparkline names no stage: only the number of columns matters.
            CurveModel(title: summary.title, stageNames: [], stageCount: summary.stageCount, series: series,
                       scale: site.schema.scale, lines: map.paths.map { CurveLine(stages: $0, label: "") })
        }
        let label = words["emotionCurve"] + ": " + summary.title
        let keeps = keepsSparklines
        let sparkline: (@Sendable () -> String)? = curve.map { curve in
            { @Sendable in keeps ? map.sparkline(scale: curve.scale, label: label) { curve.sparkline(label: label) } : curve.sparkline(label: label) }
        }
        return MapCardModel(
            title: summary.title, url: root + PagePaths.journeyFolder(summary.slug) + "/index.html",
            persona: site.persona(id: summary.personaID)?.name, context: context,
            stages: words.stageCount(summary.stageCount),
            tags: summary.tags.map { Link(title: $0, url: root + PagePaths.tag(Slug.forName($0))) },
            draft: summary.draft,
            reach: reach(headline),
            weakestStage: headline.weakestStage.map { stage in
                // A comma, not brackets: a branch's stage is named with its branch in brackets already.
                stage + (headline.weakestConversion.map { ", " + figure($0) } ?? "")
            },
            weakestStageName: headline.weakestStage,
            weakestConversion: headline.weakestStage == nil ? nil : headline.weakestConversion.map(figure),
            averageNPS: headline.averageNPS.map { format.score(Self.tenth($0)) },
            updated: summary.updated.map(words.date), updatedISO: summary.updated, priority: summary.priority.map { words["priority." + $0.rawValue] },
            curve: curve, sparklineLabel: label,
            sparkline: sparkline,
            words: words)
    }

    /// Products as rows, segments as columns; at most three maps to a cell, the rest on the product's page.
    private func matrix(_ index: SiteIndex, root: String) -> MatrixModel? {
        let summaries = index.maps.map(\.summary)
        guard summaries.contains(where: { $0.product != nil || $0.segment != nil }) else { return nil }
        let matrix = SegmentMatrix(summaries)
        let shown = 3
        return MatrixModel(
            segments: matrix.segments.map { segment in
                MatrixSegmentModel(name: segment.name ?? words["noSegment"], url: segment.slug.map { root + PagePaths.segment($0) })
            },
            rows: matrix.rows.map { row in
                let url = row.product.name.flatMap(index.comparisonPage).map { root + $0 }
                return MatrixRowModel(
                    product: row.product.name ?? words["noProduct"], url: url,
                    rank: [row.rank.priority.map { words["priority." + $0.rawValue] },
                           row.rank.revenue.map { words["revenue"] + " " + format.number($0) }].compactMap { $0 }.joined(separator: ", "),
                    cells: row.cells.map { cell in
                        MatrixCellModel(maps: cell.prefix(shown).map { position in
                            let map = index.maps[position]
                            return MatrixMapModel(title: map.summary.title,
                                                  url: root + PagePaths.journeyFolder(map.summary.slug) + "/index.html",
                                                  reach: reach(map.headline), weakestStage: map.headline.weakestStage)
                        }, more: cell.count > shown ? words.more(cell.count - shown) : nil, moreURL: url)
                    })
            })
    }

    // MARK: - comparisons

    /// A comparison page for each product with two or more maps, and for each map that names others in `compare`;
    /// of them, the ones whose paths are `wanted`. Each page's model is made when it is called, as a page is
    /// rendered: a site's list and comparison pages show every map's card, several times over.
    package func comparisonPages(_ index: SiteIndex, wanted: (String) -> Bool = { _ in true })
        -> [(path: String, model: @Sendable () -> ComparisonPageModel)] {
        let byPath = Dictionary(index.maps.map { ($0.summary.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var pages: [(path: String, model: @Sendable () -> ComparisonPageModel)] = []
        let byProduct = Dictionary(grouping: index.maps.filter { $0.summary.product.flatMap(index.comparisonPage) != nil },
                                   by: { Slug.forName($0.summary.product!) })
        for slug in byProduct.keys.sorted() where wanted(PagePaths.product(slug)) {
            let path = PagePaths.product(slug)
            let maps = Self.ranked(byProduct[slug]!) { PairRank.MapOrder($0.summary) }
            let name = Self.pages(maps.compactMap(\.summary.product))[0].title
            pages.append((path, { comparison(of: maps, title: words["comparison"] + ": " + name, path: path) }))
        }
        // A map's `compare` names files; the record keeps their paths, and each map its slug.
        let slugOfPath = Dictionary(index.maps.map { ($0.path, $0.summary.slug) }, uniquingKeysWith: { first, _ in first })
        for map in index.maps where !map.summary.compare.isEmpty && wanted(PagePaths.comparison(ofMap: map.summary.slug)) {
            var seen: Set<String> = [map.summary.slug]
            let others = map.summary.compare.compactMap { slugOfPath[$0] }.filter { seen.insert($0).inserted }.compactMap { byPath[$0] }
            // A draft left out of the build has no figures here: the page says which maps it could not draw.
            let unbuilt = map.summary.compare.filter { slugOfPath[$0] == nil }.map {
                MapReference.name(of: $0, inContent: site.config.contentPath)
            }
            let path = PagePaths.comparison(ofMap: map.summary.slug)
            pages.append((path, {
                var model = comparison(of: [map] + others, title: words["comparison"] + ": " + map.summary.title,
                                       path: path)
                if !unbuilt.isEmpty { model.omitted = [model.omitted, words.notBuilt(unbuilt)].compactMap { $0 }.joined(separator: " ") }
                return model
            }))
        }
        return pages
    }

    /// Maps in the order of the matrix's cells: priority, revenue, then title. The order a product's comparison
    /// draws them in, which a rebuild also tells from the record's outlines (`drawn`).
    static func ranked<Map>(_ maps: [Map], by order: (Map) -> PairRank.MapOrder) -> [Map] {
        maps.map { (order($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// How many get through, or at most how many when a stage without a conversion breaks the chain.
    private func reach(_ headline: MapHeadline) -> String? {
        headline.finalReach.map(format.percent) ?? headline.reachBound.map { words.atMost(format.percent($0)) }
    }

    private func comparison(of all: [SitePageEntry], title: String, path: String) -> ComparisonPageModel {
        let page = context(forPageAt: path)
        let maps = Array(all.prefix(Self.comparedLimit))
        let alignment = StageAlignment(maps.map(\.stages))
        let labels = lineLabels(maps)
        let lines = maps.indices.map { position in
            let map = maps[position]
            // Where each of the map's stages stands, and the stages that follow each other along its paths.
            var column = [Int](repeating: 0, count: map.stages.count)
            for (index, stage) in alignment.stageAt[position].enumerated() { if let stage { column[stage] = index } }
            let paths = map.paths.isEmpty ? [Array(map.stages.indices)] : map.paths
            let at = alignment.stageAt[position]
            let steps = Set(paths.flatMap { path in
                zip(path, path.dropFirst()).map { from, to in
                    // A gap is a column between the two where this map has no stage; its own other branch is none.
                    let (a, b) = (min(column[from], column[to]), max(column[from], column[to]))
                    return ComparisonLine.Step(from: column[from], to: column[to], acrossGap: (a + 1..<b).contains { at[$0] == nil })
                }
            })
            return ComparisonLine(label: labels[position], scores: alignment.stageAt[position].map { stage in
                stage.flatMap { map.stageEmotions[$0] }
            }, steps: steps.sorted { ($0.from, $0.to) < ($1.from, $1.to) })
        }
        let columns = alignment.columns.map(\.name)
        let chart = lines.contains { $0.scores.contains { $0 != nil } }
            ? ComparisonChartModel(title: title, columns: columns, lines: lines, scale: site.schema.scale) : nil
        let lowest = maps.map(\.headline.weakestStageIndex)
        let rows = alignment.columns.indices.map { column in
            ComparisonRowModel(stage: columns[column], cells: maps.indices.map { position in
                guard let stage = alignment.stageAt[position][column] else {
                    return ComparisonCellModel(present: false, hasFigures: false, conversion: nil, nps: nil, duration: nil, lowest: false)
                }
                let figures = maps[position].stages[stage].figures
                return ComparisonCellModel(present: true, hasFigures: figures.conversion != nil || figures.nps != nil || figures.duration != nil,
                                           conversion: figures.conversion.map(figure),
                                           nps: figures.nps.map(figure), duration: figures.duration.map(figure),
                                           lowest: lowest[position] == stage)
            })
        }
        return ComparisonPageModel(
            page: page, title: title,
            maps: maps.map { Link(title: $0.summary.title, url: page.root + PagePaths.journeyFolder($0.summary.slug) + "/index.html") },
            labels: labels, chart: chart, rows: rows,
            omitted: all.count > maps.count ? words.compared(maps.count, of: all.count) : nil,
            cards: CardList(count: all.count) { place in
                card(all[place], root: page.root, context: cardContext(of: all[place], showing: .card))
            })
    }

    /// Each map's line by its segment and persona; by its title when that does not tell the maps apart (a map and
    /// its own earlier version).
    private func lineLabels(_ maps: [SitePageEntry]) -> [String] {
        let labels = maps.map { map in
            [map.summary.segment, site.persona(id: map.summary.personaID)?.name].compactMap { $0 }.joined(separator: " · ")
        }
        guard labels.contains(where: \.isEmpty) || Set(labels).count < labels.count else { return labels }
        let titles = maps.map(\.summary.title)
        return Set(titles).count == titles.count ? titles : zip(titles, maps).map { "\($0) (\($1.summary.slug))" }
    }

    // MARK: - tags and segments

    /// A page per tag whose path is `wanted`, its model made when it is called.
    package func tagPages(_ index: SiteIndex, wanted: (String) -> Bool = { _ in true })
        -> [(path: String, model: @Sendable () -> MapListPageModel)] {
        listPages(index, kind: words["tag"], path: PagePaths.tag, wanted: wanted) { $0.summary.tags }
    }

    /// A page per segment whose path is `wanted`, its model made when it is called.
    package func segmentPages(_ index: SiteIndex, wanted: (String) -> Bool = { _ in true })
        -> [(path: String, model: @Sendable () -> MapListPageModel)] {
        listPages(index, kind: words["segment"], path: PagePaths.segment, wanted: wanted) { $0.summary.segment.map { [$0] } ?? [] }
    }

    private func listPages(_ index: SiteIndex, kind: String, path: (String) -> String, wanted: (String) -> Bool,
                           of names: (SitePageEntry) -> [String]) -> [(path: String, model: @Sendable () -> MapListPageModel)] {
        var maps: [String: [SitePageEntry]] = [:]
        for map in index.maps {
            for slug in Set(names(map).map(Slug.forName)) { maps[slug, default: []].append(map) }
        }
        return Self.pages(index.maps.flatMap(names)).filter { wanted(path($0.slug)) }.map { slug, title in
            let file = path(slug), listed = maps[slug]!
            return (file, {
                let page = context(forPageAt: file)
                let sorted = listed.sortedByTitle(\.summary.title, slug: \.summary.slug)
                return MapListPageModel(page: page, title: title, kind: kind, cards: CardList(count: sorted.count) { place in
                    card(sorted[place], root: page.root, context: cardContext(of: sorted[place], showing: .card))
                })
            })
        }
    }

    // MARK: - the action plan

    /// Every action of every map, by kind and owner, the most painful stages' first: made once for the plan's
    /// pages and its CSV.
    package func actionPlan(_ index: SiteIndex) -> ActionPlan {
        ActionPlan(index.maps, kindOrder: site.schema.layers.flatMap(\.kinds))
    }

    /// The plan's pages of `plan_page_size` actions each, by their paths, the ones of `numbers` (from 0; all
    /// without): a kind or an owner that does not fit goes on over the next page, where its heading says so and
    /// its list goes on numbering. Each page's model is made when it is called: the 700 pages of a 10,000-map
    /// site's plan were 30 MB of models held at once.
    package func planPages(from plan: ActionPlan, maps: PlanMaps, numbers: Set<Int>? = nil)
        -> [(path: String, model: @Sendable () -> PlanPageModel)] {
        let pages = plan.pages(of: site.config.planPageSize)
        let layout = PlanLayout(plan: plan, maps: maps, pages: pages, count: words.actionCount(plan.count),
                                kindCounts: plan.kindCounts.map(words.actionCount),
                                kindNames: plan.kinds.map { $0.kind ?? words["noKind"] },
                                firstPage: ActionPlan.firstPages(pages))
        return pages.indices.filter { numbers?.contains($0) ?? true }.map { number in
            (PagePaths.planPage(number + 1), { planPage(number, of: layout) })
        }
    }

    /// The plan cut into pages, with what every page's headings and contents share: made once for all its pages.
    private struct PlanLayout: Sendable {
        let plan: ActionPlan
        let maps: PlanMaps
        let pages: [[ActionPlan.PagePart]]
        let count: String
        let kindCounts: [String]
        let kindNames: [String]
        /// Each kind's first page.
        let firstPage: [Int: Int]
    }

    /// Page `number` (from 0) of the plan as `layout` cuts it.
    private func planPage(_ number: Int, of layout: PlanLayout) -> PlanPageModel {
        let path = PagePaths.planPage(number + 1)
        let page = context(forPageAt: path)
        var kinds: [PlanKindModel] = []
        for part in layout.pages[number] {
            let group = layout.plan.kinds[part.kind], owners = group.owners[part.owner]
            let owner = PlanOwnerModel(
                name: owners.owner.map { "@" + $0 } ?? words["noOwner"], words: words,
                items: owners.entries[part.entries].map { planItem($0, of: layout.maps[$0.map], root: page.root) },
                start: part.entries.lowerBound > 0 ? String(part.entries.lowerBound + 1) : nil)
            if let last = kinds.last, last.anchor == Self.kindAnchor(part.kind) {
                kinds[kinds.count - 1] = PlanKindModel(name: last.name, count: last.count, owners: last.owners + [owner],
                                                       anchor: last.anchor, continued: last.continued)
            } else {
                kinds.append(PlanKindModel(name: layout.kindNames[part.kind], count: layout.kindCounts[part.kind], owners: [owner],
                                           anchor: Self.kindAnchor(part.kind), continued: part.continued))
            }
        }
        let paged = layout.pages.count > 1
        let contents = !paged ? [] : layout.kindNames.indices.map { kind in
            Link(title: layout.kindNames[kind], url: page.root + PagePaths.planPage(layout.firstPage[kind]! + 1) + "#" + Self.kindAnchor(kind))
        }
        return PlanPageModel(page: page, title: words["plan"], count: layout.count, csvURL: page.root + PagePaths.planCSV,
                             kinds: kinds, pager: paged ? pager(number, of: layout.pages.count, root: page.root) : nil,
                             contents: contents)
    }

    /// An action as a plan's page lists it, the page's root being `root`.
    func planItem(_ entry: ActionPlan.Entry, of map: some PlannedMap, root: String) -> PlanItemModel {
        let stage = map.actions.stage(at: entry.action)
        // The action's links lead from its map's page; here, from the plan's.
        return PlanItemModel(html: Markup.rebasingLinks(map.actions.html(at: entry.action), from: PagePaths.journeyFolder(map.slug), to: root),
                             map: map.title,
                             url: Self.stageURL(root: root, slug: map.slug, anchor: map.stageAnchors[stage]),
                             stage: map.stages[stage].displayName,
                             conversion: map.stages[stage].figures.conversion.map(figure),
                             emotion: map.stageEmotions[stage].map { format.score(Self.tenth($0)) })
    }

    /// A stage's column on its map's page, from a page whose `root` leads to the site's.
    package static func stageURL(root: String, slug: String, anchor: String) -> String {
        root + PagePaths.journeyFolder(slug) + "/index.html#" + anchor
    }

    private static func kindAnchor(_ kind: Int) -> String { "kind-\(kind + 1)" }

    /// The links of the plan's page `index` (from 0) of `count`: the first and last pages, and two each side of
    /// this one; a gap of one page shows its number rather than "…".
    private func pager(_ index: Int, of count: Int, root: String) -> PagerModel {
        let url = { (index: Int) in root + PagePaths.planPage(index + 1) }
        let shown = (0..<count).filter { page in
            page == 0 || page == count - 1 || abs(page - index) <= 2
                || (page == 1 && index == 4) || (page == count - 2 && index == count - 5)
        }
        var numbers: [PagerModel.Number] = []
        var last: Int?
        for shown in shown {
            if let last, shown > last + 1 { numbers.append(PagerModel.Number(number: "…", url: nil, current: false)) }
            numbers.append(PagerModel.Number(number: String(shown + 1), url: shown == index ? nil : url(shown),
                                             current: shown == index))
            last = shown
        }
        return PagerModel(label: words["planPages"], summary: words.pageOf(index + 1, count),
                          previous: index > 0 ? Link(title: words["previousPage"], url: url(index - 1)) : nil,
                          next: index < count - 1 ? Link(title: words["nextPage"], url: url(index + 1)) : nil,
                          numbers: numbers)
    }

    /// The plan as rows for a spreadsheet: plain text, figures as numbers a spreadsheet sorts (the conversion in
    /// percent, the emotion on the scale, in the site's decimal mark), and each stage's address: absolute with
    /// `base_url`, else relative to the site. The header, then the rows in runs of a few thousand, each made when
    /// it is called (on every core, and let go once written).
    package func planRows(_ plan: ActionPlan, maps: [SitePageEntry]) -> (header: [String], runs: [@Sendable () -> [[String]]]) {
        // Each map's address once, not once per action.
        let addresses = parallelMap(maps) { map in map.actions.isEmpty ? "" : planAddress(of: map) }
        var runs: [@Sendable () -> [[String]]] = []
        for group in plan.kinds {
            for owners in group.owners {
                for start in stride(from: 0, to: owners.entries.count, by: 4096) {
                    let run = start..<min(owners.entries.count, start + 4096)
                    runs.append {
                        owners.entries[run].map { entry in
                            planRow(entry, of: group, owners, map: maps[entry.map], address: addresses[entry.map])
                        }
                    }
                }
            }
        }
        return (["kind", "owner", "action", "map", "stage", "conversionPercent", "emotion", "url"].map { words[$0] }, runs)
    }

    /// The rows of the plan's CSV that show an action of the maps `showing` picks, by their place in the file (the
    /// header is row 0): what an update writes again of it when no action moved.
    package func planRows(_ plan: ActionPlan, maps: PlanMaps, showing: (Int) -> Bool) -> [Int: [String]] {
        var rows: [Int: [String]] = [:]
        var row = 1
        for group in plan.kinds {
            for owners in group.owners {
                for entry in owners.entries {
                    if showing(entry.map) {
                        let map = maps[entry.map]
                        rows[row] = planRow(entry, of: group, owners, map: map, address: planAddress(of: map))
                    }
                    row += 1
                }
            }
        }
        return rows
    }

    private func planRow(_ entry: ActionPlan.Entry, of group: ActionPlan.KindGroup, _ owners: ActionPlan.OwnerGroup,
                         map: some PlannedMap, address: String) -> [String] {
        let stage = map.actions.stage(at: entry.action)
        return [group.kind ?? "", owners.owner ?? "", map.actions.plain(at: entry.action), map.title,
                map.stages[stage].displayName,
                map.stages[stage].figures.conversion.map { spreadsheetNumber($0.value) } ?? "",
                map.stageEmotions[stage].map { spreadsheetNumber(Self.tenth($0)) } ?? "",
                address + "#" + map.stageAnchors[stage]]
    }

    private func planAddress(of map: some PlannedMap) -> String {
        let page = PagePaths.journeyFolder(map.slug) + "/index.html"
        return site.config.baseURL.map { PagePaths.address(of: page, under: $0) } ?? page
    }

    /// `-0,5` (Russian) or `-0.5`: a plain number, ASCII minus, no grouping, which a spreadsheet reads as one.
    private func spreadsheetNumber(_ value: Double) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String((value * 10).rounded() / 10)
        return site.config.language == .ru ? String(text.map { $0 == "." ? "," : $0 }) : text
    }
}
