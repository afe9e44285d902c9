import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaOutput
@testable import TropaBuild
import TropaTesting

/// `outputs:` chooses the files written of each map; `base_url` adds `sitemap.xml` and `robots.txt`.
@Suite struct OutputsAndSitemapTests {
    private static let site = [
        "content/retail/sofa.md": RenderBuild.russianMap(
            title: "Диван", extraFrontMatter: "product: Мебель\ntags: [b2c]\nsegment: B2C\n",
            body: RenderBuild.stage("Выбор", extra: "\n### Рекомендации\n- Показать цены\n")),
        "content/crm.md": RenderBuild.russianMap(title: "CRM", extraFrontMatter: "persona: rop\nproduct: Мебель\n",
                                                 body: RenderBuild.stage("Поиск")),
        "content/personas/rop.md": "---\nname: РОП\n---\n",
    ]

    private static func build(_ config: String, extra: [String: String] = [:]) throws -> BuiltSite {
        try RenderBuild.site(site.merging(["tropa.yml": config], uniquingKeysWith: { $1 }).merging(extra, uniquingKeysWith: { $1 }))
    }

    @Test func theOutputsListedAreWrittenAndOfferedAndThePageAlways() throws {
        let built = try Self.build("outputs: [csv, svg]\n")
        #expect(built.errors.isEmpty, "\(renderDescribe(built.diagnostics))")
        #expect(built.files.keys.filter { $0.hasPrefix("crm/") }.sorted() == ["crm/emotions.svg", "crm/index.html", "crm/journey.csv"])
        let page = try #require(built.text("crm/index.html"))
        #expect(page.contains("href=\"journey.csv\""))
        #expect(page.contains("href=\"emotions.svg\""))
        #expect(!page.contains("href=\"outline.opml\"") && !page.contains("href=\"journey.json\""))
        let all = try #require(try Self.build("title: Карты\n").text("crm/index.html"))
        #expect(all.contains("href=\"outline.opml\"") && all.contains("href=\"journey.json\""))
    }

    @Test func changingTheOutputsIsAFullBuildThatLeavesOutTheOnesNoLongerChosen() throws {
        let first = try Self.build("title: Карты\n")
        #expect(first.files["crm/journey.json"] != nil)
        let settings = { (config: String) in
            BuildRecord.settings(BuildOptions(), config: ConfigParser.parse(SourceText(path: "tropa.yml", text: config),
                                                                            outputNames: MapOutput.names).0)
        }
        #expect(settings("outputs: [svg]\n") != settings("title: Карты\n"))
        #expect(settings("outputs: [svg]\n") != settings("outputs: [svg, csv]\n"))
        try first.fileSystem.write(Array("outputs: [svg]\n".utf8), to: RenderBuild.root + "/tropa.yml")
        let second = try RenderBuild.build(first.fileSystem)
        #expect(second.errors.isEmpty)
        #expect(second.files.keys.filter { $0.hasPrefix("crm/") }.sorted() == ["crm/emotions.svg", "crm/index.html"])
    }

    @Test func anUnknownOutputStopsTheBuild() throws {
        let built = try Self.build("outputs: [svg, jsn]\n")
        #expect(built.errors.found == [Found(.configInvalid, .error, 1, 16)])
        #expect(built.errors.first?.suggestion(in: .en) == "did you mean \"json\"?")
        #expect(built.files.isEmpty)
    }

    @Test func theSitemapListsEveryPageWithAbsoluteEscapedURLs() throws {
        let built = try Self.build("title: Карты\nbase_url: https://cjm.example.com/карты&co\n")
        #expect(built.errors.isEmpty, "\(renderDescribe(built.diagnostics))")
        let sitemap = try #require(built.text("sitemap.xml"))
        let root = try RenderXML.root(sitemap)
        #expect(root.name == "urlset")
        let urls = RenderXML.descendants(root, named: "loc").compactMap(\.stringValue)
        let base = "https://cjm.example.com/%D0%BA%D0%B0%D1%80%D1%82%D1%8B%26co/"
        let pages = built.files.keys.filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages.contains("products/mebel/index.html") && pages.contains("plan/index.html")
                && pages.contains("tags/b2c/index.html") && pages.contains("segments/b2c/index.html")
                && pages.contains("personas/rop/index.html") && pages.contains("dashboard/index.html"))
        #expect(urls == pages.map { base + $0 })
        #expect(built.text("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: \(base)sitemap.xml\n")
        // Nothing else changes: every other file is as a build without base_url writes it.
        let without = try Self.build("title: Карты\n").files
        #expect(without["sitemap.xml"] == nil && without["robots.txt"] == nil)
        var with = built.files
        for name in ["sitemap.xml", "robots.txt"] { with[name] = nil }
        #expect(with.keys.sorted() == without.keys.sorted())
        // The plan's CSV gives absolute addresses too: a spreadsheet has no page to be relative to.
        #expect(with.filter { without[$0.key] != $0.value }.keys.sorted() == ["plan/plan.csv"])
    }

    @Test func aSiteWithABaseURLMayNotHaveItsOwnRobotsFile() throws {
        let built = try Self.build("base_url: https://cjm.example.com/\n", extra: ["content/robots.txt": "User-agent: *\n"])
        #expect(built.errors.found == [Found(.outputConflict, .error, 1, 1)])
        let own = try Self.build("title: Карты\n", extra: ["content/robots.txt": "User-agent: *\n"])
        #expect(own.errors.isEmpty)
        #expect(own.text("robots.txt") == "User-agent: *\n")
    }
}
