import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAnalysis
@testable import TropaOutput
@testable import TropaBuild
import TropaTesting

/// The action plan in pages: each page's pager and contents.
@Suite struct PlanPagesTests {
    /// The segments fixture's 16 actions, a page each.
    private static func pages() throws -> [(path: String, model: PlanPageModel)] {
        let memory = try RenderFixtures.memory("segments")
        var site = try #require(try SiteChecker(fileSystem: memory).check(root: RenderBuild.root).site)
        site.config.planPageSize = 1
        let analysis = JourneyAnalysis(schema: site.schema, contentPath: site.config.contentPath)
        let index = SiteIndex(site.journeys.map(analysis.facts).map { SitePageEntry($0, built: true) })
        return SitePresenter(site: site).planPages(index).pages.map { ($0.path, $0.model()) }
    }

    @Test func thePagerShowsTheEndsAndTwoEachSide() throws {
        let pages = try Self.pages()
        #expect(pages.count == 16)
        #expect(pages.map(\.path).prefix(3) == ["plan/index.html", "plan/page/2/index.html", "plan/page/3/index.html"])
        let numbers = { (page: Int) in pages[page].model.pager?.numbers.map(\.number) ?? [] }
        #expect(numbers(0) == ["1", "2", "3", "…", "16"])
        // A gap of one page shows its number.
        #expect(numbers(4) == ["1", "2", "3", "4", "5", "6", "7", "…", "16"])
        #expect(numbers(7) == ["1", "…", "6", "7", "8", "9", "10", "…", "16"])
        #expect(numbers(15) == ["1", "…", "14", "15", "16"])
        let fifth = try #require(pages[4].model.pager)
        #expect(fifth.numbers.filter(\.current).map(\.number) == ["5"])
        #expect(fifth.numbers.first { $0.number == "5" }?.url == nil)
        #expect(fifth.numbers.first { $0.number == "1" }?.url == "../../../plan/index.html")
        #expect(fifth.summary == "Страница 5 из 16")
        #expect(fifth.previous?.url == "../../../plan/page/4/index.html")
        #expect(pages[0].model.pager?.previous == nil && pages[15].model.pager?.next == nil)
        #expect(pages[0].model.csvURL == "../plan/plan.csv" && pages[4].model.csvURL == "../../../plan/plan.csv")
    }

    /// Every page lists every kind, linked to the page and section where it begins; a kind that began before says so.
    @Test func theContentsLeadToWhereEachKindBegins() throws {
        let pages = try Self.pages()
        let contents = pages[3].model.contents
        #expect(contents.map(\.title) == ["Сайт", "SMM", "Контакт-центр", "Общие", "Без вида"])
        #expect(contents.first?.url == "../../../plan/index.html#kind-1")
        for (number, page) in pages.enumerated() {
            for kind in page.model.kinds {
                let begins = contents.first { $0.title == kind.name }?.url.hasSuffix(
                    (number == 0 ? "plan/index.html" : "plan/page/\(number + 1)/index.html") + "#" + kind.anchor) == true
                #expect(kind.continued == !begins, "page \(number + 1), \(kind.name)")
            }
        }
        // A plan of one page has neither pager nor contents.
        var site = try #require(try SiteChecker(fileSystem: try RenderFixtures.memory("segments")).check(root: RenderBuild.root).site)
        site.config.planPageSize = 200
        let analysis = JourneyAnalysis(schema: site.schema, contentPath: site.config.contentPath)
        let one = SitePresenter(site: site).planPages(SiteIndex(site.journeys.map(analysis.facts).map { SitePageEntry($0, built: true) })).pages
        #expect(one.count == 1 && one[0].model().pager == nil && one[0].model().contents.isEmpty)
    }
}

/// The plan's pages made of the earlier ones only from a plan its site could have: a damaged record's plan naming an
/// action far beyond any map's is no table to fill (it would not fit in memory), and the pages are made anew.
@Suite struct PlanReprintTests {
    private static func plan(_ entries: [ActionPlan.Entry]) -> ActionPlan {
        ActionPlan(kinds: [ActionPlan.KindGroup(kind: nil, owners: [ActionPlan.OwnerGroup(owner: nil, entries: entries)])])
    }

    private static func reprint(_ written: ActionPlan, reads: Counter) -> PlanReprint? {
        PlanReprint(pages: [0], of: written, size: 10, layout: written.pages(of: 10), written: written, maps: 2, changed: [],
                    link: { _, _ in [] }, read: { _ in reads.add(); return nil })
    }

    /// A page printed again is its earlier file with its items in the plan's order now, and it says which bytes it
    /// was made from: the update compares with them rather than reading the file again.
    @Test func aReprintedPageIsItsEarlierFileInTheOrderNowAndSaysSo() throws {
        let item = { (map: Int) in "<li><div class=\"action\"><a href=\"m\(map)\">карта \(map)</a><p>шаг</p></li>\n" }
        let page = { (maps: [Int]) in Array(("<main><ol class=\"plan-items\">\n" + maps.map(item).joined() + "</ol></main>\n").utf8) }
        let written = Self.plan([ActionPlan.Entry(map: 0, action: 0), ActionPlan.Entry(map: 1, action: 0)])
        let now = Self.plan([ActionPlan.Entry(map: 1, action: 0), ActionPlan.Entry(map: 0, action: 0)])
        let earlier = page([0, 1])
        let reprinted = PlanReprint(pages: [0], of: now, size: 10, layout: now.pages(of: 10), written: written, maps: 2,
                                    changed: [], link: { map, _ in Array("href=\"m\(map)".utf8) }, read: { _ in earlier })
        let reprint = try #require(reprinted)
        let made = try #require(reprint.page(0) { _ in Array("напечатано заново".utf8) })
        #expect(made.bytes == page([1, 0]))
        #expect(made.earlier == earlier)
    }

    @Test func aPlanNamingActionsNoSiteHasIsNotReprinted() {
        let reads = Counter()
        let sound = Self.plan([ActionPlan.Entry(map: 0, action: 1), ActionPlan.Entry(map: 1, action: 0)])
        #expect(Self.reprint(sound, reads: reads) != nil)
        #expect(reads.count == 1, "its one page read")
        for damaged in [ActionPlan.Entry(map: 0, action: 1 << 40), ActionPlan.Entry(map: Int.max, action: 0),
                        ActionPlan.Entry(map: 1, action: -1)] {
            #expect(Self.reprint(Self.plan([ActionPlan.Entry(map: 0, action: 0), damaged]), reads: reads) == nil, "\(damaged)")
        }
        #expect(reads.count == 1, "nothing read for a damaged plan")
    }
}

/// Counts calls, on any thread.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var calls = 0

    func add() { lock.withLock { calls += 1 } }
    var count: Int { lock.withLock { calls } }
}
