import Foundation
import Testing
@testable import TropaModel
@testable import TropaOutput
@testable import TropaBuild
import TropaTesting

/// `CompiledTheme` makes the pages swift-mustache makes of the built-in templates, byte for byte.
@Suite struct CompiledThemeTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardizedFileURL

    /// Every fixture site and the demo, built as they are (the map pages compiled) and with every built-in template
    /// changed by a comment that prints nothing (every page through swift-mustache): the same files, byte for byte.
    /// `render/ru-persona` is built with the history of its golden case, so its map has a history page.
    static let fixtures = ["render/branched", "render/custom-scale", "render/en-multi", "render/ru-persona",
                           "render/segments", "sites/custom-schema", "sites/valid-ru", "sites/xss", "demo"]

    @Test(arguments: fixtures)
    func everyFixtureSiteIsTheSameBothWays(_ fixture: String) throws {
        try Self.expectTheSameBothWays(git: try Self.git(fixture)) { try Self.memory(fixture) }
    }

    /// A matrix cell of more maps than it shows, with the product's page to show them and without: in no fixture.
    @Test func aFullMatrixCellIsTheSameBothWays() throws {
        var files: [String: String] = [:]
        for number in 1...8 {
            let product = number <= 4 ? "product: Пылесос\n" : ""
            files[RenderBuild.root + "/content/map-\(number).md"] = RenderBuild.russianMap(
                title: "Карта \(number)", extraFrontMatter: product + "segment: Семьи\n",
                body: RenderBuild.stage("Поиск") + RenderBuild.stage("Покупка"))
        }
        let built = try Self.expectTheSameBothWays(git: nil) { try RenderBuild.memory(files) }
        let catalogue = try #require(built.text("index.html"))
        #expect(catalogue.contains("<p class=\"more\"><a href=\"products/pylesos/index.html\">1 more</a></p>"))
        #expect(catalogue.contains("<p class=\"more\">1 more</p>"))
    }

    /// A plan of nine pages, one action each: the first page's pager leaves numbers out (`1 2 3 … 9`), which no fixture's plan
    /// does.
    @Test func aPlanOfManyPagesIsTheSameBothWays() throws {
        var files = [RenderBuild.root + "/tropa.yml": "language: ru\nplan_page_size: 1\n"]
        for number in 1...9 {
            files[RenderBuild.root + "/content/map-\(number).md"] = RenderBuild.russianMap(
                title: "Карта \(number)", body: RenderBuild.stage("Этап \(number)", score: "\(number % 5 - 2) Так",
                                                              extra: "### Рекомендации\n- [Сайт] Действие \(number) @ecom\n"))
        }
        let built = try Self.expectTheSameBothWays(git: nil) { try RenderBuild.memory(files) }
        let page = try #require(built.text("plan/index.html"))
        #expect(page.contains("<li><span>…</span></li>"))
        #expect(page.contains("<li><span aria-current=\"page\">1</span></li>"))
        #expect(built.files.keys.filter { $0.hasPrefix("plan/") && $0.hasSuffix(".html") }.count == 9)
    }

    /// A persona no map is made for: what no fixture has.
    @Test func aPersonaWithoutMapsIsTheSameBothWays() throws {
        let files = [RenderBuild.root + "/tropa.yml": "language: ru\n",
                     RenderBuild.root + "/content/personas/nobody.md": "---\nname: Никто <b>\n---\nНи одной карты.\n",
                     RenderBuild.root + "/content/map.md": RenderBuild.russianMap(
                        title: "Карта", body: RenderBuild.stage("Этап", score: "1 Так", extra: ""))]
        let built = try Self.expectTheSameBothWays(git: nil) { try RenderBuild.memory(files) }
        let persona = try #require(built.text("personas/nobody/index.html"))
        #expect(persona.contains("<h1>Никто &lt;b&gt;</h1>\n\n<p>Ни одной карты.</p>\n\n\n<section class=\"persona-maps\">"))
        #expect(persona.contains("</h2>\n\n<p>Карт пока нет.</p>\n</section>"))
    }

    /// A dashboard of no maps (a site builds none without a map): its model rendered both ways.
    @Test func anEmptyDashboardIsTheSameBothWays() throws {
        let overrides = EmbeddedTheme.files.filter { $0.key.hasSuffix(Theme.templateExtension) }
            .map { SourceText(path: "templates/" + $0.key, text: $0.value + "{{! interpreted }}") }
        let (theme, problems) = Theme.load(overrides: overrides, templatesFolder: "templates")
        let interpreted = try #require(theme)
        // Every name the built-in templates look up is one the models have.
        #expect(problems.isEmpty, "\(problems)")
        let page = PageContext(lang: "ru", words: ["noMaps": "Карт пока нет", "home": "Все карты"], siteTitle: "Сайт",
                               root: "../", generator: "tropa")
        let model = DashboardPageModel(page: page, title: "Сводка", rows: [])
        let parts = try #require(CompiledTheme.parts(model, template: "dashboard"), "the dashboard is made in code")
        let compiled = String(decoding: parts.bytes, as: UTF8.self)
        #expect(compiled == interpreted.render(model, template: "dashboard"))
        #expect(compiled.contains("<p class=\"note\"></p>\n\n<p>Карт пока нет</p>\n"))
    }

    /// A dashboard of more rows than one of its parts holds (256), each row with and without its optional parts: made
    /// in parts and through swift-mustache, the same page.
    @Test func aDashboardOfManyRowsIsTheSameBothWays() throws {
        let overrides = EmbeddedTheme.files.filter { $0.key.hasSuffix(Theme.templateExtension) }
            .map { SourceText(path: "templates/" + $0.key, text: $0.value + "{{! interpreted }}") }
        let interpreted = try #require(Theme.load(overrides: overrides, templatesFolder: "templates").0)
        let page = PageContext(lang: "ru", words: ["home": "Все карты", "draft": "черновик", "noFigures": "нет цифр"],
                               siteTitle: "Сайт", root: "../", generator: "tropa")
        let rows = (0..<300).map { number in
            DashboardRowModel(title: "Карта <\(number)>", url: "../m\(number)/index.html", draft: number % 7 == 0,
                              reach: number % 2 == 0 ? "\(number) %" : nil, weakestStage: number % 4 == 0 ? nil : "Выбор",
                              weakestConversion: number % 3 == 0 ? "10 %" : nil, averageNPS: number % 5 == 0 ? "-3" : nil,
                              lowestEmotion: "-1", evidence: nil, missedTargets: number % 6 == 0 ? ["«Выбор» & ко"] : [],
                              review: nil)
        }
        let model = DashboardPageModel(page: page, title: "Сводка", rows: rows)
        let parts = try #require(CompiledTheme.parts(model, template: "dashboard"))
        #expect(parts.count == 4, "the table's head, two runs of rows, the rest")
        let compiled = String(decoding: parts.bytes, as: UTF8.self)
        #expect(compiled == interpreted.render(model, template: "dashboard"))
        #expect(compiled.components(separatedBy: "<tr><th scope=\"row\">").count == 301)
        #expect(compiled.contains("Карта &lt;299&gt;") && compiled.contains("«Выбор» &amp; ко"))
    }

    /// A partial made in code, copied as its Mustache text (`tropa theme --copy card`), changes nothing: the pages it
    /// is part of stay compiled; changed, they come from the templates.
    @Test func aCopiedPartialKeepsItsPagesCompiled() throws {
        let text = try #require(EmbeddedTheme.editable["card.mustache"])
        let (copied, problems) = Theme.load(overrides: [SourceText(path: "templates/card.mustache", text: text)],
                                            templatesFolder: "templates")
        #expect(problems.isEmpty, "\(problems)")
        #expect(try #require(copied).compiled.isSuperset(of: ["catalogue", "maps", "compare"]))
        let changed = try #require(Theme.load(overrides: [SourceText(path: "templates/card.mustache", text: text + "\n")],
                                              templatesFolder: "templates").0)
        #expect(changed.compiled.isDisjoint(with: ["catalogue", "maps", "compare"]))
        #expect(changed.compiled.contains("journey"))
    }

    /// The plan's page comes from `CompiledTheme` for its model, not through swift-mustache: the tests above would
    /// find the same bytes either way.
    @Test func aPlanPageIsCompiled() throws {
        let page = PageContext(lang: "ru", words: ["planNote": "Все действия"], siteTitle: "Сайт", root: "../",
                               generator: "tropa")
        let model = PlanPageModel(page: page, title: "План <действий>", count: "0 действий", csvURL: "../plan/plan.csv",
                                  kinds: [], pager: nil, contents: [])
        let html = try #require(CompiledTheme.render(model, template: "plan"))
        #expect(html.contains("<title>План &lt;действий&gt; — Сайт</title>"))
        #expect(html.contains("<p class=\"note\">Все действия 0 действий.</p>"))
    }

    /// Builds the site `memory` makes as it is (the compiled pages) and with every built-in template changed by a
    /// comment that prints nothing (every page through swift-mustache), expects the same files, and gives the first.
    @discardableResult
    static func expectTheSameBothWays(git: FixedHistory?, _ site: () throws -> MemoryFileSystem,
                                      sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> BuiltSite {
        let options = BuildOptions(includeDrafts: true)
        let compiled = try RenderBuild.build(try site(), options: options, git: git)
        let memory = try site()
        var templates: [SourceText] = []
        for (name, text) in EmbeddedTheme.files where name.hasSuffix(Theme.templateExtension) {
            let path = RenderBuild.root + "/templates/" + name
            if memory.text(at: path) == nil { try memory.write(Array((text + "{{! interpreted }}").utf8), to: path) }
            templates.append(SourceText(path: "templates/" + name, text: memory.text(at: path) ?? ""))
        }
        #expect(try #require(Theme.load(overrides: templates, templatesFolder: "templates").0).compiled.isEmpty,
                "the second build renders every page through swift-mustache", sourceLocation: sourceLocation)
        let interpreted = try RenderBuild.build(memory, options: options, git: git)
        #expect(compiled.result.outputPath != nil, "\(renderDescribe(compiled.diagnostics))", sourceLocation: sourceLocation)
        #expect(compiled.files.keys.contains { compiled.text($0)?.contains("<article class=\"journey\">") == true },
                "the site has map pages", sourceLocation: sourceLocation)
        #expect(interpreted.files.keys.sorted() == compiled.files.keys.sorted(), sourceLocation: sourceLocation)
        for (path, bytes) in interpreted.files where compiled.files[path] != bytes {
            Issue.record("\(firstDifference(expected: String(decoding: bytes, as: UTF8.self), actual: compiled.text(path) ?? "", name: path))",
                         sourceLocation: sourceLocation)
        }
        return compiled
    }

    /// Between them the fixtures show every part of the map and history pages that is there only for some maps, so
    /// the test above compares each.
    @Test func theFixturesHoldEveryOptionalPartOfTheMapPage() throws {
        let pages = try Self.fixturePages { path, page in
            path.hasSuffix("/index.html")
                && (page.contains("<article class=\"journey\">") || page.contains("<article class=\"history\">"))
        }
        let parts = ["<span class=\"badge draft\">", "<dt>Product</dt>", "<dt>Продукт</dt>", "<dt>Сегмент</dt><dd><a",
                     "<dt>Персона</dt><dd><a", "<dt>Обновлено</dt>", "<dt>Следующий замер</dt>",
                     "<div class=\"evidence evidence-", "<ul class=\"tags\">", "<p class=\"site-links\">",
                     "<aside class=\"persona-card\"", "<p class=\"role\">", "<div class=\"persona-sections\">",
                     "<section class=\"advice\"", "<tr class=\"branches\">", "<td class=\"shared\"></td>",
                     "<span class=\"mark mark-", "<tr class=\"curve-row\">", "<tr class=\"stage-descriptions sparse\">",
"<tr class=\"layer layer-", " sparse\" id=\"layer-",
                     "<section class=\"trends\"", "<section class=\"analysis\"", "<details open><summary>",
                     "<a href=\"history/index.html\">", "<section class=\"history-curve\"", "<ul class=\"changes\">",
                     "<p class=\"note\">", "&lt;img src=x onerror"]
        #expect(parts.filter { !pages.contains($0) } == [], "no fixture's map page has these")
    }

    /// And every part of the catalogue and of a tag's or segment's page that is there only on some sites, but a
    /// matrix cell of more maps than it shows (`aFullMatrixCellIsTheSameBothWays`).
    @Test func theFixturesHoldEveryOptionalPartOfTheListPages() throws {
        let pages = try Self.fixturePages { path, _ in
            path == "index.html" || path.hasPrefix("tags/") || path.hasPrefix("segments/")
        }
        let parts = ["<ul class=\"site-links\"><li><a href=\"dashboard/index.html\">", "<li><a href=\"plan/index.html\">",
                     "<section class=\"matrix\"", "<th scope=\"col\"><a href=", "<th scope=\"col\">Без сегмента",
                     "<th scope=\"row\"><a href=", "<span class=\"rank\">", "<td class=\"empty\">", "<span class=\"figure\">",
                     "<section class=\"product\">\n<h2>", "<p class=\"site-links\"><a href=",
                     "<section class=\"index-links\"><h2>Теги", "<section class=\"index-links\"><h2>Сегменты",
                     "<section class=\"personas\">", "<h1><span class=\"kind\">Тег:</span>",
                     "<h1><span class=\"kind\">Сегмент:</span>", "<span class=\"badge draft\">", "&lt;"]
        #expect(parts.filter { !pages.contains($0) } == [], "no fixture's list page has these")
    }

    /// Between them the fixtures' plans show every part of a plan page that is there only for some pages.
    @Test func theFixturesHoldEveryOptionalPartOfThePlanPages() throws {
        let pages = try Self.fixturePages { path, _ in path.hasPrefix("plan/") && path.hasSuffix(".html") }
        let parts = ["<title>План действий — ", "<title>План действий (Страница 2 из 3) — ", "<nav class=\"plan-contents\"",
                     "<li><span aria-current=\"page\">", "rel=\"prev\">", "</a> · <a href=", "rel=\"next\">",
                     "<span class=\"continued\">", "<ol class=\"plan-items\" start=\"", "<h3>@", "Action plan"]
        #expect(parts.filter { !pages.contains($0) } == [], "no fixture's plan page has these")
    }

    /// Between them the fixtures' comparisons show every part of a comparison page that is there only for some.
    @Test func theFixturesHoldEveryOptionalPartOfTheComparisonPages() throws {
        let pages = try Self.fixturePages { path, _ in path.hasPrefix("products/") || path.hasPrefix("compare/") }
        let parts = ["<div class=\"comparison-chart\" style=\"--columns: ", "<td class=\"absent\"><span class=\"none\">",
                     "<td class=\"lowest\"><dl><div><dt>", "<span class=\"mark\" title=\"", "<div><dt>NPS</dt><dd>",
                     "<div><dt>Длительность</dt><dd>", "<td><span class=\"none\">", "<li class=\"card",
                     "<h2 id=\"compared-heading\">"]
        #expect(parts.filter { !pages.contains($0) } == [], "no fixture's comparison page has these")
    }

    /// And every part of the dashboard and of a persona's page that is there only for some maps or personas.
    @Test func theFixturesHoldEveryOptionalPartOfTheDashboardAndPersonaPages() throws {
        let pages = try Self.fixturePages { path, _ in path.hasPrefix("dashboard/") || path.hasPrefix("personas/") }
        let parts = ["<td class=\"number\"><span class=\"none\">", "<td><span class=\"none\">", ", <span class=\"figure\">",
                     "<ul class=\"targets\"><li>", "<td><span class=\"evidence-", "</span></th>", "<span class=\"badge draft\">",
                     "<p class=\"role\">", "<div class=\"persona-sections\"><section><h2>", "<ul><li><a href="]
        #expect(parts.filter { !pages.contains($0) } == [], "no fixture's dashboard or persona page has these")
    }

    /// A comparison of more maps than its table shows says so, and comes from `CompiledTheme`: in no fixture.
    @Test func aComparisonOfManyMapsIsCompiledAndTheSameBothWays() throws {
        var files = [RenderBuild.root + "/tropa.yml": "language: ru\n"]
        for number in 1...7 {
            files[RenderBuild.root + "/content/map-\(number).md"] = RenderBuild.russianMap(
                title: "Карта \(number)", extraFrontMatter: "product: Пылесос\nsegment: Сегмент \(number)\n",
                body: RenderBuild.stage("Поиск") + RenderBuild.stage("Покупка"))
        }
        let built = try Self.expectTheSameBothWays(git: nil) { try RenderBuild.memory(files) }
        let page = try #require(built.text("products/pylesos/index.html"))
        #expect(page.contains("<p class=\"note\">Здесь сравниваются 5 из 7 карт"))
        #expect(page.components(separatedBy: "<li class=\"card").count == 8, "every map as a card")
        let model = ComparisonPageModel(page: PageContext(lang: "ru", words: ["comparisonOf": "Все карты"], siteTitle: "С",
                                                          root: "../../", generator: "t"),
                                        title: "Т <б>", maps: [], labels: [], chart: nil, rows: [], omitted: nil,
                                        cards: CardList(count: 0) { _ in fatalError() })
        let parts = try #require(CompiledTheme.parts(model, template: "compare"), "the comparison is made in code")
        let compiled = String(decoding: Array(parts.joined()), as: UTF8.self)
        #expect(compiled.contains("<title>Т &lt;б&gt; — С</title>"))
        #expect(compiled.contains("<h2 id=\"compared-heading\">Все карты</h2>\n<ul class=\"cards\">\n\n</ul>"))
    }

    /// `CompiledTheme.pages` names every template file a compiled page is made of: its own, those it names as its
    /// parent or a partial, and theirs. A site that changes any of them gets the page from its templates.
    @Test func aCompiledPageNamesEveryTemplateItIsMadeOf() {
        for (page, files) in CompiledTheme.pages {
            var found: Set<String> = [], names = [page]
            while let name = names.popLast() {
                guard found.insert(name).inserted, let text = EmbeddedTheme.files[name + Theme.templateExtension] else { continue }
                names += text.matches(of: /\{\{[<>]\s*([\w-]+)\s*\}\}/).map { String($0.1) }
            }
            #expect(found == files, "\(page)")
        }
    }

    /// A page is compiled only while the site changes none of the files it is made of.
    @Test func aChangedTemplateSendsItsPagesThroughMustache() throws {
        func compiled(_ files: [String: String]) throws -> Set<String> {
            let overrides = files.map { SourceText(path: "templates/" + $0.key, text: $0.value) }
            return try #require(Theme.load(overrides: overrides, templatesFolder: "templates").0).compiled
        }
        let all: Set<String> = ["journey", "history", "catalogue", "maps", "plan", "compare", "dashboard", "persona"]
        #expect(try compiled([:]) == all)
        #expect(try compiled(["base.mustache": EmbeddedTheme.files["base.mustache"]!]) == all,
                "the built-in text is no change")
        #expect(try compiled(["style.css": "body {}"]) == all)
        #expect(try compiled(["base.mustache": "{{$content}}{{/content}}"]) == [])
        #expect(try compiled(["cell.mustache": "{{text}}"]) == all.subtracting(["journey"]))
        #expect(try compiled(["history.mustache": "{{title}}"]) == all.subtracting(["history"]))
        #expect(try compiled(["catalogue.mustache": "catalogue"]) == all.subtracting(["catalogue"]))
        #expect(try compiled(["card.mustache": "{{title}}"]) == ["journey", "history", "plan", "dashboard", "persona"])
        #expect(try compiled(["pager.mustache": "{{summary}}"]) == all.subtracting(["plan"]))
        #expect(try compiled(["plan-items.mustache": "{{{html}}}!"]) == all.subtracting(["plan"]))
        #expect(try compiled(["compare.mustache": "{{title}}"]) == all.subtracting(["compare"]))
        #expect(try compiled(["dashboard.mustache": "{{title}}"]) == all.subtracting(["dashboard"]))
        #expect(try compiled(["persona.mustache": "{{name}}"]) == all.subtracting(["persona"]))
        #expect(try compiled(["persona-card.mustache": "{{name}}"]) == all.subtracting(["journey"]))
    }

    /// Every fixture site built, the pages `wanted` (by path and text) of each, in path order, as one text.
    static func fixturePages(_ wanted: (_ path: String, _ page: String) -> Bool) throws -> String {
        var pages = ""
        for fixture in fixtures {
            let built = try RenderBuild.build(try memory(fixture), options: BuildOptions(includeDrafts: true),
                                              git: try git(fixture))
            for path in built.files.keys.sorted() {
                if let page = built.text(path), wanted(path, page) { pages += page }
            }
        }
        return pages
    }

    /// The golden case's history for `render/ru-persona`; none for the others.
    static func git(_ fixture: String) throws -> FixedHistory? {
        fixture == "render/ru-persona" ? try GoldenTests.history(GoldenTests.cases[0]) : nil
    }

    /// A fixture site in memory; `demo` is the project's own `tropa.yml` and `content/`.
    static func memory(_ fixture: String) throws -> MemoryFileSystem {
        guard fixture == "demo" else {
            return try RenderFixtures.memory(folder: RenderFixtures.fixturesFolder.appendingPathComponent(fixture))
        }
        let memory = MemoryFileSystem()
        for path in try RenderFixtures.files(under: packageRoot.appendingPathComponent("content")).map({ "content/" + $0 }) + ["tropa.yml"] {
            try memory.write(Array(try Data(contentsOf: packageRoot.appendingPathComponent(path))), to: RenderBuild.root + "/" + path)
        }
        return memory
    }
}
