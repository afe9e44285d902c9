import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaOutput
@testable import TropaBuild
@testable import TropaAuthoring
@testable import TropaServe
import TropaTesting

/// `SiteBuilder.preview`, the in-memory build behind `tropa serve`: it gives the same bytes as `tropa build`, and a
/// rebuild renders again only the maps a change touches, never leaving a stale page.
@Suite struct PreviewTests {
    private static let map = "/site/content/lumus/skripty.md"
    private static let page = "lumus/skripty/index.html"

    /// The ru-persona fixture with two more maps beside its own, each with its own title.
    private func threeMaps() throws -> MemoryFileSystem {
        let memory = try RenderFixtures.memory("ru-persona")
        let original = try #require(memory.text(at: Self.map))
        for name in ["vtoraya", "tretya"] {
            try memory.write(Array(original.replacingOccurrences(of: "title: ", with: "title: \(name) ").utf8),
                             to: "/site/content/lumus/\(name).md")
        }
        return memory
    }

    private func preview(_ memory: MemoryFileSystem, previous: SitePreview? = nil,
                         options: BuildOptions = BuildOptions()) throws -> SitePreview {
        try SiteBuilder(fileSystem: memory).preview(root: RenderBuild.root, options: options, previous: previous)
    }

    /// A map's files are kept by its folder: each is found by its path, its history page's one folder below; a site
    /// page of the same path is the one served; every file is listed once.
    @Test func pagesAreFoundByPathWhetherAMapsOrTheSites() {
        let map = [OutputFile(path: "g/map/index.html", bytes: [1]), OutputFile(path: "g/map/history/index.html", bytes: [2]),
                   OutputFile(path: "g/map/shared.csv", bytes: [3])]
        let pages = PreviewPages(files: ["index.html": [4], "g/map/shared.csv": [5]], mapFiles: [("g/map", map)])
        #expect(pages["g/map/index.html"] == [1])
        #expect(pages["g/map/history/index.html"] == [2])
        #expect(pages["g/map/shared.csv"] == [5])
        #expect(pages["index.html"] == [4])
        #expect(pages["g/map/missing.html"] == nil)
        #expect(pages["g/index.html"] == nil)
        #expect(pages.all == ["g/map/index.html": [1], "g/map/history/index.html": [2], "g/map/shared.csv": [5],
                              "index.html": [4]])
        #expect(!pages.isEmpty && PreviewPages().isEmpty)
    }

    /// The size and time of every file of the site, by its path relative to the site folder, as `tropa serve`'s
    /// watcher takes them.
    private func watched(_ memory: MemoryFileSystem) throws -> [String: FileStatus] {
        Dictionary(uniqueKeysWithValues: try memory.files(under: RenderBuild.root).map { path in
            (path, memory.status(at: RenderBuild.root + "/" + path)!)
        })
    }

    private func text(_ preview: SitePreview, _ path: String) -> String? {
        preview.pages[path].map { String(decoding: $0, as: UTF8.self) }
    }

    private func edit(_ memory: MemoryFileSystem, _ path: String, find: String, replace: String) throws {
        let old = try #require(memory.text(at: path))
        let range = try #require(old.range(of: find), "\(find) is not in \(path)")
        try memory.write(Array(old.replacingCharacters(in: range, with: replace).utf8), to: path)
    }

    @Test func thePagesAreTheBytesABuildWrites() throws {
        let built = try RenderBuild.fixture("ru-persona")
        let preview = try preview(try RenderFixtures.memory("ru-persona"))
        let succeeded = preview.succeeded
        #expect(succeeded)
        #expect(preview.pages.all == built.files)
        #expect(preview.mapCount == built.result.mapCount)
        #expect(preview.renderedMapCount == preview.mapCount)
    }

    @Test func aChangedMapIsTheOnlyOneRenderedAgain() throws {
        let memory = try threeMaps()
        let first = try preview(memory)
        #expect(first.mapCount == 3)
        try edit(memory, "/site/content/lumus/tretya.md", find: "title: ", replace: "title: Renamed ")
        let second = try preview(memory, previous: first)
        #expect(second.renderedMapCount == 1)
        let differing = second.pages.all.keys.filter { first.pages[$0] != second.pages[$0] }.sorted()
        // The map's own files that show its title (not the table's CSV), and the pages that list it: the
        // catalogue, the dashboard, maps.json, its persona's, product's, segment's and tags' pages and the plan.
        #expect(differing == ["dashboard/index.html", "index.html", "lumus/tretya/emotions.svg", "lumus/tretya/index.html",
                              "lumus/tretya/journey.json", "lumus/tretya/journey.mmd", "lumus/tretya/outline.md",
                              "lumus/tretya/outline.mm", "lumus/tretya/outline.opml", "maps.json", "personas/rop/index.html",
                              "plan/index.html", "plan/plan.csv", "products/lumus/index.html", "segments/b2b/index.html",
                              "tags/saas/index.html", "tags/skripty-prodazh/index.html"])
        #expect(text(second, "index.html")?.contains("Renamed ") == true)
        // The title is on every site page that lists the map: those are the ones made again.
        #expect(second.madeSitePages == differing.filter { !$0.hasPrefix("lumus/tretya/") })
        #expect(second.pages.all == (try RenderBuild.build(memory)).files)
    }

    /// A renamed stage is on the plan and the product's comparison: those are made again, the catalogue, tag,
    /// segment and persona pages are the ones made before.
    @Test func aRenamedStageRemakesThePlanAndTheComparison() throws {
        let memory = try threeMaps()
        let first = try preview(memory)
        try edit(memory, "/site/content/lumus/tretya.md", find: "## Поиск решения", replace: "## Поиск поставщика")
        let second = try preview(memory, previous: first)
        #expect(second.madeSitePages == ["plan/index.html", "plan/plan.csv", "products/lumus/index.html"])
        #expect(text(second, "plan/plan.csv")?.contains("Поиск поставщика") == true)
        #expect(second.pages.all == (try RenderBuild.build(memory)).files)
    }

    /// Figures the cards show (an NPS, then a conversion the plan sorts by) remake the pages of cards from the
    /// entries the preview keeps, and patch its plan's CSV: the pages are the bytes a build writes, each time.
    @Test func figuresOnTheCardsRemakeThePagesOfCardsAsABuildWould() throws {
        let memory = try threeMaps()
        let first = try preview(memory)
        try edit(memory, "/site/content/lumus/tretya.md", find: "- NPS: -10", replace: "- NPS: 30")
        let second = try preview(memory, previous: first)
        #expect(second.renderedMapCount == 1 && second.madeSitePages.contains("index.html"))
        #expect(second.pages.all == (try RenderBuild.build(memory)).files)
        try edit(memory, Self.map, find: "- Конверсия: 35%", replace: "- Конверсия: 34%")
        let third = try preview(memory, previous: second)
        #expect(third.madeSitePages.contains("plan/plan.csv") && third.pages["plan/plan.csv"] != second.pages["plan/plan.csv"])
        #expect(third.pages.all == (try RenderBuild.build(memory)).files)
    }

    /// An NPS of a map that neither the catalogue's table nor its product's comparison names is printed into the
    /// kept pages of every map, and so is a conversion that moves its row on the dashboard: the persona page is not
    /// made (the way through every map makes it), and the pages are the bytes a build writes.
    @Test func aFigureInPlaceIsPrintedIntoTheKeptPages() throws {
        let memory = try RenderBuild.memory(Dictionary(uniqueKeysWithValues: RenderBuild.cardsInPlace.map {
            (RenderBuild.root + "/" + $0.key, $0.value)
        }))
        let first = try preview(memory)
        try edit(memory, "/site/content/yo.md", find: "- NPS: 10", replace: "- NPS: 50")
        let second = try preview(memory, previous: first)
        #expect(second.renderedMapCount == 1)
        #expect(second.madeSitePages.contains("index.html") && second.madeSitePages.contains("maps.json"))
        #expect(!second.madeSitePages.contains("personas/rop/index.html"))
        #expect(second.pages["index.html"] != first.pages["index.html"])
        #expect(second.pages.all == (try RenderBuild.build(memory)).files)
        // A conversion that moves Дельта's row to the top of the dashboard: moved in the kept page.
        try edit(memory, "/site/content/d.md", find: "- Конверсия: 20%", replace: "- Конверсия: 5%")
        let third = try preview(memory, previous: second)
        #expect(third.renderedMapCount == 1 && !third.madeSitePages.contains("personas/rop/index.html"))
        let dashboard = String(decoding: try #require(third.pages["dashboard/index.html"]), as: UTF8.self)
        #expect(dashboard.firstRange(of: "Дельта").map { dashboard[..<$0.lowerBound].contains("Ёж") } == false)
        #expect(third.pages.all == (try RenderBuild.build(memory)).files)
    }

    /// A plan of a page per action: an action taken away takes the last page with it, and the pages kept are
    /// the ones a build writes.
    @Test func aShorterPlanLosesItsLastPageInThePreview() throws {
        let memory = try threeMaps()
        try memory.write(Array("title: Карты Lumus\nlanguage: ru\nplan_page_size: 1\n".utf8), to: "/site/tropa.yml")
        let first = try preview(memory)
        #expect(first.pages["plan/page/3/index.html"] != nil)
        try edit(memory, "/site/content/lumus/tretya.md", find: "- Опубликовать кейсы по отраслям\n", replace: "")
        let second = try preview(memory, previous: first)
        #expect(second.pages["plan/page/3/index.html"] == nil)
        #expect(second.madeSitePages.contains("plan/page/2/index.html"))
        #expect(second.pages.all == (try RenderBuild.build(memory)).files)
    }

    /// A conversion that moves a map's action from the last page of a plan of a page per action to the first: the
    /// pages it passes are made of the kept ones (`PlanReprint`), as a build writes them.
    @Test func aMovedActionsPagesAreMadeOfTheKeptOnes() throws {
        let memory = try threeMaps()
        try memory.write(Array("title: Карты Lumus\nlanguage: ru\nplan_page_size: 1\n".utf8), to: "/site/tropa.yml")
        let first = try preview(memory)
        func pages(_ preview: SitePreview, showing text: String) -> [String] {
            preview.pages.all.keys.filter { $0.hasPrefix("plan/") && $0.hasSuffix(".html") }
                .filter { String(decoding: preview.pages[$0]!, as: UTF8.self).contains(text) }.sorted()
        }
        try edit(memory, Self.map, find: "- Конверсия: 35%", replace: "- Конверсия: 34%")
        let second = try preview(memory, previous: first)
        #expect(second.renderedMapCount == 1)
        #expect(pages(first, showing: "lumus/skripty/") == ["plan/page/3/index.html"])
        #expect(pages(second, showing: "lumus/skripty/") == ["plan/index.html"])
        #expect(Set(second.madeSitePages).isSuperset(of: ["plan/index.html", "plan/page/2/index.html", "plan/page/3/index.html"]))
        #expect(second.pages.all == (try RenderBuild.build(memory)).files)
    }

    /// A change that shows on the map's pages only leaves the catalogue and persona pages as they were rendered.
    @Test func aChangeInsideAMapRendersNoSitePage() throws {
        let memory = try threeMaps()
        let first = try preview(memory)
        #expect(first.madeSitePages.contains("index.html"))
        // A goal and an emotion's label are not on the site pages (the weakest stage's name is, on the dashboard).
        try edit(memory, "/site/content/lumus/tretya.md", find: "Понять, почему", replace: "Разобраться, почему")
        try edit(memory, "/site/content/lumus/tretya.md", find: "Раздражение", replace: "Досада")
        let second = try preview(memory, previous: first)
        #expect(second.renderedMapCount == 1)
        #expect(second.madeSitePages.isEmpty)
        #expect(second.pages.all == (try RenderBuild.build(memory)).files)
    }

    /// What every map shows besides itself renders every map again, whether or not the watcher's statuses say the
    /// maps are unchanged (with them, the last preview's visits are not taken).
    @Test(arguments: [
        ("/site/content/personas/rop.md", "name: ", "name: Новое имя — ", "Новое имя"),
        ("/site/templates/journey.mustache", "<article class=\"journey\">",
         "<article class=\"journey\"><p>своя страница {{title}}</p>", "своя страница"),
        ("/site/tropa.yml", "title: ", "title: Новый заголовок — ", "Новый заголовок"),
    ], [false, true])
    func aSharedChangeRendersEveryMap(change: (file: String, find: String, replace: String, expect: String),
                                      watching: Bool) throws {
        let (file, find, replace, expect) = change
        let memory = try threeMaps()
        if file.hasSuffix(".mustache") {
            try memory.write(Array(try #require(EmbeddedTheme.files["journey.mustache"]).utf8), to: file)
        }
        let builder = SiteBuilder(fileSystem: memory)
        let first = try builder.preview(root: RenderBuild.root, watched: watching ? try watched(memory) : nil)
        try edit(memory, file, find: find, replace: replace)
        let second = try builder.preview(root: RenderBuild.root, previous: first, watched: watching ? try watched(memory) : nil)
        let succeeded = second.succeeded
        #expect(succeeded, "\(second.check.diagnostics)")
        #expect(second.renderedMapCount == 3)
        #expect(text(second, Self.page)?.contains(expect) == true)
        #expect(second.pages.all == (try RenderBuild.build(memory)).files)
    }

    @Test func aDeletedMapLeavesTheCatalogue() throws {
        let memory = try threeMaps()
        let first = try preview(memory)
        #expect(text(first, "index.html")?.contains("lumus/vtoraya/") == true)
        try memory.removeItem("/site/content/lumus/vtoraya.md")
        let second = try preview(memory, previous: first)
        #expect(second.pages["lumus/vtoraya/index.html"] == nil)
        // The memo keeps the other two maps' entries as they were, and none of the deleted one.
        #expect(second.memo?.journeys.keys.sorted() == ["content/lumus/skripty.md", "content/lumus/tretya.md"])
        #expect(second.memo?.journeys["content/lumus/tretya.md"] === first.memo?.journeys["content/lumus/tretya.md"])
        #expect(text(second, "index.html")?.contains("lumus/vtoraya/") == false)
        #expect(second.mapCount == 2)
        #expect(second.renderedMapCount == 0)
    }

    @Test func anErrorReplacesThePagesUntilItIsMended() throws {
        let memory = try threeMaps()
        let first = try preview(memory)
        try edit(memory, Self.map, find: "### Эмоции", replace: "### Эмоцйи")
        let broken = try preview(memory, previous: first)
        let failed = !broken.succeeded
        #expect(failed)
        #expect(broken.pages.isEmpty)
        #expect(broken.check.diagnostics.contains { $0.code == .unknownLayer && $0.location.file == "content/lumus/skripty.md" })
        try edit(memory, Self.map, find: "### Эмоцйи", replace: "### Эмоции")
        let mended = try preview(memory, previous: broken)
        let succeeded = mended.succeeded
        #expect(succeeded)
        #expect(mended.pages.all == first.pages.all)
        // The map is as it was at the last good render, whose pages are kept through the broken one.
        #expect(mended.renderedMapCount == 0)
    }

    /// An error only the whole site shows (a persona the map names is gone) is found after the maps are rendered:
    /// that failed render is not kept, so once the persona is back nothing is rendered again.
    @Test func aSiteWideErrorKeepsTheLastGoodRender() throws {
        let memory = try threeMaps()
        let first = try preview(memory)
        let persona = "/site/content/personas/rop.md"
        let text = try #require(memory.text(at: persona))
        try memory.removeItem(persona)
        let broken = try preview(memory, previous: first)
        #expect(!broken.succeeded)
        #expect(broken.check.diagnostics.contains { $0.code == .unknownPersona })
        try memory.write(Array(text.utf8), to: persona)
        let mended = try preview(memory, previous: broken)
        #expect(mended.succeeded)
        #expect(mended.pages.all == first.pages.all)
        #expect(mended.renderedMapCount == 0)
        #expect(mended.madeSitePages.isEmpty)
    }

    /// The inputs the watcher listed are taken as they are while the site's settings name the same folders (a map
    /// left out of them is not built), and listed again when the settings name other folders.
    @Test func theWatchersListingIsTakenForTheSameSettingsOnly() throws {
        let memory = try threeMaps()
        let builder = SiteBuilder(fileSystem: memory)
        let config = try #require(builder.preview(root: RenderBuild.root).check.site?.config)
        var listed = try SiteInputs.list(root: RenderBuild.root, config: config, reader: memory)
        listed.maps.removeAll { $0.hasSuffix("/tretya.md") }
        let taken = try builder.preview(root: RenderBuild.root, watched: nil, listed: listed)
        #expect(taken.mapCount == 2)
        #expect(taken.pages["lumus/tretya/index.html"] == nil)
        listed.folders.templates = "other-templates"
        let relisted = try builder.preview(root: RenderBuild.root, watched: nil, listed: listed)
        #expect(relisted.mapCount == 3)
        #expect(relisted.pages["lumus/tretya/index.html"] != nil)
    }

    /// With the sizes and times the watcher took, a map whose file has those it had when the last preview read it
    /// is not read again: bytes written under an unchanged status stay unread (which only a test can do), until the
    /// status changes. A failed run keeps the statuses of the run whose maps it keeps, so that a map edited while
    /// the site was broken is read once it is mended.
    @Test func aMapTheWatcherSawUnchangedIsNotReadAgain() throws {
        let memory = try threeMaps()
        let builder = SiteBuilder(fileSystem: memory)
        let first = try builder.preview(root: RenderBuild.root, watched: try watched(memory))
        let before = try watched(memory)
        try edit(memory, "/site/content/lumus/vtoraya.md", find: "title: ", replace: "title: Непрочитанная ")
        var unchanged = try watched(memory)
        unchanged["content/lumus/vtoraya.md"] = before["content/lumus/vtoraya.md"]
        let unread = try builder.preview(root: RenderBuild.root, previous: first, watched: unchanged)
        #expect(unread.renderedMapCount == 0)
        #expect(unread.pages.all == first.pages.all)
        let read = try builder.preview(root: RenderBuild.root, previous: unread, watched: try watched(memory))
        #expect(read.renderedMapCount == 1)
        #expect(text(read, "index.html")?.contains("Непрочитанная") == true)
        #expect(read.pages.all == (try RenderBuild.build(memory)).files)

        let settings = try #require(memory.text(at: "/site/tropa.yml"))
        try memory.write(Array("language: [ru\n".utf8), to: "/site/tropa.yml")
        let broken = try builder.preview(root: RenderBuild.root, previous: read, watched: try watched(memory))
        #expect(!broken.succeeded)
        try edit(memory, "/site/content/lumus/tretya.md", find: "title: ", replace: "title: Правка в сломанном ")
        let stillBroken = try builder.preview(root: RenderBuild.root, previous: broken, watched: try watched(memory))
        #expect(!stillBroken.succeeded)
        try memory.write(Array(settings.utf8), to: "/site/tropa.yml")
        let mended = try builder.preview(root: RenderBuild.root, previous: stillBroken, watched: try watched(memory))
        #expect(text(mended, "index.html")?.contains("Правка в сломанном") == true)
        #expect(mended.pages.all == (try RenderBuild.build(memory)).files)
    }

    /// A map's measurements file is the map's too: a new status of it reads the map again.
    @Test func aChangedMeasurementsFileReadsItsMapAgain() throws {
        let memory = try threeMaps()
        try edit(memory, Self.map, find: "evidence: интервью\n", replace: "evidence: интервью\nmeasurements: zamery.csv\n")
        let csv = "/site/content/lumus/zamery.csv"
        try memory.write(Array("date,stage,metric,value\n2024-03-15,Поиск решения,Конверсия,40%\n".utf8), to: csv)
        let builder = SiteBuilder(fileSystem: memory)
        let first = try builder.preview(root: RenderBuild.root, watched: try watched(memory))
        #expect(first.succeeded, "\(first.check.diagnostics)")
        try memory.write(Array("date,stage,metric,value\n2024-03-15,Поиск решения,Конверсия,40%\n2024-04-15,Поиск решения,Конверсия,47%\n".utf8), to: csv)
        let second = try builder.preview(root: RenderBuild.root, previous: first, watched: try watched(memory))
        #expect(second.renderedMapCount == 1)
        #expect(second.pages[Self.page] != first.pages[Self.page])
        #expect(second.pages.all == (try RenderBuild.build(memory)).files)
    }

    @Test func draftsAppearOnlyWhenAskedFor() throws {
        let memory = try RenderFixtures.memory("ru-persona")
        try edit(memory, Self.map, find: "---\n", replace: "---\ndraft: true\n")
        #expect(try preview(memory).pages[Self.page] == nil)
        #expect(try preview(memory, options: BuildOptions(includeDrafts: true)).pages[Self.page] != nil)
    }
}
