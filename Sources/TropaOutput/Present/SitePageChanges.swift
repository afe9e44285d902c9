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
    package static func between(_ before: [SitePageEntry], _ after: [SitePageEntry]) -> [MapChange] {
        let earlier = Dictionary(before.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let now = Dictionary(after.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return Set(earlier.keys).union(now.keys).sorted().compactMap { path in
            earlier[path] == now[path] ? nil : MapChange(before: earlier[path], after: now[path])
        }
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
        let actions: [PlanAction]
    }

    fileprivate var plan: Plan { Plan(title: summary.title, slug: summary.slug, figures: figures, actions: actions) }
}

extension SitePresenter {
    /// The site pages that show something of `changes`, by their paths: what a rebuild makes again when nothing but
    /// these maps changed (`index` is every built map now). A page shows a part of each map it lists, so a change
    /// elsewhere leaves it as it was: a renamed stage reaches the plan and the product's comparison, not the
    /// catalogue, the tag and segment pages, the dashboard or `maps.json`. A page a change takes away (a tag no map
    /// has now) is among the paths too; it is not made again. The sitemap is not: it lists every page.
    package func pagesShowing(_ changes: [MapChange], in index: SiteIndex) -> Set<String> {
        var paths: Set<String> = []
        // The maps whose comparison page lists a changed map besides their own.
        let changedPaths = Set(changes.flatMap(\.sides).map(\.path))
        let comparing = index.maps.filter { map in map.summary.compare.contains(where: changedPaths.contains) }
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
            // A comparison shows cards and figures.
            if cards || change.differs(\.figures) {
                for map in sides {
                    if let product = map.summary.product { paths.insert(PagePaths.product(Slug.forName(product))) }
                    paths.insert(PagePaths.comparison(ofMap: map.summary.slug))
                }
                paths.formUnion(comparing.filter { map in sides.contains { map.summary.compare.contains($0.path) } }
                    .map { PagePaths.comparison(ofMap: $0.summary.slug) })
            }
            if sides.contains(where: { !$0.actions.isEmpty }) && change.differs(\.plan) {
                paths.formUnion([PagePaths.plan, PagePaths.planCSV])
            }
        }
        return paths
    }
}
