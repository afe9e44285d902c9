import Foundation
import Testing
@testable import TropaModel
@testable import TropaOutput
import TropaTesting

/// A branched map on its page, its curve and its outline (the `branched` fixture: Поиск идей, then {Онлайн} of two
/// stages or {Офлайн} of one, meeting at Доставка).
@Suite struct RenderBranchTests {
    static let built = Result { try RenderBuild.fixture("branched") }

    @Test func eachPathIsALineThroughItsStagesAndTheyMeetAtTheJoin() throws {
        let built = try Self.built.get()
        let root = try RenderXML.root(built.text("divan/emotions.svg"))
        let lines = try [1, 2].map { number in
            let element = try #require(RenderXML.withClass(root, "line line-\(number)").first, "line \(number)")
            return try #require(RenderPath(RenderXML.attribute(element, "d") ?? ""))
        }
        #expect(RenderXML.attribute(RenderXML.withClass(root, "line line-1").first, "stroke-dasharray") == nil)
        #expect(RenderXML.attribute(RenderXML.withClass(root, "line line-2").first, "stroke-dasharray") == "9 5")
        // Both start at the shared stage's point and end at the join's: the columns are 200 wide.
        #expect(lines[0].start == lines[1].start)
        #expect(lines[0].start.0 == 100)
        #expect(lines[0].segments.last?.end.0 == 900)
        #expect(lines[1].segments.last?.end.0 == 900)
        #expect(lines[0].segments.last?.end.1 == lines[1].segments.last?.end.1)
        // {Онлайн} goes through its two stages' columns, {Офлайн} through its one.
        #expect(lines[0].segments.map(\.end.0) == [300, 500, 900])
        #expect(lines[1].segments.map(\.end.0) == [700, 900])
        // Every point sits in its stage's column; the legend names both branches.
        let points = RenderXML.withClass(root, "point").compactMap { RenderXML.child($0, "circle") }
        #expect(points.compactMap { RenderXML.attribute($0, "cx").flatMap(Double.init) } == [100, 300, 500, 700, 900])
        let legend = try #require(RenderXML.withClass(root, "legend").first)
        #expect(RenderXML.descendants(legend, named: "text").map(\.stringValue) == ["Онлайн", "Офлайн"])
    }

    @Test func theTableSaysWhereTheJourneyForksAndMeets() throws {
        let page = try #require(try Self.built.get().text("divan/index.html"))
        #expect(page.contains("<tr class=\"branches\"><th scope=\"row\" class=\"corner\">Варианты пути</th>"
            + "<td class=\"shared\"></td><th scope=\"col\" colspan=\"2\" class=\"branch\">Онлайн</th>"
            + "<th scope=\"col\" colspan=\"1\" class=\"branch\">Офлайн</th><td class=\"shared\"></td></tr>"))
        // The names in the header are the stages' own, without their labels.
        #expect(page.contains("<th scope=\"col\" id=\"stage-vizit-v-shourum-oflayn\">Визит в шоурум</th>"))
        // A funnel per path, each said above its chart.
        #expect(page.contains("<p class=\"path\">Путь: Онлайн</p>"))
        #expect(page.contains("<p class=\"path\">Путь: Офлайн</p>"))
    }

    @Test func theForkIsANodeOfTheOutlineWithItsBranches() throws {
        let root = try RenderXML.root(try Self.built.get().text("divan/outline.opml"))
        let top = try #require(RenderXML.child(RenderXML.child(root, "body"), "outline"))
        let children = top.elements(forName: "outline")
        #expect(children.compactMap { RenderXML.attribute($0, "text") }
            == ["Поиск идей", "Развилка: Онлайн / Офлайн", "Доставка"])
        let branches = children[1].elements(forName: "outline")
        #expect(branches.compactMap { RenderXML.attribute($0, "text") } == ["Онлайн", "Офлайн"])
        #expect(branches[0].elements(forName: "outline").compactMap { RenderXML.attribute($0, "text") }
            == ["Каталог на сайте", "Корзина"])
    }

    /// A sparkline of a branched map draws each path.
    @Test func theCataloguesSparklineShowsTheFork() throws {
        let catalogue = try #require(try Self.built.get().text("index.html"))
        #expect(catalogue.contains("stroke-dasharray=\"9 5\""))
    }
}
