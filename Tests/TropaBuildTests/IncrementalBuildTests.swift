import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAnalysis
@testable import TropaOutput
@testable import TropaBuild
import TropaTesting

/// A rebuild after maps changed parses and renders only those maps and updates the output in place; whatever
/// changed, the output is byte for byte what a full build of the same files writes.
@Suite struct IncrementalBuildTests {
    private static let maps = [
        "content/crm/vybor.md": RenderBuild.russianMap(
            title: "Выбор CRM", extraFrontMatter: "product: Лумус\npersona: rop\n",
            body: RenderBuild.stage("Поиск") + RenderBuild.stage("Покупка", score: "2 Радость")),
        "content/crm/vnedrenie.md": RenderBuild.russianMap(
            title: "Внедрение", extraFrontMatter: "product: Лумус\n", body: RenderBuild.stage("Настройка")),
        "content/onboarding.md": RenderBuild.russianMap(title: "Первый день", body: RenderBuild.stage("Вход")),
        "content/personas/rop.md": "---\nname: Руководитель отдела продаж\n---\n\nОтвечает за план.\n",
    ]

    /// Builds the site once, changes `path` (replacing `find` by `replace`), then builds again; returns the first
    /// build's files and the second build (both builds write into one file system).
    private static func rebuild(_ path: String, find: String, replace: String) throws -> (first: [String: [UInt8]], second: BuiltSite) {
        let first = try RenderBuild.site(maps)
        #expect(first.errors.isEmpty, "\(renderDescribe(first.diagnostics))")
        return (first.files, try edited(first, path, find: find, replace: replace))
    }

    /// `site` with `path` changed (`find`, which it holds, replaced by `replace`), built again.
    private static func edited(_ site: BuiltSite, _ path: String, find: String, replace: String) throws -> BuiltSite {
        let full = RenderBuild.root + "/" + path
        let text = try #require(site.fileSystem.text(at: full))
        #expect(text.contains(find))
        try site.fileSystem.write(Array(text.replacingOccurrences(of: find, with: replace).utf8), to: full)
        return try RenderBuild.build(site.fileSystem)
    }

    /// When each output file was last written, in the memory file system's count of writes.
    private static func writeTimes(_ site: BuiltSite) -> [String: Int64] {
        site.files.keys.reduce(into: [:]) { times, path in
            times[path] = site.fileSystem.status(at: site.output + "/" + path)?.modified
        }
    }

    /// A first build records each map's hash as its visit read it: a map saved again with the same bytes (at a new
    /// time) leaves the next build nothing to do, and one saved with other bytes is updated.
    @Test func aMapSavedAgainUnchangedAfterAFirstBuildIsUpToDate() throws {
        let first = try RenderBuild.site(Self.maps)
        #expect(first.errors.isEmpty, "\(renderDescribe(first.diagnostics))")
        let path = RenderBuild.root + "/content/crm/vybor.md"
        let text = try #require(first.fileSystem.text(at: path))
        try first.fileSystem.write(Array(text.utf8), to: path)
        let again = try RenderBuild.build(first.fileSystem)
        #expect(again.result.upToDate)
        try again.fileSystem.write(Array((text + "\n").utf8), to: path)
        let updated = try RenderBuild.build(again.fileSystem)
        #expect(!updated.result.upToDate && updated.result.update?.maps == 1)
    }

    /// A map with a warning is built and recorded; every later build reads it again and reports the warning as a full
    /// build does: with nothing changed (still up to date, nothing written), and in an update of another map (which
    /// reads it again, not counting it as updated). Mended, it is read no more.
    @Test func aWarningIsReportedByEveryRebuildUntilItIsMended() throws {
        var maps = Self.maps
        maps["content/onboarding.md"] = maps["content/onboarding.md"]!
            .replacingOccurrences(of: "title: Первый день\n", with: "title: Первый день\nsegmnet: B2B\n")
        let first = try RenderBuild.site(maps)
        #expect(first.diagnostics.found == [Found(.unknownKey, .warning, 3, 1)])
        #expect(first.result.outputPath != nil && first.files["onboarding/index.html"] != nil)
        let writer = OutputWriter(fileSystem: first.fileSystem, output: first.output)
        #expect(writer.record()?.warnedMaps == ["content/onboarding.md"])
        #expect(writer.record()?.diagnosticCount == 1)

        let before = Self.writeTimes(first)
        let again = try RenderBuild.build(first.fileSystem)
        #expect(again.result.upToDate && again.result.update == nil)
        #expect(again.diagnostics == first.diagnostics)
        #expect(again.result.check.sources["content/onboarding.md"]?.line(3) == "segmnet: B2B")
        #expect(again.result.fileCount == first.result.fileCount && again.result.mapCount == 3)
        #expect(Self.writeTimes(again) == before, "nothing written")

        let edited = try Self.edited(again, "content/crm/vybor.md", find: "Найти CRM.", replace: "Выбрать CRM.")
        #expect(edited.result.update?.maps == 1)
        #expect(edited.diagnostics == first.diagnostics)
        #expect(edited.files == (try RenderBuild.fullBuild(of: edited)))

        let mended = try Self.edited(edited, "content/onboarding.md", find: "segmnet: B2B\n", replace: "")
        #expect(mended.diagnostics.isEmpty && mended.result.update?.maps == 1)
        #expect(OutputWriter(fileSystem: mended.fileSystem, output: mended.output).record()?.warnedMaps == [])
        let quiet = try RenderBuild.build(mended.fileSystem)
        #expect(quiet.result.upToDate && quiet.diagnostics.isEmpty)
    }

    /// A warning in a persona is in no map: a build with nothing changed runs the pipeline to report it, reading no map.
    @Test func aPersonasWarningIsReportedWithNothingChanged() throws {
        var maps = Self.maps
        maps["content/personas/rop.md"] = "---\nname: Руководитель отдела продаж\n---\n\nОтвечает за план.\n\n## Страхи\n\nСорвать план.\n"
        let first = try RenderBuild.site(maps)
        #expect(first.diagnostics.found == [Found(.unknownSection, .warning, 7, 4)])
        let again = try RenderBuild.build(first.fileSystem)
        #expect(again.result.upToDate && again.diagnostics == first.diagnostics)
        #expect(OutputWriter(fileSystem: again.fileSystem, output: again.output).record()?.warnedMaps == [])
    }

    /// A record left by a tropa of the same version with another built-in theme (built again from newer sources)
    /// makes the next build a full one: an update would leave the older theme on the pages it does not make.
    @Test func anotherBuiltInThemeMakesAFullBuild() throws {
        let first = try RenderBuild.site(Self.maps)
        let writer = OutputWriter(fileSystem: first.fileSystem, output: first.output)
        let record = String(decoding: try first.fileSystem.read(writer.cache), as: UTF8.self)
        let theme = " theme:\(String(Theme.builtInFingerprint, radix: 16)) "
        #expect(record.contains(theme))
        try first.fileSystem.write(Array(record.replacingOccurrences(of: theme, with: " theme:0 ").utf8), to: writer.cache)
        let again = try RenderBuild.build(first.fileSystem)
        #expect(!again.result.upToDate && again.result.update == nil && again.result.mapCount == 3)
        #expect(try RenderBuild.build(again.fileSystem).result.upToDate)
    }

    /// A draft left out is said to be left out, by a full build, by an update and by a build with nothing to do.
    @Test func aDraftLeftOutIsSaidToBe() throws {
        var maps = Self.maps
        maps["content/crm/vnedrenie.md"] = maps["content/crm/vnedrenie.md"]!
            .replacingOccurrences(of: "product: Лумус\n", with: "product: Лумус\ndraft: true\n")
        let first = try RenderBuild.site(maps)
        #expect(first.errors.isEmpty, "\(renderDescribe(first.diagnostics))")
        #expect(first.result.notes == [.draftsLeftOut(1)])
        #expect(first.files["crm/vnedrenie/index.html"] == nil)
        let again = try RenderBuild.build(first.fileSystem)
        #expect(again.result.upToDate)
        #expect(again.result.notes == [.draftsLeftOut(1)])
        let path = RenderBuild.root + "/content/onboarding.md"
        let text = try #require(again.fileSystem.text(at: path))
        try again.fileSystem.write(Array(text.replacingOccurrences(of: "Первый день", with: "День первый").utf8), to: path)
        let updated = try RenderBuild.build(again.fileSystem)
        #expect(!updated.result.upToDate && updated.result.notes == [.draftsLeftOut(1)])
        let all = try RenderBuild.build(updated.fileSystem, options: BuildOptions(includeDrafts: true))
        #expect(all.result.notes.isEmpty)
        #expect(all.files["crm/vnedrenie/index.html"] != nil)
    }

