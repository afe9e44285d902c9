import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAnalysis
@testable import TropaOutput
@testable import TropaBuild
import TropaTesting

/// Which site pages a change shows on, told from every map's entry or, when it moves no action and shows on no
/// card, from the maps' outlines and the plan as laid out before.
@Suite struct SitePageChangesTests {
    /// The segments fixture, its plan a page per action, and the facts of its maps.
    private static func site() throws -> (presenter: SitePresenter, facts: [JourneyFacts]) {
        var site = try #require(try SiteChecker(fileSystem: try RenderFixtures.memory("segments")).check(root: RenderBuild.root).site)
        site.config.planPageSize = 1
        let analysis = JourneyAnalysis(schema: site.schema, contentPath: site.config.contentPath)
        return (SitePresenter(site: site), site.journeys.map(analysis.facts))
    }

    /// The pages told both ways, with the maps the narrow way names; `change` makes the map at `path` anew.
    /// `recorded` is the plan the last build laid out, as the whole way is given it (none without).
    private static func selections(_ path: String, recorded: (ActionPlan) -> ActionPlan? = { _ in nil },
                                   _ change: (inout JourneyFacts) -> Void)
        throws -> (whole: SitePageSelection, narrow: NarrowSelection?, index: SiteIndex) {
        let (presenter, facts) = try site()
        let before = facts.map { SitePageEntry($0, built: true) }
        let place = try #require(facts.firstIndex { $0.path == path })
        var changed = facts[place]
        change(&changed)
        var after = before
        after[place] = SitePageEntry(changed, built: true)
        let index = SiteIndex(after)
        let changes = [MapChange(before: before[place], after: after[place])]
        let plan = presenter.actionPlan(SiteIndex(before))
        let whole = presenter.pagesShowing(changes, in: index, earlierPlan: recorded(plan)) { before }
        return (whole, presenter.pagesShowing(changes, outlines: after.map(\.outline), plan: plan, planned: { after[$0] }), index)
    }

