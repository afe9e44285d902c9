import Testing
import TropaModel
@testable import TropaAuthoring
import TropaTesting

/// `tropa new`'s skeleton: a draft whose stages are the classic stages of a journey in the site's language, and
/// which a check accepts with warnings only.
@Suite struct MapScaffoldTests {
    @Test func stagesAreTheClassicStagesInTheSitesLanguage() {
        let scaffold = MapScaffold(title: "Клиент выбирает CRM", stageCount: 9, date: "2025-01-15")
        let ru = scaffold.text(schema: .default, language: .ru)
        let stages = ru.split(separator: "\n").filter { $0.hasPrefix("## ") }
        #expect(stages == ["## Осознание потребности", "## Поиск информации", "## Выбор", "## Покупка",
                           "## Использование", "## Обратная связь", "## Лояльность", "## Этап 8", "## Этап 9"])
        let en = MapScaffold(title: "A client picks a CRM", date: "2025-01-15").text(schema: .default, language: .en)
        #expect(en.split(separator: "\n").filter { $0.hasPrefix("## ") }
            == ["## Need awareness", "## Information search", "## Choice"])
    }

    @Test(arguments: [Language.en, .ru])
    func theSkeletonIsADraftThatPassesWithWarningsOnly(language: Language) throws {
        let text = MapScaffold(title: "Карта", stageCount: 7, date: "2025-01-15").text(schema: .default, language: language)
        #expect(text.contains("\ndraft: true\n"))
        let result = try Check.site(["tropa.yml": "language: \(language.rawValue)\n", "content/karta.md": text])
        #expect(!result.diagnostics.isEmpty)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.filter { $0.severity == .error })")
        // Every layer is empty: one warning, at the first, with the number of the others.
        let layers = text.split(separator: "\n").count { $0.hasPrefix("### ") }
        #expect(result.diagnostics.map(\.code) == [.missingLayer])
        #expect(result.diagnostics.first?.text == .draftUnfilled(first: .requiredLayerEmpty(layer: language == .ru ? "Цель" : "Goal", stage: language == .ru ? "Осознание потребности" : "Need awareness"), more: layers - 1))
    }

    /// `--branches`: a stage per branch after the stages, sharing the next classic name, then the stage where they
    /// meet; the draft passes as the others do.
    @Test func branchesMakeAForkThatChecks() throws {
        let text = MapScaffold(title: "Карта", stageCount: 2, date: "2025-01-15", branches: ["Онлайн", "Офлайн"])
            .text(schema: .default, language: .ru)
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("## ") }
            == ["## Осознание потребности", "## Поиск информации", "## Выбор {Онлайн}", "## Выбор {Офлайн}", "## Покупка"])
        let result = try Check.site(["tropa.yml": "language: ru\n", "content/karta.md": text])
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.filter { $0.severity == .error })")
        #expect(result.site?.journeys.first?.flow.paths == [[0, 1, 2, 4], [0, 1, 3, 4]])
    }

    @Test(arguments: [(["Онлайн"], "a fork needs two branches or more, e.g. --branches \"Онлайн,Офлайн\""),
                      (["Онлайн", ""], "a branch label is empty"), (["Онлайн", "онлайн"], "a branch label is given twice"),
                      (["A", "{B}"], "a branch label holds a brace")])
    func labelsThatMakeNoForkAreRefused(branches: [String], problem: String) {
        #expect(MapScaffold.problem(with: branches)?.text(in: .en) == problem)
        #expect(MapScaffold.problem(with: ["Онлайн", "Офлайн"]) == nil)
    }
}