    @Test func aChangedMapRewritesItsOwnPagesOnly() throws {
        let first = try RenderBuild.site(Self.maps)
        let before = Self.writeTimes(first)
        let path = "/site/content/onboarding.md"
        let text = try #require(first.fileSystem.text(at: path))
        try first.fileSystem.write(Array(text.replacingOccurrences(of: "Найти CRM.", with: "Войти в систему.").utf8),
                                   to: path)
        let second = try RenderBuild.build(first.fileSystem)
        #expect(!second.result.upToDate)
        #expect(second.result.mapCount == 3)
        #expect(second.result.fileCount == first.result.fileCount)
        #expect(first.result.update == nil)
        #expect(second.result.update?.maps == 1 && second.result.update?.written == 6)
        #expect(second.text("onboarding/index.html")?.contains("Войти в систему.") == true)
        #expect(second.files == (try RenderBuild.fullBuild(of: second)))
        let rewritten = Self.writeTimes(second).filter { before[$0.key] != $0.value }.keys.sorted()
        // The outlines, the data files and the page show the changed text; the curve, the Mermaid diagram (no
        // emotion changed), the catalogue, maps.json and the rest are as they were.
        #expect(rewritten == ["onboarding/index.html", "onboarding/journey.csv", "onboarding/journey.json",
                              "onboarding/outline.md", "onboarding/outline.mm", "onboarding/outline.opml"])
    }

    @Test func aNewTitleReachesTheCatalogueAndThePersonaPage() throws {
        let (_, second) = try Self.rebuild("content/crm/vybor.md", find: "title: Выбор CRM", replace: "title: Выбор системы")
        #expect(second.text("index.html")?.contains("Выбор системы") == true)
        #expect(second.text("personas/rop/index.html")?.contains("Выбор системы") == true)
        #expect(second.files == (try RenderBuild.fullBuild(of: second)))
    }

    @Test func aChangedCurveReachesTheCatalogue() throws {
        let (first, second) = try Self.rebuild("content/crm/vybor.md", find: "2 Радость", replace: "-2 Злость")
        #expect(second.files["index.html"] != first["index.html"])
        #expect(second.files == (try RenderBuild.fullBuild(of: second)))
    }

    /// The comparison, tag, segment and plan pages are made from the record's lines of the maps not read again.
    @Test func aChangedActionReachesThePlanAndAChangedFigureTheComparison() throws {
        let site = Self.maps.merging([
            "content/crm/vnedrenie.md": RenderBuild.russianMap(
                title: "Внедрение", extraFrontMatter: "product: Лумус\nsegment: МСБ\ntags: [crm]\ncompare: [crm/vybor]\n",
                body: RenderBuild.stage("Настройка", extra: "### Рекомендации\n- [Сайт] Мастер настройки @product\n")),
        ]) { $1 }
        let first = try RenderBuild.site(site)
        #expect(first.errors.isEmpty, "\(renderDescribe(first.diagnostics))")
        #expect(first.text("plan/index.html")?.contains("Мастер настройки") == true)
        #expect(first.files["products/lumus/index.html"] != nil)
        #expect(first.files["compare/crm/vnedrenie/index.html"] != nil)
        #expect(first.files["tags/crm/index.html"] != nil)
        #expect(first.files["segments/msb/index.html"] != nil)
        let path = RenderBuild.root + "/content/crm/vybor.md"
        let text = try #require(first.fileSystem.text(at: path))
        try first.fileSystem.write(Array(text.replacingOccurrences(of: "## Покупка", with: "## Оплата").utf8), to: path)
        let second = try RenderBuild.build(first.fileSystem)
        #expect(!second.result.upToDate)
        // The other map's actions, read from the record, are still on the plan; the renamed stage is on the comparison.
        #expect(second.text("plan/index.html")?.contains("Мастер настройки") == true)
        #expect(second.text("compare/crm/vnedrenie/index.html")?.contains("<th scope=\"row\">Оплата</th>") == true)
        #expect(second.files == (try RenderBuild.fullBuild(of: second)))
    }

    /// A site where one map has an action, a segment, a tag, a comparison with another map, and a sitemap.
    private static let linkedSite = maps.merging([
        "tropa.yml": "language: ru\nbase_url: https://cjm.example.ru/\n",
        "content/crm/vnedrenie.md": RenderBuild.russianMap(
            title: "Внедрение", extraFrontMatter: "product: Лумус\nsegment: МСБ\ntags: [crm]\ncompare: [crm/vybor]\n",
            body: RenderBuild.stage("Настройка", extra: "### Рекомендации\n- [Сайт] Мастер настройки @product\n")),
    ]) { $1 }

    /// Builds `linkedSite`, then `path` changed; returns the update.
    private static func update(_ path: String, find: String, replace: String) throws -> BuiltSite {
        let first = try RenderBuild.site(linkedSite)
        #expect(first.errors.isEmpty, "\(renderDescribe(first.diagnostics))")
        #expect(first.result.madeSitePages.contains("index.html"))
        let second = try edited(first, path, find: find, replace: replace)
        #expect(!second.result.upToDate && second.result.outputPath != nil)
        return second
    }

    /// A site page is made again when it shows what changed: a stage's name is on the comparisons (and on the plan
    /// when the map has actions), not on the catalogue, the tag, segment and persona pages or `maps.json`.
    @Test func aRenamedStageRemakesTheComparisonsOnly() throws {
        let second = try Self.update("content/crm/vybor.md", find: "## Покупка", replace: "## Оплата")
        #expect(second.result.madeSitePages == ["compare/crm/vnedrenie/index.html", "products/lumus/index.html"])
        #expect(second.text("products/lumus/index.html")?.contains("Оплата") == true)
        #expect(second.files == (try RenderBuild.fullBuild(of: second)))
    }

    @Test func aRenamedStageWithAnActionRemakesThePlanToo() throws {
        let second = try Self.update("content/crm/vnedrenie.md", find: "## Настройка", replace: "## Запуск")
        #expect(second.result.madeSitePages == ["compare/crm/vnedrenie/index.html", "plan/index.html", "plan/plan.csv",
                                                "products/lumus/index.html"])
        #expect(second.text("plan/plan.csv")?.contains("Запуск") == true)
        #expect(second.files == (try RenderBuild.fullBuild(of: second)))
    }

    /// A new tag: the old tag's page goes (no map has it now), the new one comes, and the sitemap lists it.
    @Test func aMapThatChangesItsTagMovesItsTagPage() throws {
        let second = try Self.update("content/crm/vnedrenie.md", find: "tags: [crm]", replace: "tags: [внедрение]")
        #expect(second.result.madeSitePages == ["compare/crm/vnedrenie/index.html", "dashboard/index.html", "index.html",
                                                "maps.json", "products/lumus/index.html", "segments/msb/index.html",
                                                "tags/vnedrenie/index.html"])
        #expect(second.files["tags/crm/index.html"] == nil)
        #expect(second.text("sitemap.xml")?.contains("https://cjm.example.ru/tags/vnedrenie/index.html") == true)
        #expect(second.text("sitemap.xml")?.contains("tags/crm/") == false)
        #expect(second.files == (try RenderBuild.fullBuild(of: second)))
        #expect(try RenderBuild.build(second.fileSystem).result.upToDate)
    }

    /// A map the other compares with, its curve changed: that comparison is made again, with the catalogue's card.
    @Test func aChangedCurveRemakesTheCardsAndTheComparisonsThatShowIt() throws {
        let second = try Self.update("content/crm/vybor.md", find: "2 Радость", replace: "-2 Злость")
        #expect(second.result.madeSitePages == ["compare/crm/vnedrenie/index.html", "dashboard/index.html", "index.html",
                                                "maps.json", "personas/rop/index.html", "products/lumus/index.html"])
        #expect(second.files == (try RenderBuild.fullBuild(of: second)))
    }

    /// Three maps with an action each, their stages in pain from Альфа's to Гамма's: a plan of three pages.
    private static let pagedPlan = [
        "tropa.yml": "language: ru\nplan_page_size: 1\n",
        "content/a.md": RenderBuild.russianMap(title: "Альфа", body: RenderBuild.stage(
            "Вход", score: "-2 Злость", extra: "### Рекомендации\n- [Сайт] Упростить вход\n")),
        "content/b.md": RenderBuild.russianMap(title: "Бета", body: RenderBuild.stage(
            "Выбор", score: "0 Спокойно", extra: "### Рекомендации\n- [Сайт] Сравнение тарифов, как на [входе](a.md#вход)\n")),
        "content/c.md": RenderBuild.russianMap(title: "Гамма", body: RenderBuild.stage(
            "Оплата", score: "1 Радость", extra: "### Рекомендации\n- [Сайт] Оплата в один шаг\n")),
    ]

    /// `pagedPlan` built, with Бета's map made of the stages `beta` when given; the build has no problem.
    private static func builtPagedPlan(beta: String? = nil) throws -> BuiltSite {
        var files = pagedPlan
        if let beta { files["content/b.md"] = RenderBuild.russianMap(title: "Бета", body: beta) }
        let first = try RenderBuild.site(files)
        #expect(first.errors.isEmpty, "\(renderDescribe(first.diagnostics))")
        return first
    }

    /// Гамма's row of the output's plan CSV changed by hand («Оплата в два шага»), which an update that copies the
    /// other maps' rows keeps as it is and a CSV made whole does not; returns the CSV as built.
    private static func handEditedPlanCSV(_ site: BuiltSite) throws -> String {
        let csv = site.output + "/plan/plan.csv"
        let whole = try #require(site.fileSystem.text(at: csv))
        try site.fileSystem.write(Array(whole.replacingOccurrences(of: "Оплата в один шаг", with: "Оплата в два шага").utf8), to: csv)
        return whole
    }

    /// Builds `pagedPlan`, changes `content/b.md`, builds again.
    private static func updatePagedPlan(find: String, replace: String) throws -> BuiltSite {
        let first = try builtPagedPlan()
        #expect(first.result.madeSitePages.filter { $0.hasPrefix("plan/") }
                == ["plan/index.html", "plan/page/2/index.html", "plan/page/3/index.html", "plan/plan.csv"])
        #expect(first.text("plan/page/2/index.html")?.contains("Сравнение тарифов") == true)
        // The action's link leads from the plan's page to the other map's stage.
        #expect(first.text("plan/page/2/index.html")?.contains("<a href=\"../../../a/index.html#stage-vkhod\">входе</a>") == true)
        return try edited(first, "content/b.md", find: find, replace: replace)
    }

    /// Of a plan cut into pages, a changed action's page is made again, and the CSV: the others are as they were.
    @Test func aChangedActionRemakesItsPageOfThePlan() throws {
        let second = try Self.updatePagedPlan(find: "Сравнение тарифов", replace: "Калькулятор тарифов")
        #expect(second.result.madeSitePages == ["plan/page/2/index.html", "plan/plan.csv"])
        #expect(second.text("plan/page/2/index.html")?.contains("Калькулятор тарифов") == true)
        #expect(second.files == (try RenderBuild.fullBuild(of: second)))
    }

    /// A renamed stage remakes the plan's pages of its own actions: the map's action on another stage, on a page of
    /// its own, shows as it did, and its page is left as it was.
    @Test func aRenamedStageRemakesThePlanPagesOfItsOwnActionsOnly() throws {
        let first = try Self.builtPagedPlan(beta: RenderBuild.stage(
            "Выбор", score: "0 Спокойно", extra: "### Рекомендации\n- [Сайт] Сравнение тарифов\n")
            + RenderBuild.stage("Покупка", score: "-1 Тревога", extra: "### Рекомендации\n- [Касса] Оплата картой\n"))
        let planPages = first.result.madeSitePages.filter { $0.hasPrefix("plan/") && $0.hasSuffix(".html") }
        let renamedPage = try #require(planPages.first { first.text($0)?.contains("Сравнение тарифов") == true })
        let otherPage = try #require(planPages.first { first.text($0)?.contains("Оплата картой") == true })
        #expect(renamedPage != otherPage)
        let second = try Self.edited(first, "content/b.md", find: "## Выбор", replace: "## Подбор")
        #expect(second.result.madeSitePages == [renamedPage, "plan/plan.csv"])
        #expect(second.text(renamedPage)?.contains("Подбор") == true)
        #expect(second.text(otherPage) == first.text(otherPage))
        #expect(second.files == (try RenderBuild.fullBuild(of: second)))
    }

    /// A plan page made again shows the other maps on it as the record holds them, read for the plan alone: a
    /// branched stage's name, its conversion and its average score, as a full build writes them.
    @Test func aPlanPageShowsTheOtherMapsAsTheRecordHoldsThem() throws {
        let branched = RenderBuild.stage("Оплата {Онлайн}", score: "-2 Злость\n1 Облегчение",
                                         extra: "### Метрики\n- Конверсия: 35%\n- NPS: 20\n\n### Рекомендации\n- [Сайт] Оплата в один шаг\n")
            + RenderBuild.stage("Оплата {Офлайн}", extra: "### Рекомендации\n- [Сервис] Касса без очереди\n")
        let first = try RenderBuild.site([
            "tropa.yml": "language: ru\n",
            "content/a.md": RenderBuild.russianMap(title: "Альфа", body: RenderBuild.stage("Вход") + branched),
            "content/b.md": RenderBuild.russianMap(title: "Бета", body: RenderBuild.stage(
                "Выбор", extra: "### Рекомендации\n- [Сайт] Сравнение тарифов\n")),
        ])
        #expect(first.errors.isEmpty, "\(renderDescribe(first.diagnostics))")
        let second = try Self.edited(first, "content/b.md", find: "## Выбор", replace: "## Подбор")
        #expect(second.result.update?.maps == 1)
        #expect(second.result.madeSitePages == ["plan/index.html", "plan/plan.csv"])
        let plan = try #require(second.text("plan/index.html"))
        #expect(plan.contains("Подбор") && plan.contains("Оплата (Онлайн)") && plan.contains("Оплата (Офлайн)"))
        #expect(plan.contains(NumberFormat(language: .ru).percent(35)) && plan.contains("−0,5"))
        #expect(second.files == (try RenderBuild.fullBuild(of: second)))
    }

    /// An update adds the changed map's facts to the end of the facts file rather than writing it again; the next
    /// update reads them there, and the file never grows past twice what its live lines need.
    @Test func anUpdateAddsItsFactsToTheFile() throws {
        let first = try Self.builtPagedPlan()
        let facts = OutputWriter(fileSystem: first.fileSystem, output: first.output).facts
        let written = try first.fileSystem.read(facts)
        let path = RenderBuild.root + "/content/b.md"
        let text = try #require(first.fileSystem.text(at: path))
        var site = first
        var sizes: [Int] = []
        for edit in 1...6 {
            try site.fileSystem.write(Array(text.replacingOccurrences(of: "Сравнение тарифов", with: "Сравнение \(edit)").utf8), to: path)
            site = try RenderBuild.build(site.fileSystem)
            #expect(site.result.update?.maps == 1)
            #expect(site.files == (try RenderBuild.fullBuild(of: site)))
            let now = try site.fileSystem.read(facts)
            if edit == 1 { #expect(now.count > written.count && now.starts(with: written)) }
            sizes.append(now.count)
        }
        // Written whole again once the old lines would outweigh the live ones.
        #expect(zip(sizes, sizes.dropFirst()).contains { $1 < $0 } && sizes.allSatisfy { $0 <= 2 * written.count })
        #expect(try RenderBuild.build(site.fileSystem).result.upToDate)
    }

    /// A map's `compare` may name a map of no product: a stage of that map renamed remakes the comparison that
    /// names it, read from the record with the map it compares.
    @Test func aComparisonOfAMapWithoutAProductShowsItsRenamedStage() throws {
        var site = Self.linkedSite
        site["content/crm/vnedrenie.md"] = site["content/crm/vnedrenie.md"]!.replacingOccurrences(of: "compare: [crm/vybor]", with: "compare: [onboarding]")
        let first = try RenderBuild.site(site)
        #expect(first.text("compare/crm/vnedrenie/index.html")?.contains("Вход") == true)
        let path = RenderBuild.root + "/content/onboarding.md"
        let text = try #require(first.fileSystem.text(at: path))
        try first.fileSystem.write(Array(text.replacingOccurrences(of: "## Вход", with: "## Старт").utf8), to: path)
        let second = try RenderBuild.build(first.fileSystem)
        #expect(second.result.update?.maps == 1)
        #expect(second.result.madeSitePages == ["compare/crm/vnedrenie/index.html"])
        #expect(second.text("compare/crm/vnedrenie/index.html")?.contains("Старт") == true)
        #expect(second.files == (try RenderBuild.fullBuild(of: second)))
    }

    /// A product's comparison draws its first five maps by rank and lists the others as cards: a stage renamed in a
    /// map it does not draw leaves it as it was; in one it draws, it is made again.
    @Test func aProductsComparisonIsMadeAgainForTheMapsItDraws() throws {
        var site: [String: String] = [:]
        for number in 1...6 {
            site["content/m\(number).md"] = RenderBuild.russianMap(title: "Карта \(number)", extraFrontMatter: "product: Лумус\n",
                                                                 body: RenderBuild.stage("Этап \(number)"))
        }
        let first = try RenderBuild.site(site)
        #expect(first.text("products/lumus/index.html")?.contains("<th scope=\"row\">Этап 5</th>") == true)
        #expect(first.text("products/lumus/index.html")?.contains("<th scope=\"row\">Этап 6</th>") == false)
        for (number, made) in [(6, [String]()), (1, ["products/lumus/index.html"])] {
            let path = RenderBuild.root + "/content/m\(number).md"
            let text = try #require(first.fileSystem.text(at: path))
            try first.fileSystem.write(Array(text.replacingOccurrences(of: "## Этап", with: "## Шаг").utf8), to: path)
            let next = try RenderBuild.build(first.fileSystem)
            #expect(next.result.update?.maps == 1)
            #expect(next.result.madeSitePages == made, "map \(number)")
            #expect(next.files == (try RenderBuild.fullBuild(of: next)))
        }
    }

    /// An action moved lays the plan out again, which the update adds to the facts file; the next update takes the
    /// plan from there.
    @Test func aPlanLaidOutAgainIsTakenByTheNextUpdate() throws {
        let moved = try Self.updatePagedPlan(find: "0 Спокойно", replace: "2 Восторг")
        #expect(moved.files == (try RenderBuild.fullBuild(of: moved)))
        let next = try Self.edited(moved, "content/b.md", find: "Сравнение тарифов", replace: "Калькулятор тарифов")
        #expect(next.result.update?.maps == 1)
        #expect(next.result.madeSitePages == ["plan/page/3/index.html", "plan/plan.csv"])
        #expect(next.files == (try RenderBuild.fullBuild(of: next)))
    }

    /// Actions moved in the plan: the pages between are made of the earlier pages, each item of a map that did not
    /// change taken as an earlier page printed it (Гамма's, edited there by hand, stays so), and the changed map's
    /// printed anew; an item that crosses between the first page and the others (its links start elsewhere) is
    /// printed anew too, and so is every item with the author's HTML let through, or of a page edited out of shape.
    @Test func movedActionsPagesAreMadeOfTheEarlierPages() throws {
        func handEdited(_ site: BuiltSite, _ page: String, _ find: String, _ replace: String) throws {
            let path = site.output + "/" + page
            let text = try #require(site.fileSystem.text(at: path))
            #expect(text.contains(find))
            try site.fileSystem.write(Array(text.replacingOccurrences(of: find, with: replace).utf8), to: path)
        }
        // Бета to the end: Гамма's item goes from page 3 to page 2 as printed there.
        let first = try Self.builtPagedPlan()
        try handEdited(first, "plan/page/3/index.html", "Оплата в один шаг", "Оплата в два шага")
        let moved = try Self.edited(first, "content/b.md", find: "0 Спокойно", replace: "2 Восторг")
        #expect(moved.result.madeSitePages.filter { $0.hasPrefix("plan/") } == ["plan/page/2/index.html", "plan/page/3/index.html", "plan/plan.csv"])
        #expect(moved.text("plan/page/2/index.html")?.contains("Оплата в два шага") == true)
        #expect(moved.text("plan/page/3/index.html")?.contains("Сравнение тарифов") == true)
        // Альфа to the end: Бета's item goes to the first page printed anew, its link from there; Гамма's as printed.
        let second = try Self.builtPagedPlan()
        try handEdited(second, "plan/page/2/index.html", "Сравнение тарифов", "Сравнение цен")
        try handEdited(second, "plan/page/3/index.html", "Оплата в один шаг", "Оплата в два шага")
        let crossed = try Self.edited(second, "content/a.md", find: "-2 Злость", replace: "2 Восторг")
        let firstPage = try #require(crossed.text("plan/index.html"))
        #expect(firstPage.contains("Сравнение тарифов") && firstPage.contains("<a href=\"../a/index.html#stage-vkhod\">входе</a>"))
        #expect(crossed.text("plan/page/2/index.html")?.contains("Оплата в два шага") == true)
        // Without the hand edits, the pages are a full build's.
        let plain = try Self.edited(try Self.builtPagedPlan(), "content/a.md", find: "-2 Злость", replace: "2 Восторг")
        #expect(plain.files == (try RenderBuild.fullBuild(of: plain)))
        // With the author's HTML let through, every item is printed anew.
        var files = Self.pagedPlan
        files["tropa.yml"] = "language: ru\nplan_page_size: 1\nunsafe_html: true\n"
        let unsafe = try RenderBuild.site(files)
        try handEdited(unsafe, "plan/page/3/index.html", "Оплата в один шаг", "Оплата в два шага")
        let reprinted = try Self.edited(unsafe, "content/b.md", find: "0 Спокойно", replace: "2 Восторг")
        #expect(reprinted.text("plan/page/2/index.html")?.contains("Оплата в один шаг") == true)
        // An item whose link is not to the map the record's plan has there is printed anew.
        let relinked = try Self.builtPagedPlan()
        try handEdited(relinked, "plan/page/3/index.html", "href=\"../../../c/index.html#", "href=\"../../../b/index.html#")
        let fixed = try Self.edited(relinked, "content/b.md", find: "0 Спокойно", replace: "2 Восторг")
        #expect(fixed.files == (try RenderBuild.fullBuild(of: fixed)))
        // A page whose list lost an item is made anew.
        let cut = try Self.builtPagedPlan()
        let page = try #require(cut.text("plan/page/3/index.html"))
        let item = try #require(page.range(of: "<li><div class=\"action\">").flatMap { start in
            page.range(of: "</p></li>\n", range: start.lowerBound..<page.endIndex).map { start.lowerBound..<$0.upperBound }
        })
        try handEdited(cut, "plan/page/3/index.html", String(page[item]), "")
        let remade = try Self.edited(cut, "content/b.md", find: "0 Спокойно", replace: "2 Восторг")
        #expect(remade.files == (try RenderBuild.fullBuild(of: remade)))
    }

    /// Facts that could not be added to the file (a full disk) leave no record: the next build is a full one.
    @Test func factsThatCouldNotBeAddedMakeTheNextBuildAFullOne() throws {
        let first = try Self.builtPagedPlan()
        let path = RenderBuild.root + "/content/b.md"
        let text = try #require(first.fileSystem.text(at: path))
        try first.fileSystem.write(Array(text.replacingOccurrences(of: "Сравнение тарифов", with: "Калькулятор тарифов").utf8), to: path)
        let full = FaultyFileSystem(memory: first.fileSystem) { $0.hasSuffix(".public.tropa-facts") }
        let updated = try SiteBuilder(fileSystem: full).build(root: RenderBuild.root)
        #expect(updated.update?.maps == 1)
        #expect(OutputWriter(fileSystem: first.fileSystem, output: first.output).record() == nil)
        let next = try RenderBuild.build(first.fileSystem)
        #expect(next.result.update == nil && !next.result.upToDate)
        #expect(next.files == (try RenderBuild.fullBuild(of: next)))
    }

    /// An update that moves no action writes again only the changed map's rows of the plan's CSV, into the file
    /// the last build left; a file it cannot do that to (cut short by hand) is written whole by the same update,
    /// which then reads every map.
    @Test func theCSVsChangedRowsAreWrittenIntoTheOutputsFile() throws {
        let first = try Self.builtPagedPlan()
        let csv = first.output + "/plan/plan.csv"
        let whole = try #require(first.fileSystem.text(at: csv))
        let path = RenderBuild.root + "/content/b.md"
        let text = try #require(first.fileSystem.text(at: path))
        try first.fileSystem.write(Array(text.replacingOccurrences(of: "Сравнение тарифов", with: "Калькулятор тарифов").utf8), to: path)
        let spliced = try RenderBuild.build(first.fileSystem)
        #expect(spliced.result.update?.maps == 1)
        let rows = try #require(spliced.text("plan/plan.csv")).components(separatedBy: "\r\n")
        #expect(rows.filter { $0.contains("Калькулятор тарифов") }.count == 1)
        #expect(rows.filter { !$0.contains("Калькулятор") } == whole.components(separatedBy: "\r\n").filter { !$0.contains("Сравнение тарифов") })
        #expect(spliced.files == (try RenderBuild.fullBuild(of: spliced)))

        try spliced.fileSystem.write(Array(whole.prefix(40).utf8), to: csv)
        try spliced.fileSystem.write(Array(text.replacingOccurrences(of: "Сравнение тарифов", with: "Таблица тарифов").utf8), to: path)
        let rebuilt = try RenderBuild.build(spliced.fileSystem)
        #expect(rebuilt.result.update?.maps == 1)
        #expect(rebuilt.text("plan/plan.csv")?.contains("Таблица тарифов") == true)
        #expect(rebuilt.files == (try RenderBuild.fullBuild(of: rebuilt)))
    }

    /// A change a card shows that moves no action (the weakest stage, which the card names, renamed): the pages of
    /// cards are made again from every map, and the plan's CSV gets that map's rows written into the output's file,
    /// the other rows copied as the file holds them (one changed there by hand stays so). A file cut short by hand
    /// is made whole by the same update.
    @Test func aCardChangeThatMovesNoActionWritesItsRowsIntoThePlansCSV() throws {
        let first = try Self.builtPagedPlan(beta: RenderBuild.stage(
            "Выбор", score: "0 Спокойно", extra: "### Метрики\n- Конверсия: 30%\n\n### Рекомендации\n- [Сайт] Сравнение тарифов\n")
            + RenderBuild.stage("Договор", score: "1 Радость", extra: "### Метрики\n- Конверсия: 80%\n"))
        #expect(first.text("index.html")?.contains("<dd>Выбор, 30") == true)
        let whole = try Self.handEditedPlanCSV(first)
        let second = try Self.edited(first, "content/b.md", find: "## Выбор", replace: "## Подбор")
        #expect(second.result.update?.maps == 1)
        #expect(second.text("index.html")?.contains("<dd>Подбор, 30") == true)
        #expect(Set(second.result.madeSitePages).isSuperset(of: ["index.html", "maps.json", "plan/page/2/index.html", "plan/plan.csv"]))
        let full = try RenderBuild.fullBuild(of: second)
        #expect(second.files.filter { $0.key != "plan/plan.csv" } == full.filter { $0.key != "plan/plan.csv" })
        let patched = try #require(second.text("plan/plan.csv"))
        #expect(patched.contains("Подбор") && !patched.contains("Выбор") && patched.contains("Оплата в два шага"))
        #expect(patched.replacingOccurrences(of: "Оплата в два шага", with: "Оплата в один шаг")
                == String(decoding: try #require(full["plan/plan.csv"]), as: UTF8.self))

        try second.fileSystem.write(Array(whole.prefix(40).utf8), to: second.output + "/plan/plan.csv")
        let third = try Self.edited(second, "content/b.md", find: "## Подбор", replace: "## Отбор")
        #expect(third.result.update?.maps == 1)
        #expect(third.files == (try RenderBuild.fullBuild(of: third)))
    }

    /// The catalogue's header, a tag page's, the dashboard's and `maps.json`'s first line changed by hand in the
    /// output: an update that prints only the changed maps' parts into these files keeps the edits.
    private static let handEdits = [("index.html", "</h1>", " (правка)</h1>"), ("tags/crm/index.html", "</h1>", " (правка)</h1>"),
                                    ("dashboard/index.html", "</h1>", " (правка)</h1>"), ("maps.json", "\"format\"", "\"формат\"")]

    private static func editByHand(_ site: BuiltSite) throws {
        for (path, find, replace) in handEdits {
            let file = site.output + "/" + path
            let text = try #require(site.fileSystem.text(at: file))
            #expect(text.contains(find), "\(path)")
            try site.fileSystem.write(Array(text.replacingOccurrences(of: find, with: replace).utf8), to: file)
        }
    }

    /// An NPS edited (a figure the card, the dashboard and `maps.json` show, which moves the map on no page) of a
    /// map that neither the catalogue's table nor its product's comparison names: those pages of every map, its tag
    /// and segment pages are the output's files with the map's card, row and entry printed again; no other map is
    /// read, the persona page is not made, and apart from the edits by hand the output is a full build's.
    @Test func aFigureOnACardIsPrintedAgainInPlace() throws {
        let first = try RenderBuild.site(RenderBuild.cardsInPlace)
        #expect(first.errors.isEmpty, "\(renderDescribe(first.diagnostics))")
        let built = first.files
        try Self.editByHand(first)
        let written = Self.writeTimes(first)
        let second = try Self.edited(first, "content/yo.md", find: "- NPS: 10", replace: "- NPS: 50")
        #expect(second.result.update?.maps == 1)
        let patched = ["index.html", "tags/crm/index.html", "tags/b2b/index.html", "segments/smb/index.html",
                       "products/lumus/index.html", "dashboard/index.html", "maps.json"]
        #expect(Set(second.result.madeSitePages).isSuperset(of: patched))
        #expect(!second.result.madeSitePages.contains("personas/rop/index.html"))
        #expect(Self.writeTimes(second)["personas/rop/index.html"] == written["personas/rop/index.html"])
        let full = try RenderBuild.fullBuild(of: second)
        #expect(patched.allSatisfy { full[$0] != nil && full[$0] != built[$0] })
        #expect(second.files == (try Self.fullBuildEditedByHand(of: second)))
    }

    /// A full build of the same site files, with the edits by hand (`handEdits`) made in it.
    private static func fullBuildEditedByHand(of site: BuiltSite) throws -> [String: [UInt8]] {
        var full = try RenderBuild.fullBuild(of: site)
        for (path, find, replace) in handEdits {
            full[path] = Array(String(decoding: try #require(full[path]), as: UTF8.self).replacingOccurrences(of: find, with: replace).utf8)
        }
        return full
    }

    /// The maps' titles in the order of the dashboard's rows.
    private static func dashboardRows(_ site: BuiltSite) -> [String] {
        (site.text("dashboard/index.html") ?? "").matches(of: /<tr><th scope="row"><a href="[^"]*">([^<]*)</).map { String($0.1) }
    }

    /// A conversion that changes what gets through, which sorts the dashboard, of maps neither the catalogue's
    /// table nor the product's comparison names: the map's row is taken out of the output's dashboard and put where
    /// it now goes, before the row of the first map that did not change and follows it (Дельта, first), or after
    /// the last such row (Дельта going back and Ёж going last, in one update, both after Гамма). The other pages
    /// are patched as for an NPS, and apart from the edits by hand the output is a full build's.
    @Test func aRowTheDashboardSortsElsewhereIsMovedThereInPlace() throws {
        let first = try RenderBuild.site(RenderBuild.cardsInPlace)
        #expect(first.errors.isEmpty, "\(renderDescribe(first.diagnostics))")
        try Self.editByHand(first)
        // The same bound for all: by title, as the catalogue sorts them (Ё as Е, after Д).
        #expect(Self.dashboardRows(first) == ["Альфа", "Бета", "Вега", "Гамма", "Дельта", "Ёж"])
        let second = try Self.edited(first, "content/d.md", find: "- Конверсия: 20%", replace: "- Конверсия: 5%")
        #expect(second.result.update?.maps == 1)
        #expect(Self.dashboardRows(second) == ["Дельта", "Альфа", "Бета", "Вега", "Гамма", "Ёж"])
        #expect(second.text("dashboard/index.html")?.contains("(правка)") == true)
        #expect(second.files == (try Self.fullBuildEditedByHand(of: second)))
        let path = RenderBuild.root + "/content/yo.md"
        let text = try #require(second.fileSystem.text(at: path))
        try second.fileSystem.write(Array(text.replacingOccurrences(of: "- Конверсия: 20%", with: "- Конверсия: 90%").utf8), to: path)
        let third = try Self.edited(second, "content/d.md", find: "- Конверсия: 5%", replace: "- Конверсия: 20%")
        #expect(third.result.update?.maps == 2)
        #expect(Self.dashboardRows(third) == ["Альфа", "Бета", "Вега", "Гамма", "Дельта", "Ёж"])
        #expect(third.text("dashboard/index.html")?.contains("36") == true)
        #expect(third.text("dashboard/index.html")?.contains("(правка)") == true)
        #expect(third.files == (try Self.fullBuildEditedByHand(of: third)))
    }

    /// Rows of other bounds around the moved one, and a map without a conversion, whose row goes last: the row is
    /// put among those of its bound by title (Дельта after Ёж, with 12 % between 8 % and 20 %), then past every
    /// bound but the missing one.
    @Test func aRowMovesAmongRowsOfOtherBoundsAndBeforeARowWithoutOne() throws {
        var site = RenderBuild.cardsInPlace
        site["content/b.md"] = site["content/b.md"]!.replacingOccurrences(of: "- Конверсия: 20%", with: "- Конверсия: 10%")
        site["content/v.md"] = site["content/v.md"]!.replacingOccurrences(of: "- Конверсия: 20%", with: "- Конверсия: 50%")
        site["content/g.md"] = site["content/g.md"]!.replacing(/- Конверсия: \d+%\n/, with: "")
        let first = try RenderBuild.site(site)
        #expect(first.errors.isEmpty, "\(renderDescribe(first.diagnostics))")
        try Self.editByHand(first)
        #expect(Self.dashboardRows(first) == ["Бета", "Альфа", "Дельта", "Ёж", "Вега", "Гамма"])
        let second = try Self.edited(first, "content/d.md", find: "- Конверсия: 20%", replace: "- Конверсия: 30%")
        #expect(second.result.update?.maps == 1)
        #expect(Self.dashboardRows(second) == ["Бета", "Альфа", "Ёж", "Дельта", "Вега", "Гамма"])
        #expect(second.files == (try Self.fullBuildEditedByHand(of: second)))
        let third = try Self.edited(second, "content/d.md", find: "- Конверсия: 30%", replace: "- Конверсия: 100%")
        #expect(third.result.update?.maps == 1)
        #expect(Self.dashboardRows(third) == ["Бета", "Альфа", "Ёж", "Вега", "Дельта", "Гамма"])
        #expect(third.files == (try Self.fullBuildEditedByHand(of: third)))
    }

    /// Two changes in one update: a stage renamed in Гамма that is not its weakest (its card is the same), which
    /// the product's comparison draws, and Ёж's NPS, printed in place: the comparison is made whole, not patched
    /// with Ёж's card alone, and the output is a full build's.
    @Test func aFigureInPlaceBesideADrawnMapsChangeRemakesTheComparison() throws {
        let first = try RenderBuild.site(RenderBuild.cardsInPlace)
        let path = RenderBuild.root + "/content/g.md"
        let text = try #require(first.fileSystem.text(at: path))
        try first.fileSystem.write(Array(text.replacingOccurrences(of: "## Поиск", with: "## Обзор").utf8), to: path)
        let second = try Self.edited(first, "content/yo.md", find: "- NPS: 10", replace: "- NPS: 50")
        #expect(second.result.update?.maps == 2)
        #expect(second.text("products/lumus/index.html")?.contains("Обзор") == true)
        #expect(second.files == (try RenderBuild.fullBuild(of: second)))
    }

    /// The same edit of a map the catalogue's table names with its figures (and the product's comparison draws):
    /// the catalogue cannot be patched, so the update reads every map and makes the pages whole, as a full build;
    /// the edits by hand are gone with them.
    @Test func aFigureOfAMapTheTableNamesRemakesThePages() throws {
        try Self.expectMadeWhole(RenderBuild.cardsInPlace, "content/a.md", find: "- NPS: 10", replace: "- NPS: 50",
                                 page: "index.html")
    }

    /// `RenderBuild.cardsInPlace` with an action of one kind and owner on each stage: the plan sorts them by their
    /// stages' scores, then conversions, then the maps' titles.
    private static let cardsWithActions = RenderBuild.cardsInPlace.mapValues { text in
        text.replacingOccurrences(of: "- NPS: 10\n", with: "- NPS: 10\n\n### Рекомендации\n- [Сайт] Упростить поиск @web\n")
            .replacingOccurrences(of: "- NPS: 30\n", with: "- NPS: 30\n\n### Рекомендации\n- [Сайт] Оплата в один шаг @web\n")
    }

    /// A conversion that moves a map's action in the plan and its row on the dashboard, of a map neither the
    /// catalogue's table nor the product's comparison names (Ёж): the action is placed again in the plan as the
    /// last build laid it out, without every map; the pages of every map are patched (the edits by hand stay);
    /// the plan's CSV has the map's rows written again and the others moved; the output is a full build's.
    @Test func aConversionThatMovesAnActionIsPlacedAgainWithoutEveryMap() throws {
        let first = try RenderBuild.site(Self.cardsWithActions)
        #expect(first.errors.isEmpty, "\(renderDescribe(first.diagnostics))")
        try Self.editByHand(first)
        // The rows of the plan's CSV of the action on Покупка, by map.
        let paying = { (site: BuiltSite) in
            (site.text("plan/plan.csv") ?? "").components(separatedBy: "\r\n").filter { $0.contains("Оплата в один шаг") }
                .map { row in ["Альфа", "Бета", "Вега", "Гамма", "Дельта", "Ёж"].first { row.contains($0) } ?? row }
        }
        #expect(paying(first) == ["Альфа", "Бета", "Вега", "Гамма", "Дельта", "Ёж"])
        let second = try Self.edited(first, "content/yo.md", find: "- Конверсия: 20%", replace: "- Конверсия: 5%")
        #expect(second.result.update?.maps == 1)
        #expect(paying(second) == ["Ёж", "Альфа", "Бета", "Вега", "Гамма", "Дельта"])
        #expect(second.text("dashboard/index.html")?.contains("(правка)") == true)
        #expect(second.text("index.html")?.contains("(правка)") == true)
        #expect(second.files == (try Self.fullBuildEditedByHand(of: second)))
    }

    /// A site's own card template: the card is not printed in place; the update equals a full build.
    @Test func aSitesOwnCardIsNotPrintedInPlace() throws {
        var files = RenderBuild.cardsInPlace
        files["templates/card.mustache"] = "{{{html}}}<!-- свой -->"
        let own = try Self.expectMadeWhole(files, "content/yo.md", find: "- NPS: 10", replace: "- NPS: 50",
                                           page: "tags/crm/index.html")
        #expect(own.text("index.html")?.contains("</li><!-- свой -->") == true)
    }

    /// `files` built, the output edited by hand (`handEdits`), `path` changed by one update: `page` is made whole,
    /// its edit gone, and the output is a full build's. Returns the update.
    @discardableResult
    private static func expectMadeWhole(_ files: [String: String], _ path: String, find: String, replace: String,
                                        page: String) throws -> BuiltSite {
        let first = try RenderBuild.site(files)
        #expect(first.errors.isEmpty, "\(renderDescribe(first.diagnostics))")
        try editByHand(first)
        let second = try edited(first, path, find: find, replace: replace)
        #expect(second.result.update?.maps == 1)
        #expect(second.text(page)?.contains("(правка)") == false)
        #expect(second.files == (try RenderBuild.fullBuild(of: second)))
        return second
    }

    /// An action that moves (its stage is now the least painful) changes the pages it left and reached.
    @Test func anActionThatMovesRemakesThePagesBetween() throws {
        let second = try Self.updatePagedPlan(find: "0 Спокойно", replace: "2 Восторг")
        #expect(second.result.madeSitePages.filter { $0.hasPrefix("plan/") }
                == ["plan/page/2/index.html", "plan/page/3/index.html", "plan/plan.csv"])
        #expect(second.text("plan/page/3/index.html")?.contains("Сравнение тарифов") == true)
        #expect(second.files == (try RenderBuild.fullBuild(of: second)))
    }

    /// An action that moves, every map keeping its place: the plan's CSV is the output's rows in their new order,
    /// copied as the file holds them (one changed there by hand stays so), and the changed map's written anew.
    @Test func anActionThatMovesMovesItsRowInThePlansCSV() throws {
        let first = try Self.builtPagedPlan()
        let whole = try Self.handEditedPlanCSV(first)
        let second = try Self.edited(first, "content/b.md", find: "0 Спокойно", replace: "2 Восторг")
        #expect(second.result.update?.maps == 1)
        let full = try RenderBuild.fullBuild(of: second)
        let rebuilt = String(decoding: try #require(full["plan/plan.csv"]), as: UTF8.self)
        let rows = rebuilt.components(separatedBy: "\r\n")
        let moved = try #require(rows.firstIndex { $0.contains("Сравнение тарифов") })
        #expect(moved > (try #require(rows.firstIndex { $0.contains("Оплата в один шаг") })))
        #expect(whole.components(separatedBy: "\r\n").firstIndex { $0.contains("Сравнение тарифов") } != moved)
        #expect(second.text("plan/plan.csv") == rebuilt.replacingOccurrences(of: "Оплата в один шаг", with: "Оплата в два шага"))
        #expect(second.files.filter { $0.key != "plan/plan.csv" } == full.filter { $0.key != "plan/plan.csv" })
    }

    /// A kind first written another way by a changed map names every row of its kind: the CSV is made whole, not
    /// its other rows copied with the old name.
    @Test func aKindRenamedByItsFirstWriterRenamesEveryRowOfThePlansCSV() throws {
        let first = try Self.builtPagedPlan()
        #expect(first.text("plan/plan.csv")?.components(separatedBy: "\r\n").filter { $0.hasPrefix("Сайт,") }.count == 3)
        let second = try Self.edited(first, "content/a.md", find: "[Сайт] Упростить вход", replace: "[САЙТ] Упростить вход")
        #expect(second.result.update?.maps == 1)
        #expect(second.text("plan/plan.csv")?.components(separatedBy: "\r\n").filter { $0.hasPrefix("САЙТ,") }.count == 3)
        #expect(second.files == (try RenderBuild.fullBuild(of: second)))
    }

    /// The last actions of the site removed: the plan's CSV goes with its pages, as a full build writes none.
    @Test func theLastActionsRemovedTakeThePlansCSVWithThem() throws {
        let first = try RenderBuild.site([
            "content/a.md": RenderBuild.russianMap(title: "Альфа", body: RenderBuild.stage(
                "Вход", score: "-2 Злость", extra: "### Рекомендации\n- [Сайт] Упростить вход\n")),
            "content/b.md": RenderBuild.russianMap(title: "Бета", body: RenderBuild.stage("Выбор")),
        ])
        #expect(first.files["plan/plan.csv"] != nil)
        let second = try Self.edited(first, "content/a.md", find: "### Рекомендации\n- [Сайт] Упростить вход\n", replace: "")
        #expect(second.result.update?.maps == 1)
        #expect(second.files["plan/plan.csv"] == nil && second.files["plan/index.html"] == nil)
        #expect(second.files == (try RenderBuild.fullBuild(of: second)))
    }

    /// A kind written first in another case names the kind on every page that shows it.
    @Test func aKindWrittenAnotherWayRenamesItsHeadings() throws {
        let second = try Self.updatePagedPlan(find: "[Сайт] Сравнение", replace: "[САЙТ] Сравнение")
        #expect(second.files == (try RenderBuild.fullBuild(of: second)))
        #expect(second.text("plan/page/3/index.html")?.contains("<h2>Сайт") == true)
    }

    /// A plan one page shorter: its last page goes, and every page's pager counts two.
    @Test func aShorterPlanLosesItsLastPage() throws {
        let second = try Self.updatePagedPlan(find: "### Рекомендации\n- [Сайт] Сравнение тарифов, как на [входе](a.md#вход)\n", replace: "")
        #expect(second.result.madeSitePages.filter { $0.hasPrefix("plan/") }
                == ["plan/index.html", "plan/page/2/index.html", "plan/plan.csv"])
        #expect(second.files["plan/page/3/index.html"] == nil)
        #expect(second.text("plan/index.html")?.contains("Страница 1 из 2") == true)
        #expect(second.files == (try RenderBuild.fullBuild(of: second)))
    }

    @Test func aMapTurnedDraftLeavesTheOutput() throws {
        let (first, second) = try Self.rebuild("content/crm/vnedrenie.md", find: "product: Лумус\n",
                                               replace: "product: Лумус\ndraft: true\n")
        #expect(first.keys.contains("crm/vnedrenie/index.html"))
        #expect(!second.files.keys.contains { $0.hasPrefix("crm/vnedrenie/") })
        #expect(second.text("index.html")?.contains("Внедрение") == false)
        #expect(second.result.mapCount == 2)
        #expect(second.result.fileCount == second.files.count)
        #expect(second.files == (try RenderBuild.fullBuild(of: second)))
    }

    /// Problems in a changed map are reported as a full build reports them, and the output stays as it was.
    @Test func aChangedMapWithAnErrorLeavesTheOutputAlone() throws {
        let (first, second) = try Self.rebuild("content/onboarding.md", find: "### Цель", replace: "### Целл")
        #expect(second.errors.map(\.code) == [.unknownLayer])
        #expect(second.result.outputPath == nil)
        #expect(second.files == first)
        // The failed build kept the record of the output it left alone: once mended, the map is an update again.
        let before = Self.writeTimes(second)
        let path = RenderBuild.root + "/content/onboarding.md"
        let text = try #require(second.fileSystem.text(at: path))
        try second.fileSystem.write(Array(text.replacingOccurrences(of: "### Целл", with: "### Цель")
            .replacingOccurrences(of: "Найти CRM.", with: "Войти.").utf8), to: path)
        let mended = try RenderBuild.build(second.fileSystem)
        #expect(mended.errors.isEmpty)
        let rewritten = Self.writeTimes(mended).filter { before[$0.key] != $0.value }.keys.sorted()
        #expect(rewritten == ["onboarding/index.html", "onboarding/journey.csv", "onboarding/journey.json",
                              "onboarding/outline.md", "onboarding/outline.mm", "onboarding/outline.opml"])
        #expect(mended.files == (try RenderBuild.fullBuild(of: mended)))
    }

    /// A change to what every page shows (here a persona) is a full build, not an update.
    @Test func aChangedPersonaRebuildsEveryPageThatShowsIt() throws {
        let (_, second) = try Self.rebuild("content/personas/rop.md", find: "Руководитель отдела продаж",
                                           replace: "Директор по продажам")
        #expect(second.text("crm/vybor/index.html")?.contains("Директор по продажам") == true)
        #expect(second.text("index.html")?.contains("Директор по продажам") == true)
        #expect(second.files == (try RenderBuild.fullBuild(of: second)))
    }

    /// A file deleted from the output is written again, though no input changed: the record lists every file.
    /// The theme's folder, the output's marker, goes with its one file: the record still tells the output is tropa's.
    @Test(arguments: ["crm/vnedrenie/outline.mm", "index.html", "personas/rop/index.html", "_tropa/style.css"])
    func aFileDeletedFromTheOutputIsWrittenAgain(_ deleted: String) throws {
        let first = try RenderBuild.site(Self.maps)
        let bytes = try #require(first.files[deleted])
        try first.fileSystem.removeItem(first.output + "/" + deleted)
        let second = try RenderBuild.build(first.fileSystem)
        #expect(!second.result.upToDate)
        #expect(second.files[deleted] == bytes)
        #expect(second.files == first.files)
        #expect(try RenderBuild.build(second.fileSystem).result.upToDate)
    }

    /// The same after an update: the record it writes lists every file too, and a map changed while a file is
    /// missing still brings the file back.
    @Test func aFileDeletedAfterAnUpdateIsWrittenAgain() throws {
        let (_, updated) = try Self.rebuild("content/onboarding.md", find: "Найти CRM.", replace: "Войти.")
        #expect(!updated.result.upToDate)
        let expected = updated.files
        try updated.fileSystem.removeItem(updated.output + "/index.html")
        let again = try RenderBuild.build(updated.fileSystem)
        #expect(again.files == expected)
        let path = "/site/content/onboarding.md"
        let text = try #require(again.fileSystem.text(at: path))
        try again.fileSystem.write(Array(text.replacingOccurrences(of: "Войти.", with: "Войти снова.").utf8), to: path)
        try again.fileSystem.removeItem(again.output + "/crm/vybor/outline.mm")
        let last = try RenderBuild.build(again.fileSystem)
        #expect(last.text("onboarding/index.html")?.contains("Войти снова.") == true)
        #expect(last.files["crm/vybor/outline.mm"] == expected["crm/vybor/outline.mm"])
        #expect(last.files == (try RenderBuild.fullBuild(of: last)))
    }

    /// The maps' facts beside the record, damaged in each way a file can be: gone, cut short, edited in place (the
    /// same size), or another build's of the same size (a stage of another name).
    enum FactsDamage: String, CaseIterable, Sendable { case missing, cutShort, edited, anotherBuilds }

    private static func damage(_ site: BuiltSite, _ damage: FactsDamage) throws {
        let facts = OutputWriter(fileSystem: site.fileSystem, output: site.output).facts
        let bytes = try site.fileSystem.read(facts)
        switch damage {
        case .missing:
            try site.fileSystem.removeItem(facts)
        case .cutShort:
            try site.fileSystem.write(Array(bytes.dropLast()), to: facts)
        case .edited:
            // A letter for another of the same size, in the stage of a map no change touches.
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.contains("Настройка"))
            try site.fileSystem.write(Array(text.replacingOccurrences(of: "Настройка", with: "Настройкб").utf8), to: facts)
        case .anotherBuilds:
            var maps = Self.maps
            maps["content/crm/vnedrenie.md"] = maps["content/crm/vnedrenie.md"]!.replacingOccurrences(of: "Настройка", with: "Настройкб")
            let other = try RenderBuild.site(maps)
            let foreign = try other.fileSystem.read(OutputWriter(fileSystem: other.fileSystem, output: other.output).facts)
            #expect(foreign.count == bytes.count && foreign != bytes)
            try site.fileSystem.write(foreign, to: facts)
        }
    }

    /// Facts that are not the ones the record names are never taken for them: an update becomes a full build, whose
    /// output is a fresh build's (the comparison of the two CRM maps shows the stage as it is), and which keeps
    /// facts the next build takes.
    @Test(arguments: FactsDamage.allCases)
    func factsNotTheRecordsMakeAnUpdateAFullBuild(_ damage: FactsDamage) throws {
        let first = try RenderBuild.site(Self.maps)
        try Self.damage(first, damage)
        let before = Self.writeTimes(first)
        let path = RenderBuild.root + "/content/crm/vybor.md"
        let text = try #require(first.fileSystem.text(at: path))
        try first.fileSystem.write(Array(text.replacingOccurrences(of: "title: Выбор CRM", with: "title: Выбор системы").utf8),
                                   to: path)
        let second = try RenderBuild.build(first.fileSystem)
        #expect(second.text("index.html")?.contains("Выбор системы") == true)
        #expect(second.files == (try RenderBuild.fullBuild(of: second)))
        #expect(!second.files.keys.contains { second.files[$0] == first.files[$0] && Self.writeTimes(second)[$0] == before[$0] },
                "every file is written again")
        #expect(try RenderBuild.build(second.fileSystem).result.upToDate)
    }

    /// A build with nothing changed reads no facts, but a facts file missing or of another size than the record
    /// names makes it a full build, which writes them again; facts of the right size are checked by the update
    /// that reads them (above).
    @Test(arguments: FactsDamage.allCases)
    func aFactsFileMissingOrCutShortMakesANoChangeBuildAFullOne(_ damage: FactsDamage) throws {
        let first = try RenderBuild.site(Self.maps)
        try Self.damage(first, damage)
        let again = try RenderBuild.build(first.fileSystem)
        #expect(again.result.upToDate == (damage == .edited || damage == .anotherBuilds))
        #expect(again.files == first.files)
        if !again.result.upToDate { #expect(try RenderBuild.build(again.fileSystem).result.upToDate) }
    }

    /// An update stopped while it moved its new files in (the pages of a tag a map was given; here by a failing
    /// move) is finished by the next build.
    @Test func anInterruptedUpdateIsFinishedByTheNextBuild() throws {
        let first = try RenderBuild.site(Self.maps)
        let path = "/site/content/onboarding.md"
        let text = try #require(first.fileSystem.text(at: path))
        try first.fileSystem.write(Array(text.replacingOccurrences(of: "title: Первый день", with: "title: Первый день\ntags: [вход]").utf8), to: path)
        // The journal's own move allowed, the tag's page's not.
        let failing = FaultyFileSystem(memory: first.fileSystem, movesAllowed: 1)
        #expect(throws: SiteError.self) { try SiteBuilder(fileSystem: failing).build(root: RenderBuild.root) }
        #expect(first.fileSystem.kind(at: "/site/.public.tropa-journal") == .file)
        #expect(first.fileSystem.kind(at: "/site/public/tags/vkhod/index.html") == nil)
        let next = try RenderBuild.build(first.fileSystem)
        #expect(next.text("tags/vkhod/index.html")?.contains("Первый день") == true)
        #expect(next.files == (try RenderBuild.fullBuild(of: next)))
        #expect(!next.fileSystem.contents.keys.contains { $0.contains(".tropa-journal") || $0.contains(".tropa-staging") })
    }
}

