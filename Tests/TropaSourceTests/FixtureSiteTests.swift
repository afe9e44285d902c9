import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaBuild
import TropaTesting

/// The valid fixture sites check clean and are read into the model as their authors meant.
@Suite struct FixtureSiteTests {
    @Test func russianSiteHasNoProblems() throws {
        let result = try Fixtures.check(Fixtures.site("valid-ru"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let site = try #require(result.site)
        #expect(site.config.language == .ru)
        #expect(site.config.title == "Карты пути клиента Lumus")
        #expect(result.facts.map(\.slug).sorted() == ["english-headings", "lumus/head-of-sales", "marketing/marketolog"])
        #expect(site.personas.map(\.id).sorted() == ["head-of-sales", "marketer"])
        #expect(site.staticFiles.map(\.outputPath) == ["img/logo.svg"])
    }

    @Test func russianMapReadsEveryLayerKind() throws {
        let result = try Fixtures.check(Fixtures.site("valid-ru"))
        _ = try #require(result.site)
        let map = try #require(result.journey(slug: "lumus/head-of-sales"))
        #expect(map.title == "Руководитель отдела продаж выбирает конструктор скриптов")
        #expect(map.personaID == "head-of-sales")
        #expect(map.product == "Lumus")
        #expect(map.segment == "B2B")
        #expect(map.tags == ["saas", "скрипты продаж"])
        #expect(map.updated == "2024-03-01")
        #expect(map.draft == false)
        #expect(map.introduction.html.contains("<strong>amoCRM</strong>"))
        #expect(map.stages.map(\.name) == ["Осознание потребности", "Поиск решения", "Покупка"])
        #expect(map.stages[0].description.plain == "Менеджеры не выполняют план второй месяц подряд.")

        let search = map.stages[1]
        #expect(search.layers.map(\.layerID)
            == ["goal", "actions", "touchpoints", "expectations", "emotions", "barriers", "metrics", "recommendations"])
        #expect(search.layer(id: "goal")?.content.richText?.plain
            == "Найти способ улучшить текущие скрипты, не обучая всю команду заново.")
        #expect(search.layer(id: "expectations")?.content.richText?.html.contains("<em>сразу</em>") == true)
        #expect(search.layer(id: "actions")?.content.items?.map(\.text.plain)
            == ["Ищет статьи о скриптах продаж", "Читает тематические форумы", "Спрашивает коллег в Telegram-чате"])
        #expect(search.layer(id: "emotions")?.content.points?.map(\.score) == [0, 1, -1])
        #expect(search.layer(id: "emotions")?.content.points?.map(\.label)
            == ["Нейтрально: поиск решения — рабочая задача", "Интерес: нашёл сервис с конструктором",
                "Сомнение: а если команда не примет?"])
        let metrics = try #require(search.layer(id: "metrics")?.content.values)
        #expect(metrics.map(\.metricID) == ["conversion", "nps", "duration"])
        #expect(metrics.map(\.value) == [35, 20, 1])
        #expect(metrics.map(\.unit) == [.percent, .plain, .duration(.month)])

        let purchase = map.stages[2]
        #expect(purchase.layer(id: "emotions")?.content.points?.map(\.score) == [1, 2])
        #expect(purchase.layer(id: "experience")?.content.items?.map(\.tone) == [.positive, .negative])
        let figures = try #require(purchase.layer(id: "metrics")?.content.values)
        #expect(figures.map(\.metricID) == ["conversion", "csat", nil, "duration"])
        #expect(figures.map(\.value) == [12.5, 90, 45_000, 3])
        #expect(figures.map(\.unit) == [.percent, .percent, .other("₽"), .duration(.day)])
    }

    @Test func englishLayerNamesPassInARussianSite() throws {
        let result = try Fixtures.check(Fixtures.site("valid-ru"))
        _ = try #require(result.site)
        let map = try #require(result.journey(slug: "english-headings"))
        #expect(map.stages.map(\.name) == ["Renewal notice", "Renewal:"])
        #expect(map.stages[0].layers.map(\.layerID) == ["goal", "actions", "questions", "touchpoints", "expectations",
                                                         "emotions", "experience", "barriers", "metrics",
                                                         "recommendations"])
        // Lower case, a plural alias with a colon, and the KPI alias.
        #expect(map.stages[1].layers.map(\.heading) == ["Goals:", "action", "emotion", "KPI"])
        #expect(map.stages[1].layers.map(\.layerID) == ["goal", "actions", "emotions", "metrics"])
        #expect(map.stages[0].layer(id: "metrics")?.content.values?.map(\.unit)
            == [.percent, .duration(.week), .plain])
    }

    @Test func aliasesAndCyrillicPathsInTheSecondMap() throws {
        let result = try Fixtures.check(Fixtures.site("valid-ru"))
        let site = try #require(result.site)
        let map = try #require(site.journeys.first { $0.path == "content/маркетинг/маркетолог.md" })
        #expect(result.facts.first { $0.path == map.path }?.slug == "marketing/marketolog")
        #expect(map.tags == ["аналитика"])
        #expect(map.stages[0].layers.map(\.layerID) == ["goal", "actions", "touchpoints", "emotions", "metrics"])
        #expect(map.stages[0].layer(id: "emotions")?.content.points?.map(\.score) == [0, -1])
        let values = try #require(map.stages[0].layer(id: "metrics")?.content.values)
        #expect(values.map(\.value) == [4.5, 3, 1200])
        #expect(values.map(\.unit) == [.percent, .duration(.day), .plain])
        #expect(map.stages[1].layer(id: "metrics")?.content.values?.map(\.metricID) == ["nps", "csat"])
    }

    @Test func personasAreReadWithTheirSections() throws {
        let result = try Fixtures.check(Fixtures.site("valid-ru"))
        let site = try #require(result.site)
        let persona = try #require(site.persona(id: "head-of-sales"))
        #expect(persona.name == "Руководитель отдела продаж")
        #expect(persona.role == "B2B, отдел из 10 менеджеров")
        #expect(persona.sections.map(\.kind) == [.motives, .scenarios, .drivers, .barriers])
        #expect(persona.section(.drivers)?.content.plain.contains("amoCRM") == true)
    }

    @Test func customSchemaSiteHasNoProblems() throws {
        let result = try Fixtures.check(Fixtures.site("custom-schema"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let site = try #require(result.site)
        #expect(site.schema.scale == -5...5)
        #expect(site.schema.layers.map(\.id) == ["situation", "steps", "mood", "experience", "pains", "kpi", "ideas"])
        #expect(site.schema.layers.map(\.kind) == [.text, .list, .emotion, .list, .list, .metrics, .text])
        #expect(site.schema.layer(id: "steps")?.title.text(in: .ru, fallback: "") == "Шаги пациента")
        #expect(site.schema.metric(named: "Удовлетворенность")?.range == 0...10)
        #expect(site.persona(id: "patient")?.sections.map(\.kind) == [.motives, .scenarios, .drivers, .barriers])
    }

    @Test func customSchemaMapsUseItsLayersScaleAndMetrics() throws {
        let result = try Fixtures.check(Fixtures.site("custom-schema"))
        _ = try #require(result.site)
        let map = try #require(result.journey(slug: "clinic/zapis"))
        #expect(map.updated == "2024-02-10")
        #expect(map.stages[0].layers.map(\.layerID) == ["situation", "steps", "mood", "experience", "pains", "kpi"])
        #expect(map.stages[0].layer(id: "mood")?.content.points?.map(\.score) == [-4, -2.5, 3])
        #expect(map.stages[0].layer(id: "experience")?.content.items?.map(\.tone) == [.positive, .negative])
        let values = try #require(map.stages[0].layer(id: "kpi")?.content.values)
        #expect(values.map(\.metricID) == ["calls", "show-up", "wait", nil])
        #expect(values.map(\.unit) == [.plain, .percent, .duration(.day), .other("₽")])
        #expect(map.stages[1].layer(id: "mood")?.content.points?.map(\.score) == [-1, 5])
        #expect(map.stages[1].layer(id: "kpi")?.content.values?.map(\.value) == [8.5, 25])

        let english = try #require(result.journey(slug: "clinic/analizy"))
        #expect(english.stages[0].layers.map(\.layerID) == ["situation", "steps", "mood", "pains", "kpi"])
        #expect(english.stages[0].layer(id: "mood")?.content.points?.map(\.score) == [0, -3])
    }

    @Test func theDefaultSchemaDoesNotReadTheCustomSite() throws {
        // The custom layers are unknown without the schema file: proof that schema.yml was applied.
        var files: [String: String] = [:]
        let folder = Fixtures.site("custom-schema").appendingPathComponent("content/clinic")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files["content/clinic/" + name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        files["content/personas/patient.md"] = "---\nname: Пациент\n---\n"
        let result = try Check.site(files)
        #expect(result.diagnostics.codes.contains(.unknownLayer))
        #expect(result.diagnostics.contains { $0.message(in: .en) == "unknown layer \"Situation\" in stage \"Results\"" })
    }
}
