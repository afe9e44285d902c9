import Testing
@testable import TropaModel
@testable import TropaSource
import TropaTesting

/// Branch labels on stage headings and the flow they give: forks in the middle, at the start and at the end, three
/// alternatives, a branch of one stage, a detour, and the rules' diagnostics with their lines and columns.
@Suite struct BranchTests {
    private static func map(_ headings: [String]) -> (journey: Journey, diagnostics: [Diagnostic]) {
        Check.journey("---\ntitle: Карта\n---\n\n" + headings.map { "## \($0)\n### Цель\nЦель.\n### Действия\n- Шаг\n### Эмоции\n0\n\n" }.joined())
    }

    @Test func aLabelIsNotPartOfTheName() throws {
        let (journey, diagnostics) = Self.map(["Поиск", "Визит в шоурум {Офлайн}", "Каталог {Онлайн}", "Доставка"])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(journey.stages.map(\.name) == ["Поиск", "Визит в шоурум", "Каталог", "Доставка"])
        #expect(journey.stages.map(\.branch) == [nil, "Офлайн", "Онлайн", nil])
        #expect(journey.flow == StageGraph(starts: [0], next: [[1, 2], [3], [3], []]))
        #expect(journey.flow.paths == [[0, 1, 3], [0, 2, 3]])
    }

    @Test(arguments: [
        // A branch of two stages beside a branch of one.
        ([nil, "A", "A", "B", nil], StageGraph(starts: [0], next: [[1, 3], [2], [4], [4], []])),
        // Three alternatives.
        ([nil, "A", "B", "C", nil], StageGraph(starts: [0], next: [[1, 2, 3], [4], [4], [4], []])),
        // A fork that opens the map: the customer starts in one of its branches.
        (["A", "B", nil], StageGraph(starts: [0, 1], next: [[2], [2], []])),
        // A fork that ends the map.
        ([nil, "Stay", "Leave"], StageGraph(starts: [0], next: [[1, 2], [], []])),
        // A lone branch is a detour the flow may skip.
        ([nil, "Support", nil], StageGraph(starts: [0], next: [[1, 2], [2], []])),
        // Two forks one after the other, with a shared stage between.
        (["A", "B", nil, "C", "D"], StageGraph(starts: [0, 1], next: [[2], [2], [3, 4], [], []])),
    ] as [([String?], StageGraph)])
    func theFlowFollowsTheLabels(branches: [String?], flow: StageGraph) {
        #expect(StageGraph(branches: branches) == flow)
    }

    /// Two stages of one name in two branches are told apart in messages by their labels, as their headings write them.
    @Test func messagesNameAStageWithItsLabel() {
        let (_, diagnostics) = Check.journey("""
            ---
            title: Карта
            ---

            ## Выбор тарифа {Онлайн}
            ### Цель
            Выбрать.
            ### Действия
            - Шаг
            ### Эмоции
            0
            ### Цнли
            Опечатка.

            ## Выбор тарифа {В салоне}
            ### Цель
            Выбрать.
            ### Эмоции
            0

            """)
        #expect(diagnostics.map { $0.message(in: .ru) } == [
            "в этапе «Выбор тарифа {Онлайн}» неизвестный слой «Цнли»",
            "в этапе «Выбор тарифа {В салоне}» нет обязательного слоя «Действия»",
        ])
    }

    @Test func aMapWithoutLabelsIsALine() {
        #expect(StageGraph(branches: [nil, nil, nil]) == .line(count: 3))
        #expect(StageGraph(branches: [nil, "Support", nil]).paths == [[0, 1, 2], [0, 2]])
    }

    @Test func alternativesMayShareAName() {
        let (journey, diagnostics) = Self.map(["Выбор", "Оплата {Онлайн}", "Оплата {Офлайн}"])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(Set(journey.stages.map(\.id)).count == 3)
        #expect(Self.map(["Оплата {Онлайн}", "оплата {онлайн}", "Итог"]).diagnostics.map(\.code) == [.duplicateStage])
    }

    @Test func anEscapedBraceAndAClosingSequenceAreNoLabel() {
        let (journey, diagnostics) = Self.map(["Выбор \\{модели\\}", "Визит {Офлайн} ##", "Итог"])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(journey.stages.map(\.name) == ["Выбор {модели}", "Визит", "Итог"])
        #expect(journey.stages.map(\.branch) == [nil, "Офлайн", nil])
    }

    @Test func markdownInALabelIsItsText() {
        let (journey, diagnostics) = Self.map(["Выбор", "Оплата {**Онлайн** `сайт`}", "Оплата {Офлайн}"])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(journey.stages[1].branch == "Онлайн сайт")
        #expect(journey.stages[1].name == "Оплата")
    }

    /// Line 5 is the first heading; each stage takes 8 lines.
    @Test func theRulesAreReportedAtTheLabel() {
        let (_, diagnostics) = Self.map(["Старт", "Сайт {Онлайн}", "Шоурум {Офлайн}", "Корзина {Онлайн}", "Доставка",
                                         "Возврат {Офлайн}", "Отзыв {}", "{Партнёры}"])
        #expect(diagnostics.found == [Found(.branchSplit, .error, 29, 12), Found(.branchReused, .error, 45, 12),
                                      Found(.branchLabel, .error, 53, 10), Found(.branchLabel, .error, 61, 4)])
        #expect(diagnostics.map { $0.message(in: .ru) }.first == "ветку {Онлайн} прерывает ветка {Офлайн}: этапы одной ветки должны идти подряд")
        #expect(diagnostics.map { $0.message(in: .en) } == [
            "the branch {Онлайн} is interrupted by {Офлайн}: its stages must follow each other",
            "the branch label {Офлайн} is already used by the fork at line 21",
            "the branch label of stage \"Отзыв\" is empty",
            "the stage with the branch label {Партнёры} has no name",
        ])
    }

    /// A label whose `}` was left out is an error at its `{`: read on as a name, it would make the fork a detour
    /// and an ordinary stage. A brace written as `\{`, or one closed before the end, is the name's.
    @Test func aLabelNotClosedIsAnError() {
        let (journey, diagnostics) = Self.map(["Заявка", "Получение карты {Курьер}", "Получение карты {Отделение  ##", "Активация"])
        #expect(diagnostics.found == [Found(.branchLabel, .error, 21, 20)])
        #expect(diagnostics.first?.message(in: .ru) == "метка ветки {Отделение не закрыта скобкой «}»")
        #expect(diagnostics.first?.suggestion(in: .ru) == "закройте её: «{Отделение}» — или запишите скобку в названии этапа как \\{")
        #expect(journey.stages[2].name == "Получение карты" && journey.stages[2].branch == nil)
        #expect(Self.map(["Тариф \\{бета", "Шаг {1} оплаты", "Шаблон `{имя`"]).diagnostics.isEmpty)
        let escapedAfter = Self.map(["Выбор {Онлайн \\{бета"]).diagnostics
        #expect(escapedAfter.first?.message(in: .en) == "the branch label {Онлайн \\{бета is not closed with \"}\"")
    }
}