extension IncrementalBuildTests {
    /// An update stopped half way through an edit of a file where it is (the dashboard's row of a map whose NPS
    /// changed) is finished before the next build does anything else: a next build that fails on a broken map
    /// leaves the output as that update made it, whole.
    @Test func anUpdateStoppedHalfWayThroughAnEditIsFinishedBeforeTheNextBuild() throws {
        let first = try RenderBuild.site(RenderBuild.cardsInPlace)
        let path = RenderBuild.root + "/content/yo.md"
        let text = try #require(first.fileSystem.text(at: path))
        try first.fileSystem.write(Array(text.replacingOccurrences(of: "- NPS: 10", with: "- NPS: 50").utf8), to: path)
        let updated = try RenderBuild.fullBuild(of: first)
        let before = first.files
        let tearing = FaultyFileSystem(memory: first.fileSystem, tearsEdits: true)
        #expect(throws: SiteError.self) { try SiteBuilder(fileSystem: tearing).build(root: RenderBuild.root) }
        #expect(tearing.editsTried > 1)
        #expect(first.fileSystem.kind(at: "/site/.public.tropa-journal") == .file)
        func differing() -> [String] {
            let files = first.files
            return Set(files.keys).union(updated.keys).filter { files[$0] != updated[$0] }.sorted()
        }
        // One edit half written, the others not begun: one file neither as it was nor as the update makes it, and
        // every other as it was.
        let files = first.files
        let torn = Set(files.keys).union(before.keys).filter { files[$0] != before[$0] && files[$0] != updated[$0] }
        #expect(torn.count == 1)
        #expect(Set(files.keys).union(before.keys).subtracting(torn).allSatisfy { files[$0] == before[$0] })
        #expect(differing().contains("dashboard/index.html") && differing().contains("yo/index.html"))
        let broken = RenderBuild.root + "/content/a.md"
        try first.fileSystem.write(Array("---\ntitle: [\n---\n".utf8), to: broken)
        let failed = try RenderBuild.build(first.fileSystem)
        #expect(!failed.errors.isEmpty && failed.result.outputPath == nil)
        #expect(differing() == [])
        #expect(!first.fileSystem.contents.keys.contains { $0.contains(".tropa-journal") || $0.contains(".tropa-staging") })
    }
}

