import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaBuild
import TropaTesting

/// Every problem of a file is reported, not just the first, in reading order across files.
@Suite struct DiagnosticOrderTests {
    static let manyProblems = """
        ---
        title: Клиент выбирает CRM
        segmnet: SMB
        draft: maybe
        ---

        # Выбор CRM

        ## Поиск решения

        ### Цель
        Найти CRM.

        ### Действия
        Читает обзоры.

        ### Эмоцйи
        0 Рабочая задача

        ### Метрики
        - Конверсия: 135%
        - Длительность: долго

        ## Выбор

        ### Цель
        Выбрать одну из трёх.

        ### Действия
        - Сравнивает цены

        ### Эмоции
        - +3 Восторг
        - Радость

        ### Действия
        - Звонит в поддержку

        ## Поиск решения

        ### Цель
        Ещё раз.

        """

    @Test func allProblemsOfOneFileInLineOrder() throws {
        let result = try Check.site(["content/crm.md": Self.manyProblems])
        #expect(result.diagnostics.found == [
            Found(.unknownKey, .warning, 3, 1),
            Found(.frontMatterType, .error, 4, 8),
            Found(.misplacedHeading, .error, 7, 3),
            Found(.listExpected, .error, 15, 1),
            Found(.unknownLayer, .error, 17, 5),
            Found(.metricOutOfRange, .error, 21, 3),
            Found(.metricSyntax, .error, 22, 3),
            Found(.emotionOutOfRange, .error, 33, 3),
            Found(.emotionSyntax, .error, 34, 3),
            Found(.duplicateLayer, .error, 36, 5),
            Found(.duplicateStage, .error, 39, 4),
            Found(.missingLayer, .error, 39, 4),
            Found(.missingLayer, .error, 39, 4),
        ])
        #expect(result.diagnostics.first { $0.code == .unknownLayer }?.suggestion(in: .en) == "did you mean \"Эмоции\"?")
        #expect(result.diagnostics.filter { $0.location.line == 39 && $0.code == .missingLayer }.map { $0.message(in: .en) } == [
            "the stage \"Поиск решения\" lacks the required layer \"Действия\"",
            "the stage \"Поиск решения\" lacks the required layer \"Эмоции\"",
        ])
        #expect(result.sources["content/crm.md"]?.line(17) == "### Эмоцйи")
    }

    @Test func filesAreReportedInPathOrder() throws {
        let broken = "---\ntitle: Карта\n---\n## Этап\n### Эмоцйи\n0 Спокойно\n"
        let result = try Check.site([
            "content/b.md": broken,
            "content/a/z.md": broken,
            "content/a.md": broken,
            "content/personas/rop.md": "---\nrole: РОП\n---\n",
        ])
        let files = result.diagnostics.map(\.location.file)
        #expect(files == files.sorted())
        #expect(Set(files) == ["content/a.md", "content/a/z.md", "content/b.md", "content/personas/rop.md"])
    }

    @Test func sortingIsStableForOnePosition() {
        let at = TropaModel.SourceLocation(file: "a.md", line: 2, column: 1)
        let diagnostics: [Diagnostic] = [
            .error(.missingLayer, .noStages, at: TropaModel.SourceLocation(file: "a.md", line: 3)),
            .error(.missingLayer, .noTitle, at: at),
            .error(.missingLayer, .noName, at: at),
            .warning(.unknownKey, .emptyTitle, at: TropaModel.SourceLocation(file: "a.md", line: 1, column: 9)),
        ]
        #expect(diagnostics.sortedByLocation().map(\.text) == [.emptyTitle, .noTitle, .noName, .noStages])
        #expect(diagnostics.errorCount == 3)
        #expect(diagnostics.warningCount == 1)
        #expect(diagnostics.hasErrors)
        #expect(![Diagnostic]([diagnostics[3]]).hasErrors)
    }
}
