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