    /// Two entries are equal when every stored property is: `==` names each one but the sparkline drawn of them
    /// (kept, not compared), and a map changed in any of them (here its title, a stage's name, whether it is
    /// built) differs. Walked side by side, the entries of two
    /// runs give only the maps added, gone or changed, in path order.
    @Test func entriesAreComparedByEveryPropertyAndWalkedInPathOrder() throws {
        let (_, facts) = try Self.site()
        let entry = SitePageEntry(facts[0], built: true)
        #expect(Mirror(reflecting: entry).children.map(\.label) == ["path", "summary", "stages", "stageEmotions", "actions",
                                                                   "stageAnchors", "curve", "paths", "headline", "built",
                                                                   "drawnSparkline"])
        #expect(entry == SitePageEntry(facts[0], built: true))
        #expect(entry != SitePageEntry(facts[0], built: false))
        var renamed = facts[0]
        renamed.summary.title += " 2"
        #expect(entry != SitePageEntry(renamed, built: true))
        var restaged = facts[0]
        restaged.stages[0].name += " 2"
        #expect(entry != SitePageEntry(restaged, built: true))

        let sorted = facts.sorted { $0.path.utf8Precedes($1.path) }
        let before = sorted.map { SitePageEntry($0, built: true) }
        var retitled = sorted[1]
        retitled.summary.title += " 2"
        let after = [SitePageEntry(retitled, built: true)] + before.dropFirst(2)
        let changes = MapChange.between(before, after).map { [$0.before?.path, $0.after?.path] }
        let gone: [String?] = [sorted[0].path, nil], changed: [String?] = [sorted[1].path, sorted[1].path]
        #expect(changes == [gone, changed].sorted { ($0[1] ?? $0[0]!) < ($1[1] ?? $1[0]!) })
        #expect(MapChange.between(before, before).isEmpty)
    }

    /// A row added to a map's measurements moves its review on, which no card shows and nothing sorts by: the change
    /// is printed in place (its dashboard row and `maps.json` entry), as an NPS edited is; a new title is not.
    @Test func aNewReviewShowsInPlace() throws {
        let (_, facts) = try Self.site()
        let before = SitePageEntry(facts[0], built: true)
        var measured = facts[0]
        measured.summary.review = ReviewDates(every: .months(1), last: "2026-11-02", next: "2026-12-02")
        #expect(SitePresenter.showInPlace([MapChange(before: before, after: SitePageEntry(measured, built: true))]))
        #expect(!SitePresenter.showOnNoCard([MapChange(before: before, after: SitePageEntry(measured, built: true))]),
                "the dashboard's row shows it")
        measured.summary.title += " 2"
        #expect(!SitePresenter.showInPlace([MapChange(before: before, after: SitePageEntry(measured, built: true))]))
    }

    /// A renamed stage: the narrow way finds the pages the whole way does, and names every map they show: the
    /// product's (its comparison ranks them all) and the ones `compare` names to read whole, and those on the
    /// plan's pages to read for the plan.
    @Test func aRenamedStageIsToldFromTheOutlinesAndThePlan() throws {
        let (whole, narrow, index) = try Self.selections("content/volta/semya.md") { $0.stages[0].name = "Первый взгляд" }
        let selection = try #require(narrow)
        #expect(selection.pages == whole.paths)
        #expect(selection.pages.isSuperset(of: ["products/volta/index.html", "compare/volta/semya-to-be/index.html", "plan/plan.csv"]))
        let volta = Set(index.maps.indices.filter { index.maps[$0].summary.product == "Вольта" })
        #expect(selection.maps.isSuperset(of: volta))
        let plan = try #require(whole.plan)
        let pages = plan.plan.pages(of: 1)
        #expect(Set(selection.planPages.map { PagePaths.planPage($0 + 1) }) == Set(plan.pages.map(\.path)))
        let onPages = Set(selection.planPages.flatMap { pages[$0] }.flatMap { part in
            plan.plan.kinds[part.kind].owners[part.owner].entries[part.entries].map(\.map)
        })
        // The maps read whole are the product's, which its comparison shows, and not those of the plan's pages.
        #expect(!onPages.isEmpty && selection.maps == volta)
    }

    /// Of the plan's pages, a renamed stage remakes those of its own actions: the map's actions on its other
    /// stages show as they did, both ways of telling.
    @Test func aRenamedStageRemakesThePlanPagesOfItsOwnActionsOnly() throws {
        let path = "content/volta/semya.md"
        let (whole, narrow, index) = try Self.selections(path) { $0.stages[0].name = "Первый взгляд" }
        let plan = try #require(whole.plan)
        let place = try #require(index.maps.firstIndex { $0.path == path })
        // A page per action: the stage of the map's action on each page that holds one.
        var stageOnPage: [Int: Int] = [:]
        for (number, parts) in plan.plan.pages(of: 1).enumerated() {
            for part in parts {
                for entry in plan.plan.kinds[part.kind].owners[part.owner].entries[part.entries] where entry.map == place {
                    stageOnPage[number] = index.maps[place].actions[entry.action].stage
                }
            }
        }
        #expect(Set(stageOnPage.values) == [0, 1, 2])
        let renamed = Set(stageOnPage.filter { $0.value == 0 }.keys)
        #expect(!renamed.isEmpty)
        #expect(try #require(narrow).planPages == renamed)
        #expect(Set(plan.pages.map(\.path)) == Set(renamed.map { PagePaths.planPage($0 + 1) }))
    }

    /// A change a card shows (the title) or one that moves an action (to another kind) needs every map; an
    /// action's text alone does not.
    @Test func aCardOrAMovedActionNeedsEveryMap() throws {
        #expect(try Self.selections("content/volta/semya.md") { $0.summary.title = "Другое" }.narrow == nil)
        #expect(try Self.selections("content/volta/semya.md") { $0.actions[0].kind = "Новый вид" }.narrow == nil)
        let text = try Self.selections("content/volta/semya.md") { $0.actions[0].text = RichText(html: "Иначе", plain: "Иначе") }
        #expect(try #require(text.narrow).pages == text.whole.paths)
    }

    /// A figure a card shows that moves the map on no page (an NPS) is told from the outlines too: the pages of
    /// every map that show it are patched, not made, the persona page (summaries only) is neither, and the rest are
    /// the whole way's. What moves it (what gets through, by which the dashboard sorts), or what its summary holds,
    /// needs every map.
    @Test func aFigureACardShowsInPlaceIsPatchedIntoThePagesOfEveryMap() throws {
        let path = "content/volta/ofis.md"
        let nps = try Self.selections(path) { $0.stages[0].figures.nps?.value = 60 }
        let narrow = try #require(nps.narrow)
        #expect(narrow.patched == ["index.html": .catalogueCard, "dashboard/index.html": .dashboardRow,
                                   "maps.json": .mapsJSONEntry, "tags/b2b/index.html": .card, "segments/ofisy/index.html": .card])
        #expect(narrow.pages.isDisjoint(with: narrow.patched.keys) && !narrow.pages.contains { $0.hasPrefix("personas/") })
        #expect(narrow.pages.union(narrow.patched.keys) == (nps.whole.paths ?? []).filter { !$0.hasPrefix("personas/") })
        #expect(narrow.changed.count == 1)

        #expect(try Self.selections(path) { $0.summary.segment = "Другие" }.narrow == nil)
    }

    /// A stage's score that moves the map's action in the plan (its stage is the most painful now): the narrow way
    /// places it again in the plan as the last build laid it out, and gets the plan laid out anew from every map,
    /// the pages it moved on to make, and the changed map's rows of the CSV, the others' moved in the file. A
    /// conversion that moves no action leaves the plan as it was; an action's kind changed is not a move by
    /// figures alone: it needs every map.
    @Test func actionsMovedByAFigureArePlacedAgainInThePlanAsItWas() throws {
        // Its two actions of one kind and owner, on its first stage (0) and second (2, now -2).
        let path = "content/volta/pensionery.md"
        let painful: (inout JourneyFacts) -> Void = { facts in
            for series in facts.emotions.indices {
                for point in facts.emotions[series].points.indices where facts.emotions[series].points[point].stage == 1 {
                    facts.emotions[series].points[point].score = -2
                }
            }
        }
        let (whole, narrow, index) = try Self.selections(path, painful)
        let selection = try #require(narrow)
        let laidOut = try #require(selection.laidOut)
        let plan = try #require(whole.plan?.plan)
        #expect(laidOut == plan)
        let (presenter, facts) = try Self.site()
        #expect(laidOut != presenter.actionPlan(SiteIndex(facts.map { SitePageEntry($0, built: true) })))
        let planPaths = { (paths: Set<String>) in paths.filter { $0.hasPrefix("plan/") } }
        // The two pages the actions swap on; the whole way makes the first page too, which shows the map's third
        // action (on a stage whose figures did not change), as it makes every page with a changed map's action.
        #expect(planPaths(selection.pages) == ["plan/page/9/index.html", "plan/page/10/index.html", "plan/plan.csv"])
        #expect(planPaths(selection.pages).isSubset(of: planPaths(whole.paths ?? [])))
        let place = try #require(index.maps.firstIndex { $0.path == path })
        let rows = presenter.changedPlanRows(laidOut, now: PlanMaps(index.maps), were: PlanMaps(facts.map { SitePageEntry($0, built: true) }),
                                             showing: { $0 == place }, written: presenter.actionPlan(SiteIndex(facts.map { SitePageEntry($0, built: true) })))
        let moved = try #require(rows.moved)
        #expect(moved.count == laidOut.count + 1 && moved.filter { $0 == -1 }.count == rows.now.count)
        #expect(Set(moved.filter { $0 > 0 }).count == laidOut.count - rows.now.count)

        #expect(try #require(try Self.selections(path) { $0.stages[0].figures.conversion?.value = 1 }.narrow).laidOut == nil)
        let rekinded = try Self.selections(path) { facts in
            painful(&facts)
            facts.actions[0].kind = "Новый вид"
        }
        #expect(rekinded.narrow == nil)
    }

    /// A change a card shows that moves no action (a stage renamed with the date the card gives): the whole way
    /// names the plan's CSV rows of the map's actions on that stage, as they are and as the file holds them, and
    /// no other row; it lays the plan out as the last build did when given that plan and the plan names these
    /// maps, and anew when it names a map they do not have.
    @Test func aCardChangeThatMovesNoActionNamesItsRowsOfThePlansCSV() throws {
        let path = "content/volta/semya.md"
        let change: (inout JourneyFacts) -> Void = { $0.stages[0].name = "Первый взгляд"; $0.summary.updated = "2026-11-30" }
        let (whole, narrow, index) = try Self.selections(path, change)
        #expect(narrow == nil)
        #expect(whole.paths?.isSuperset(of: ["index.html", "maps.json", "plan/plan.csv"]) == true)
        let rows = try #require(whole.planRows)
        let plan = try #require(whole.plan).plan
        let place = try #require(index.maps.firstIndex { $0.path == path })
        // Each row's place in the file: the header, then the plan's actions in order.
        let renamed = plan.entries.enumerated()
            .filter { $0.element.map == place && index.maps[place].actions[$0.element.action].stage == 0 }.map { $0.offset + 1 }
        let mapsRows = plan.entries.enumerated().filter { $0.element.map == place }.map { $0.offset + 1 }
        #expect(!renamed.isEmpty && Set(rows.now.keys) == Set(mapsRows) && Set(rows.were.keys) == Set(mapsRows))
        #expect(Set(rows.now.filter { $0.value.contains("Первый взгляд") }.keys) == Set(renamed))
        #expect(rows.were.values.allSatisfy { !$0.contains("Первый взгляд") })
        #expect(mapsRows.allSatisfy { rows.now[$0]?[3] == index.maps[place].summary.title })

        // A plan laid out otherwise (its kinds the other way round) is the one the pages and rows follow.
        let reversed: (ActionPlan) -> ActionPlan? = { ActionPlan(kinds: $0.kinds.reversed()) }
        let given = try Self.selections(path, recorded: reversed, change)
        #expect(given.whole.plan?.plan == reversed(plan) && reversed(plan) != plan)
        // One naming a map the site does not have is not.
        let beyond: (ActionPlan) -> ActionPlan? = { _ in
            ActionPlan(kinds: [.init(kind: nil, owners: [.init(owner: nil, entries: [.init(map: index.maps.count, action: 0)])])])
        }
        #expect(try Self.selections(path, recorded: beyond, change).whole.plan?.plan == plan)
    }

    /// A stage's conversion edited could move its actions (the plan sorts by it); when the plan laid out again is
    /// the last build's, none moved, and only the map's rows of the CSV are named, in their places. Without the
    /// last build's plan, the plan as it was is laid out from the maps as they were, to the same rows.
    @Test func aConversionThatMovesNoActionNamesItsRowsOnly() throws {
        let path = "content/volta/semya.md"
        let change: (inout JourneyFacts) -> Void = { $0.stages[1].figures.conversion?.value *= 1.01 }
        let given = try Self.selections(path, recorded: { $0 }, change)
        let rows = try #require(given.whole.planRows)
        let place = try #require(given.index.maps.firstIndex { $0.path == path })
        let onStage = given.index.maps[place].actions.filter { $0.stage == 1 }.count
        #expect(onStage > 0 && Set(rows.now.keys) == Set(rows.were.keys))
        #expect(rows.now.values.allSatisfy { $0[3] == given.index.maps[place].summary.title })
        #expect(rows.now.filter { $0.value != rows.were[$0.key] }.count == onStage)
        #expect(rows.moved == nil)
        let laidOut = try #require(try Self.selections(path, change).whole.planRows)
        #expect(laidOut.now == rows.now && laidOut.were == rows.were && laidOut.moved == nil)
    }

    /// A map's sparkline is drawn once for a scale and label and kept with its entry, when the presenter keeps them
    /// (a rebuild's, the preview's): every card of the map then prints that drawing. A full build's presenter
    /// draws each card's and keeps none.
    @Test func aSparklineIsDrawnOnceForItsScaleAndLabelWhenKept() throws {
        let (presenter, facts) = try Self.site()
        let entry = SitePageEntry(facts[0], built: true)
        var draws = 0
        let first = entry.sparkline(scale: -2...2, label: "a") { draws += 1; return "one" }
        let again = entry.sparkline(scale: -2...2, label: "a") { draws += 1; return "two" }
        #expect(first == "one" && again == "one" && draws == 1)
        #expect(entry.sparkline(scale: -2...2, label: "b") { "three" } == "three")
        #expect(entry.sparkline(scale: 0...4, label: "b") { "four" } == "four")

        for keeps in [true, false] {
            let map = SitePageEntry(facts[0], built: true)
            let card = SitePresenter(site: presenter.site, keepsSparklines: keeps).card(map, root: "", context: nil)
            let drawn = try #require(card.sparkline?())
            #expect(drawn.hasPrefix("<svg") && drawn == presenter.card(map, root: "", context: nil).sparkline?())
            let scale = try #require(card.curve?.scale)
            #expect(map.sparkline(scale: scale, label: card.sparklineLabel) { "other" } == (keeps ? drawn : "other"))
        }
    }
}