/// A measurements file is an input of its map: not copied, and a change to it shows on the map's page.
@Suite struct MeasurementBuildTests {
    static let map = RenderBuild.russianMap(extraFrontMatter: "measurements: m.csv\nreview: quarterly\n",
                                            body: RenderBuild.stage("Поиск", extra: "### Метрики\n- Конверсия: 30%\n"))

    /// A measurement that meets the target the map's own figure missed: the cell is judged on the measurement.
    @Test func aMeasurementThatMeetsTheTargetIsNotMissed() throws {
        let map = Self.map.replacingOccurrences(of: "- Конверсия: 30%\n", with: "- Конверсия: 30% (цель 40%)\n")
        let csv = "date,stage,metric,value\n2024-03-01,Поиск,Конверсия,45%\n"
        let built = try RenderBuild.site(["tropa.yml": "language: ru\n", "content/map.md": map, "content/m.csv": csv])
        let page = try #require(built.text("map/index.html"))
        #expect(page.contains("<div><dt>Конверсия</dt><dd>30\u{00A0}% <span class=\"measured\">замер 1 марта 2024: 45\u{00A0}%</span> "
            + "<span class=\"target\">(цель 40\u{00A0}%)</span></dd></div>"))
        let missed = csv.replacingOccurrences(of: "45%", with: "35%")
        let below = try RenderBuild.site(["tropa.yml": "language: ru\n", "content/map.md": map, "content/m.csv": missed])
        #expect(try #require(below.text("map/index.html")).contains("<div class=\"missed\"><dt>Конверсия</dt><dd>30\u{00A0}% "
            + "<span class=\"measured\">замер 1 марта 2024: 35\u{00A0}%</span> <span class=\"target\">(цель 40\u{00A0}%, не достигнута)</span>"))
    }

    /// A trend draws the target it is judged on: the latest row's, else the one the map writes for the stage and
    /// metric in the same unit; the caption says it, and whether the latest value falls short of it.
    @Test func aTrendSaysItsTargetAndWhetherItIsMissed() throws {
        func caption(map: String, csv: String) throws -> (caption: String, page: String) {
            let built = try RenderBuild.site(["tropa.yml": "language: ru\n", "content/map.md": map, "content/m.csv": csv])
            let page = try #require(built.text("map/index.html"))
            let caption = try #require(page.range(of: "<figcaption>").flatMap { start in
                page.range(of: "</figcaption>", range: start.upperBound..<page.endIndex).map { String(page[start.upperBound..<$0.lowerBound]) }
            })
            return (caption, page)
        }
        let csv = "date,stage,metric,value\n2024-02-01,Поиск,Конверсия,35%\n2024-03-01,Поиск,Конверсия,42%\n"
        let targeted = Self.map.replacingOccurrences(of: "- Конверсия: 30%\n", with: "- Конверсия: 30% (цель 40%)\n")
        let met = try caption(map: targeted, csv: csv)
        #expect(met.caption.hasSuffix("42\u{00A0}% (+7\u{00A0}п.\u{00A0}п. с 1 февраля 2024; цель 40\u{00A0}%)"), "\(met.caption)")
        #expect(met.page.contains("<desc id=\"trend-1-desc\">1 февраля 2024: 35\u{00A0}%; 1 марта 2024: 42\u{00A0}%; цель 40\u{00A0}%</desc>"))
        #expect(met.page.contains("<g class=\"target\"><line "))
        // The latest row's own target stands over the map's.
        let raised = try caption(map: targeted, csv: csv.replacingOccurrences(of: ",42%\n", with: ",\"42% (цель 50%)\"\n"))
        #expect(raised.caption.hasSuffix("; цель 50\u{00A0}%, не достигнута)"), "\(raised.caption)")
        // Without a target anywhere, nothing is said and no line drawn.
        let none = try caption(map: Self.map, csv: csv)
        #expect(!none.caption.contains("цель") && !none.page.contains("class=\"target\"><line"))
        // A duration is missed above its target; one the map writes in weeks is drawn in the rows' days, and the
        // table's cell judges the measurement on it too.
        let days = "date,stage,metric,value\n2024-02-01,Поиск,Длительность,10 дней\n2024-03-01,Поиск,Длительность,8 дней\n"
        let duration = try caption(map: Self.map.replacingOccurrences(of: "- Конверсия: 30%\n", with: "- Длительность: 9 дней (цель 7 дней)\n"), csv: days)
        #expect(duration.caption.hasSuffix("; цель 7\u{00A0}дней, не достигнута)"), "\(duration.caption)")
        let weeks = try caption(map: Self.map.replacingOccurrences(of: "- Конверсия: 30%\n", with: "- Длительность: 2 недели (цель 1 неделя)\n"), csv: days)
        #expect(weeks.caption.hasSuffix("; цель 7\u{00A0}дней, не достигнута)"), "\(weeks.caption)")
        #expect(weeks.page.contains("<span class=\"target\">(цель 7\u{00A0}дней, не достигнута)</span>"), "the cell: \(weeks.page)")
    }

    /// Every row of the file is on the page: a metric measured once (its value and date), and one measured before the
    /// map was updated, which the figures do not take, and which is warned of at `updated`.
    @Test func aMetricMeasuredOnceOrBeforeTheUpdateIsShown() throws {
        let map = Self.map.replacingOccurrences(of: "review: quarterly\n", with: "updated: 2024-03-01\n")
            .replacingOccurrences(of: "- Конверсия: 30%\n", with: "- Конверсия: 30%\n- Лиды: 100\n")
        let csv = "date,stage,metric,value\n2024-03-01,Поиск,Лиды,120\n2024-02-01,Поиск,NPS,-5\n"
        let built = try RenderBuild.site(["tropa.yml": "language: ru\n", "content/map.md": map, "content/m.csv": csv])
        #expect(built.diagnostics.map { "\($0.location.line):\($0.code.rawValue):\($0.message(in: .ru))" }
                    == ["4:measurements-before-updated:замеры (последний — 1 февраля 2024) раньше даты карты, 1 марта 2024: оценка их не учитывает"])
        let page = try #require(built.text("map/index.html"))
        #expect(page.contains("<figcaption><strong>Лиды</strong> — Поиск: 120 (замер 1 марта 2024)</figcaption>"))
        #expect(page.contains("<figcaption><strong>NPS</strong> — Поиск: −5 (замер 1 февраля 2024)</figcaption>"))
        // The page says why its figures are the map's own.
        #expect(page.contains("Замеры «NPS» (последний — 1 февраля 2024) сделаны раньше даты карты, 1 марта 2024: в оценке — цифры карты."))
        // The earlier NPS stands for no figure: the cell of the map's own is not told of it.
        #expect(page.contains("<span class=\"measured\">замер 1 марта 2024: 120</span>"))
        #expect(!page.contains("<span class=\"measured\">замер 1 февраля 2024"))
    }

    /// Two rows of one day: the second is warned of and counts; the trend compares it with the day before, not with
    /// the first row of its own day.
    @Test func aSecondRowOfADayCountsAndIsWarnedOf() throws {
        let csv = "date,stage,metric,value\n2024-02-01,Поиск,NPS,10\n2024-03-01,Поиск,NPS,-5\n2024-03-01,Поиск,NPS,-40\n"
        let built = try RenderBuild.site(["tropa.yml": "language: ru\n", "content/map.md": Self.map, "content/m.csv": csv])
        #expect(built.diagnostics.found == [Found(.measurementTwice, .warning, 4, 1)])
        #expect(built.diagnostics.first?.message(in: .ru) == "замер «NPS» этапа «Поиск» за 1 марта 2024 уже есть в строке 3; учитывается этот: -40")
        let page = try #require(built.text("map/index.html"))
        #expect(page.contains("−40 (−50 с 1 февраля 2024)"), "\(page)")
        #expect(!page.contains("с 1 марта 2024"))
    }

    /// A warning in a measurements file is its map's: the next builds read that map again and report it.
    @Test func aWarningInTheMeasurementsIsReportedByEveryRebuild() throws {
        let csv = "date,stage,metric,value\n2024-03-01,Поиск,Конверсиа,42%\n"
        let built = try RenderBuild.site(["tropa.yml": "language: ru\n", "content/map.md": Self.map, "content/m.csv": csv])
        #expect(built.diagnostics.found == [Found(.unknownMetric, .warning, 2, 18)])
        #expect(built.diagnostics.map(\.location.file) == ["content/m.csv"])
        let writer = OutputWriter(fileSystem: built.fileSystem, output: built.output)
        #expect(writer.record()?.warnedMaps == ["content/map.md"])
        let record = try built.fileSystem.read(writer.cache)
        let again = try RenderBuild.build(built.fileSystem)
        #expect(again.result.upToDate && again.diagnostics == built.diagnostics)
        #expect(again.result.check.sources["content/m.csv"] != nil)
        #expect(try again.fileSystem.read(writer.cache) == record, "nothing differs: the record is left as it was")
        // A page the output lost makes it a full build, which writes the page again and reports the same.
        try again.fileSystem.removeItem(again.output + "/map/journey.json")
        let whole = try RenderBuild.build(again.fileSystem)
        #expect(!whole.result.upToDate && whole.result.update == nil && whole.files["map/journey.json"] != nil)
        #expect(whole.diagnostics == built.diagnostics)
    }

    @Test func theCSVIsReadNotCopiedAndAChangeRebuildsTheMap() throws {
        let csv = "date,stage,metric,value\n2024-02-01,Поиск,Конверсия,35%\n2024-03-01,Поиск,Конверсия,42%\n"
        let built = try RenderBuild.site(["tropa.yml": "language: ru\n", "content/map.md": Self.map, "content/m.csv": csv, "content/data.csv": "a,b\n"])
        #expect(built.result.outputPath != nil, "\(renderDescribe(built.result.check.diagnostics))")
        #expect(built.files["m.csv"] == nil, "the measurements are the map's input, not a static file")
        #expect(built.files["data.csv"] != nil, "a CSV no map names is a static file as before")
        let page = try #require(built.text("map/index.html"))
        #expect(page.contains("class=\"tropa-chart tropa-trend\""))
        #expect(page.contains("42\u{00A0}% (+7\u{00A0}п.\u{00A0}п. с 1 февраля 2024)"))
        #expect(page.contains("<dt>Последний замер</dt><dd><time datetime=\"2024-03-01\">1 марта 2024</time></dd>"))
        #expect(page.contains("<dt>Следующий замер</dt><dd><time datetime=\"2024-06-01\">1 июня 2024</time></dd>"))
        #expect(page.contains("Цифры этапов — по последним замерам (самый поздний — 1 марта 2024), где их нет — по цифрам карты."))
        // The table keeps the map's 30 % and tells the measurement the funnel uses under it.
        #expect(page.contains("<dt>Конверсия</dt><dd>30\u{00A0}% <span class=\"measured\">замер 1 марта 2024: 42\u{00A0}%</span></dd>"))

        try built.fileSystem.write(Array((csv + "2024-04-01,Поиск,Конверсия,47%\n").utf8), to: RenderBuild.root + "/content/m.csv")
        let again = try RenderBuild.build(built.fileSystem)
        #expect(!again.result.upToDate)
        // A third measurement: where the trend began is told too, and each point's date and value on hover.
        #expect(again.text("map/index.html")?.contains("47\u{00A0}% (+5\u{00A0}п.\u{00A0}п. с 1 марта 2024; первый замер 1 февраля 2024: 35\u{00A0}%)") == true)
        #expect(again.text("map/index.html")?.contains("<title>1 апреля 2024: 47\u{00A0}%</title></circle>") == true)
        #expect(again.text("map/index.html")?.contains("<span class=\"measured\">замер 1 апреля 2024: 47\u{00A0}%</span>") == true)
        #expect(again.files["m.csv"] == nil)
        #expect(try RenderBuild.build(again.fileSystem).result.upToDate)

        // A change to the map alone is an update, which copies no more than the full build did.
        let changed = Self.map.replacingOccurrences(of: "Найти CRM.", with: "Найти CRM быстро.")
        try again.fileSystem.write(Array(changed.utf8), to: RenderBuild.root + "/content/map.md")
        let update = try RenderBuild.build(again.fileSystem)
        #expect(update.result.outputPath != nil && update.result.update != nil, "an update, not a full build")
        #expect(update.text("map/index.html")?.contains("Найти CRM быстро.") == true)
        #expect(update.files["m.csv"] == nil)
        #expect(update.files["data.csv"] != nil)
    }

    /// The dashboard's row and `maps.json`'s entry say when the map was last measured and when it is next due (the
    /// monitor's view across maps); a row added to the measurements moves both on, in an update that writes what a
    /// full build writes.
    @Test func theDashboardAndMapsJSONTellTheReview() throws {
        let csv = "date,stage,metric,value\n2024-03-01,Поиск,Конверсия,42%\n"
        let built = try RenderBuild.site(["tropa.yml": "language: ru\n", "content/map.md": Self.map, "content/m.csv": csv])
        let cell = { (last: String, lastISO: String, next: String, nextISO: String) in
            "<td class=\"review\"><time datetime=\"\(lastISO)\">\(last)</time><br><span class=\"next\">следующий: "
                + "<time datetime=\"\(nextISO)\">\(next)</time></span></td></tr>"
        }
        let entry = { (last: String, next: String) in
            "\"review\" : {\n        \"every\" : {\n          \"months\" : 3\n        },\n        \"last\" : \"\(last)\",\n"
                + "        \"measured\" : true,\n        \"next\" : \"\(next)\"\n      },"
        }
        #expect(built.text("dashboard/index.html")?.contains("<th scope=\"col\">Последний замер</th></tr></thead>") == true)
        #expect(built.text("dashboard/index.html")?.contains(cell("1 марта 2024", "2024-03-01", "1 июня 2024", "2024-06-01")) == true)
        #expect(built.text("maps.json")?.contains(entry("2024-03-01", "2024-06-01")) == true, "\(built.text("maps.json") ?? "")")

        // Measured again, the same figure: no card changes; the row and the entry are printed again in place.
        try built.fileSystem.write(Array((csv + "2024-04-01,Поиск,Конверсия,42%\n").utf8), to: RenderBuild.root + "/content/m.csv")
        let again = try RenderBuild.build(built.fileSystem)
        #expect(again.result.update != nil, "an update, not a full build")
        #expect(again.text("dashboard/index.html")?.contains(cell("1 апреля 2024", "2024-04-01", "1 июля 2024", "2024-07-01")) == true)
        #expect(again.text("maps.json")?.contains(entry("2024-04-01", "2024-07-01")) == true)
        #expect(again.files == (try RenderBuild.fullBuild(of: again)))
    }

    /// A map with a review period and no measurements: its own figures stand as the last review, on the day of
    /// `updated`, which the dashboard and the page say, and `maps.json` marks.
    @Test func aReviewWithoutMeasurementsIsTheMapsDate() throws {
        let map = Self.map.replacingOccurrences(of: "measurements: m.csv\n", with: "updated: 2024-03-01\n")
        let built = try RenderBuild.site(["tropa.yml": "language: ru\n", "content/map.md": map])
        #expect(built.text("dashboard/index.html")?.contains("<td class=\"review\"><time datetime=\"2024-03-01\">1 марта 2024</time> "
            + "(дата карты)<br><span class=\"next\">следующий: <time datetime=\"2024-06-01\">1 июня 2024</time></span></td>") == true)
        #expect(built.text("map/index.html")?.contains("<dt>Последний замер</dt><dd><time datetime=\"2024-03-01\">1 марта 2024</time> "
            + "(дата карты)</dd>") == true)
        #expect(built.text("maps.json")?.contains("\"last\" : \"2024-03-01\",\n        \"measured\" : false,") == true)
    }

    /// A map that stops naming its measurements leaves a file of the site, which a full build copies: so does the
    /// build after that change, as long as no other map still names the file.
    @Test func aFileNoMapNamesAnyMoreIsCopied() throws {
        let csv = "date,stage,metric,value\n2024-03-01,Поиск,Конверсия,42%\n"
        let other = Self.map.replacingOccurrences(of: "title: ", with: "title: Другая ")
        var site = ["tropa.yml": "language: ru\n", "content/map.md": Self.map, "content/other.md": other, "content/m.csv": csv]
        let built = try RenderBuild.site(site)
        #expect(built.result.outputPath != nil && built.files["m.csv"] == nil)

        // Still named by the other map: read, not copied.
        site["content/map.md"] = Self.map.replacingOccurrences(of: "measurements: m.csv\n", with: "")
        try built.fileSystem.write(Array(site["content/map.md"]!.utf8), to: RenderBuild.root + "/content/map.md")
        let one = try RenderBuild.build(built.fileSystem)
        #expect(one.result.update != nil, "the other map still names it: the build stays an update")
        #expect(one.files["m.csv"] == nil)

        // Named by none: copied, as the full build of the same site copies it.
        site["content/other.md"] = other.replacingOccurrences(of: "measurements: m.csv\n", with: "")
        try one.fileSystem.write(Array(site["content/other.md"]!.utf8), to: RenderBuild.root + "/content/other.md")
        let none = try RenderBuild.build(one.fileSystem)
        #expect(none.result.update == nil && !none.result.upToDate, "the build is made whole")
        #expect(none.files["m.csv"] == Array(csv.utf8))
        let whole = try RenderBuild.site(site)
        #expect(none.files.keys.sorted() == whole.files.keys.sorted())
        let same = none.files == whole.files
        #expect(same, "every file as the full build writes it")
    }
}
