import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAnalysis
@testable import TropaBuild
@testable import TropaAuthoring
import TropaTesting

/// `tropa report`: the evaluation of every map as JSON for programs, Markdown for CI summaries and text.
@Suite struct JourneyReportTests {
    static func report(_ fixture: String) throws -> JourneyReport {
        let memory = try RenderFixtures.memory(fixture)
        let result = try SiteChecker(fileSystem: memory).check(root: RenderBuild.root)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return JourneyReport(site: try #require(result.site), facts: result.facts)
    }

    static func json(_ fixture: String) throws -> [String: Any] {
        let text = try report(fixture).render(.json)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let maps = try #require(object?["maps"] as? [[String: Any]])
        #expect(maps.count == 1)
        return try #require(maps.first)
    }

    /// The ru-persona fixture, field by field: three stages with conversion, NPS and duration, an audience of 1 200.
    @Test func jsonHoldsEveryFieldOfTheMap() throws {
        let map = try Self.json("ru-persona")
        #expect(map["slug"] as? String == "lumus/skripty")
        #expect(map["title"] as? String == "РОП выбирает конструктор скриптов")
        #expect(map["path"] as? String == "content/lumus/skripty.md")
        #expect(map["draft"] as? Bool == false)
        #expect(map["audience"] as? Double == 1200)
        #expect(map["evidence"] as? String == "interviews")
        // 18 % of 35 % of 90 %.
        #expect(map["reach"] as? Double == 5.67)
        #expect(map["reach_at_most"] as? Double == 5.67)
        #expect(map["weakest_stage"] as? String == "Осознание потребности")
        #expect(map["weakest_conversion"] as? Double == 18)
        #expect(map["sharpest_pain"] as? String == "Осознание потребности")
        #expect(map["average_nps"] as? Double == 18.33)
        #expect(map["lowest_emotion"] as? Double == -2)
        let duration = try #require(map["duration"] as? [String: Any])
        // 2–3 weeks counted as 2.5, a month as 30 days, and 3 days.
        #expect(duration["total_days"] as? Double == 50.5)
        #expect(duration["estimate"] as? Bool == true)
        #expect(duration["stages_with_duration"] as? Int == 3)
        let stages = try #require(map["stages"] as? [[String: Any]])
        #expect(stages.map { $0["name"] as? String } == ["Осознание потребности", "Поиск решения", "Покупка"])
        #expect(stages.map { $0["conversion"] as? Double } == [18, 35, 90])
        #expect(stages.map { $0["conversion_target"] as? Double } == [25, nil, nil])
        #expect(stages.map { $0["reach"] as? Double } == [100, 18, 6.3])
        #expect(stages.map { $0["people"] as? Double } == [1200, 216, 76])
        #expect(stages.map { $0["lost"] as? Double } == [984, 140, 8])
        #expect(stages.map { $0["nps"] as? Double } == [-10, 20, 45])
        #expect(stages.map { $0["quadrant"] as? String } == ["both-low", "nps-high-conversion-low", "both-high"])
        #expect(stages.map { $0["emotion"] as? Double } == [-2, 0, 2])
        #expect(stages.map { $0["duration_days"] as? Double } == [17.5, 30, 3])
        let missed = try #require(map["missed_targets"] as? [[String: Any]])
        #expect(missed.count == 1)
        #expect(missed.first?["stage"] as? String == "Осознание потребности")
        #expect(missed.first?["metric"] as? String == "conversion")
        #expect(missed.first?["value"] as? Double == 18)
        #expect(missed.first?["target"] as? Double == 25)
        let pains = try #require(map["pains"] as? [[String: String]])
        #expect(pains == [["stage": "Осознание потребности", "text": "Слушать их долго"],
                          ["stage": "Поиск решения", "text": "Непонятно, сколько стоит внедрение"]])
    }

    /// A figure a map does not give is `null`, never a missing key.
    @Test func absentFiguresAreNull() throws {
        let map = try Self.json("custom-scale")
        for key in ["audience", "evidence", "reach", "weakest_stage", "average_nps", "duration"] {
            #expect(map.keys.contains(key), "\(key)")
            #expect(map[key] is NSNull, "\(key)")
        }
        let stages = try #require(map["stages"] as? [[String: Any]])
        #expect(stages.allSatisfy { $0["quadrant"] is NSNull && $0["nps"] is NSNull })
        // The custom schema's `Доходимость` has the conversion role: the last stage carries it, the chain is broken
        // before it.
        #expect(stages.map { $0["conversion"] as? Double } == [nil, nil, 87])
        #expect(stages.map { $0["reach"] as? Double } == [100, nil, nil])
    }

    /// Each map is a heading and one GitHub-flavoured table: a header, a delimiter row and a row per stage, each
    /// with as many cells as the header; author text cannot break out of its cell or start a block.
    @Test func markdownIsATablePerMap() throws {
        let text = try Self.report("ru-persona").render(.markdown)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "## Оценка")
        #expect(lines.contains("### РОП выбирает конструктор скриптов"))
        #expect(lines.contains("- Начните с этапа «Осознание потребности»: у него самая низкая конверсия — 18\u{00A0}%."))
        let rows = lines.filter { $0.hasPrefix("|") }
        #expect(rows.count == 2 + 3)
        #expect(rows[0] == "| Этап | Конверсия | Охват | NPS | Эмоция | Вывод |")
        #expect(rows[1] == "| --- | --- | --- | --- | --- | --- |")
        #expect(rows[2] == "| 1\\. Осознание потребности | 18\u{00A0}% | 100\u{00A0}% | −10 | −2 | Менять всё |")
        for row in rows { #expect(Self.cells(row) == 6, "\(row)") }
    }

    @Test(arguments: [
        ("a | b", "a \\| b"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("**bold** [link](javascript:x)", "\\*\\*bold\\*\\* \\[link\\](javascript:x)"),
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("1. item", "1\\. item"),
        ("2024) итог", "2024\\) итог"),
        ("line\nbreak\u{1B}[31m", "linebreak\\[31m"),
        ("Конверсия — 35 %", "Конверсия — 35 %"),
        ("спросить @sales", "спросить \\@sales"),
    ])
    func markdownEscapesAuthorText(_ text: String, _ escaped: String) {
        #expect(JourneyReport.markdownText(text) == escaped)
    }

    @Test func textSaysWhereToStartAndListsTheStages() throws {
        let text = try Self.report("en-multi").render(.text)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "A new user sets up Acme (onboarding)")
        #expect(lines.contains("  Optimise “Invite the team” first: it has the lowest conversion, 30%."))
        #expect(lines.contains { $0.hasPrefix("  Stage ") && $0.hasSuffix("Reading") })
        #expect(lines.contains { $0.hasPrefix("  2. First project ") && $0.contains(" 40–50% ") })
    }

    /// Beside the advice: what the figures rest on, the sharpest pains, and what the plan holds for the weakest stage
    /// (or that it holds nothing), so a reader knows what to do next.
    @Test func textAndMarkdownSayWhatThePlanHoldsForTheStageToActOnFirst() throws {
        let lines = try Self.report("ru-persona").render(.markdown).split(separator: "\n").map(String.init)
        #expect(lines.contains("- Данные: интервью с клиентами."))
        #expect(lines.contains("- Главные боли: «Слушать их долго» (Осознание потребности); «Непонятно, сколько стоит внедрение» (Поиск решения)."))
        #expect(lines.contains("- Для этапа «Осознание потребности» в плане ничего нет: добавьте действия в его слой «Рекомендации»."))
        // A schema without a plan layer: nothing to say of a plan.
        #expect(!(try Self.report("custom-scale").render(.text)).contains("plan"))
        let map = RenderBuild.russianMap(body: RenderBuild.stage("Поиск", extra: """
            ### Метрики
            - Конверсия: 20%

            ### Рекомендации
            - [Сайт] Открыть прайс @product
            - Кейсы по отраслям @marketing
            - [Контент] Вебинар
            - Чат на сайте

            """) + RenderBuild.stage("Выбор", extra: "### Метрики\n- Конверсия: 50%\n\n### Рекомендации\n- Сравнение тарифов\n"))
        let memory = MemoryFileSystem(files: [RenderBuild.root + "/tropa.yml": "language: ru\n", RenderBuild.root + "/content/map.md": map])
        let result = try SiteChecker(fileSystem: memory).check(root: RenderBuild.root)
        let report = JourneyReport(site: try #require(result.site), facts: result.facts)
        #expect(report.render(.text).contains("\n  В плане для этапа «Поиск»: Открыть прайс (Сайт, @product); Кейсы по отраслям (@marketing); Вебинар (Контент) и ещё 1.\n"))
        let markdown = report.render(.markdown)
        #expect(markdown.contains("- В плане для этапа «Поиск»: Открыть прайс (Сайт, \\@product);"), "a mention would notify someone")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.render(.json).utf8)) as? [String: Any])
        let actions = try #require((json["maps"] as? [[String: Any]])?.first?["actions"] as? [[String: Any]])
        #expect(actions.map { $0["stage"] as? String } == ["Поиск", "Поиск", "Поиск", "Поиск", "Выбор"])
        #expect(actions.first?["text"] as? String == "Открыть прайс")
        #expect(actions.first?["kind"] as? String == "Сайт" && actions.first?["owner"] as? String == "product")
        #expect(actions.last?["kind"] is NSNull && actions.last?["owner"] is NSNull)
    }

    /// A table cell count: `|` not escaped, less the two at the ends.
    private static func cells(_ row: String) -> Int {
        var count = 0, escaped = false
        for character in row {
            if character == "|" && !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count - 1
    }
}

/// A branched map in the report: its paths with their branches, reach and weakest stage, and each stage's branch.
@Suite struct BranchedReportTests {
    @Test func jsonGivesEachPath() throws {
        let map = try JourneyReportTests.json("branched")
        let paths = try #require(map["paths"] as? [[String: Any]])
        #expect(paths.map { $0["branches"] as? [String] } == [["Онлайн"], ["Офлайн"]])
        // A stage of a branch is named with its label, as the text report names it.
        #expect(paths.map { $0["stages"] as? [String] } == [["Поиск идей", "Каталог на сайте (Онлайн)", "Корзина (Онлайн)", "Доставка"],
                                                             ["Поиск идей", "Визит в шоурум (Офлайн)", "Доставка"]])
        // 60 % · 30 % · 80 % · 70 %, and 60 % · 55 % · 70 %.
        #expect(paths.map { $0["reach"] as? Double } == [10.08, 23.1])
        #expect(paths.map { $0["weakest_stage"] as? String } == ["Каталог на сайте (Онлайн)", "Визит в шоурум (Офлайн)"])
        let stages = try #require(map["stages"] as? [[String: Any]])
        #expect(stages.map { $0["branch"] as? String } == [nil, "Онлайн", "Онлайн", "Офлайн", nil])
        // After the join the paths disagree: no single reach.
        #expect(stages.map { $0["reach"] as? Double } == [100, 60, 18, 60, nil])
        #expect(map["reach"] as? Double == 10.08)
        #expect(map["weakest_stage"] as? String == "Каталог на сайте (Онлайн)")
    }
}
