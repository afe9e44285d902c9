import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAnalysis
import TropaTesting

/// The analyse step: a parsed map to its facts, in units of the schema, found by role rather than by id.
@Suite struct JourneyAnalysisTests {
    private static let map = """
        ---
        title: Карта
        ---

        ## Поиск
        ### Цель
        Найти.
        ### Действия
        - Ищет
        ### Эмоции
        - -1 Скучно
        - +2 Нашёл
        ### Метрики
        - Конверсия: 35%
        - NPS: -10
        - Длительность: 2 недели

        ## Покупка
        ### Цель
        Купить.
        ### Действия
        - Платит
        ### Эмоции
        0

        """

    @Test func factsOfADefaultSchemaMap() throws {
        let (journey, problems) = Check.journey(Self.map, path: "content/Продажи/Карта.md")
        #expect(problems.isEmpty, "\(problems)")
        let facts = JourneyAnalysis(schema: .default, contentPath: "content").facts(of: journey)
        #expect(facts.slug == "prodazhi/karta")
        #expect(facts.summary.stageCount == 2)
        #expect(facts.stages.map(\.name) == ["Поиск", "Покупка"])
        #expect(facts.stages.map(\.id) == [StageID(name: "поиск"), StageID(name: "ПОКУПКА:")])
        #expect(facts.stages[0].figures == [.conversion: Figure(value: 35, unit: .percent),
                                            .nps: Figure(value: -10, unit: .plain),
                                            .duration: Figure(value: 2, unit: .duration(.week))])
        #expect(facts.stages[1].figures.isEmpty)
        #expect(facts.emotions == [EmotionSeries(points: [.init(stage: 0, score: -1, label: "Скучно"),
                                                          .init(stage: 0, score: 2, label: "Нашёл"),
                                                          .init(stage: 1, score: 0, label: "")])])
        #expect(facts.flow == StageGraph(next: [[1], []]))
        #expect(facts.flow.paths == [[0, 1]])
    }

    /// A custom schema names its conversion metric differently; its role is what the analysis reads.
    @Test func aCustomConversionIsFoundByItsRole() throws {
        let schema = LayerSchema(scale: 0...10, layers: [
            LayerDefinition(id: "mood", title: .init(["ru": "Настроение"]), kind: .emotion),
            LayerDefinition(id: "kpi", title: .init(["ru": "Показатели"]), kind: .metrics),
        ], metrics: [
            MetricDefinition(id: "perehod", title: .init(["ru": "Переход"]), unit: .percent, role: .conversion),
            MetricDefinition(id: "conversion", title: .init(["ru": "Конверсия"]), unit: .percent),
        ])
        let text = "---\ntitle: Карта\n---\n\n## Запись\n### Настроение\n7\n### Показатели\n- Конверсия: 90%\n- Переход: 40%\n"
        let (journey, problems) = Check.journey(text, schema: schema)
        #expect(problems.isEmpty, "\(problems)")
        let facts = JourneyAnalysis(schema: schema, contentPath: "content").facts(of: journey)
        #expect(facts.stages[0].figures == [.conversion: Figure(value: 40, unit: .percent)])
        #expect(facts.emotions.first?.points.map(\.score) == [7])
    }

    @Test func aMapWithoutScoresHasNoSeries() throws {
        let text = "---\ntitle: Карта\n---\n\n## Этап\n### Цель\nНайти.\n"
        let facts = JourneyAnalysis(schema: .default, contentPath: "content").facts(of: Check.journey(text).journey)
        #expect(facts.emotions.isEmpty)
        #expect(facts.flow.paths == [[0]])
    }

    @Test func pathsFollowEveryFork() {
        // 0 → {1, 2} → 3: two paths that meet again.
        let fork = StageGraph(next: [[1, 2], [3], [3], []])
        #expect(fork.paths == [[0, 1, 3], [0, 2, 3]])
        #expect(StageGraph.line(count: 0).paths.isEmpty)
    }

    /// A figure keeps no optionals (no range and no target are stored as NaN): it reads and compares as written.
    @Test func aFigureWithoutRangeOrTargetIsEqualToItself() {
        let bare = Figure(value: 40, unit: .percent)
        #expect(bare == Figure(value: 40, unit: .percent))
        #expect(bare.range == nil && bare.target == nil)
        #expect(Set([bare, Figure(value: 40, unit: .percent)]).count == 1)
        var ranged = Figure(value: 45, unit: .other("звонков"), range: 40...50, target: 60)
        #expect(ranged.range == 40...50 && ranged.target == 60)
        #expect(ranged != Figure(value: 45, unit: .other("звонков"), range: 40...50))
        #expect(ranged != Figure(value: 45, unit: .other("₽"), range: 40...50, target: 60))
        ranged.range = nil
        ranged.target = nil
        #expect(ranged == Figure(value: 45, unit: .other("звонков")))
        #expect(ranged.hashValue == Figure(value: 45, unit: .other("звонков")).hashValue)
    }

    /// A map's actions are kept in two buffers: each reads back as written, kind and owner absent or not, plain
    /// words that are their own HTML or not, and an action edited in place.
    @Test func planActionsReadBackAsWritten() {
        let written = [
            PlanAction(stage: 2, kind: "Сайт", owner: "product", text: RichText(html: "<em>Один</em> шаг", plain: "Один шаг")),
            PlanAction(stage: 0, kind: nil, owner: nil, text: RichText(html: "Касса", plain: "Касса")),
            PlanAction(stage: 1, kind: "", owner: "ecom", text: RichText(html: "", plain: "")),
        ]
        var actions = PlanActions(written)
        #expect(Array(actions) == written)
        #expect(actions.count == 3 && !actions.isEmpty)
        #expect(actions.indices.map { actions.stage(at: $0) } == [2, 0, 1])
        #expect(actions.indices.map { actions.kind(at: $0) } == ["Сайт", nil, ""])
        #expect(actions.indices.map { actions.owner(at: $0) } == ["product", nil, "ecom"])
        #expect(actions.indices.map { actions.html(at: $0) } == ["<em>Один</em> шаг", "Касса", ""])
        #expect(actions.indices.map { actions.plain(at: $0) } == ["Один шаг", "Касса", ""])
        #expect(actions == PlanActions(written) && actions.hashValue == PlanActions(written).hashValue)
        #expect(actions != PlanActions(written.reversed()))
        actions[1].kind = "Касса"
        #expect(actions[1] == PlanAction(stage: 0, kind: "Касса", owner: nil, text: RichText(html: "Касса", plain: "Касса")))
        #expect(actions[0] == written[0] && actions[2] == written[2])
        // Edited in place, the same value as the list made anew.
        #expect(actions == PlanActions(Array(actions)) && actions.hashValue == PlanActions(Array(actions)).hashValue)
        #expect(PlanActions([]).isEmpty && PlanActions([]) == [])
    }

    /// The facts keep each plan layer's items as actions, stage by stage; items of other layers are not actions.
    @Test func theFactsKeepThePlanLayersItems() throws {
        // The suite's map with a plan layer in each stage.
        let map = Self.map.replacingOccurrences(of: "### Эмоции\n- -1", with: "### Рекомендации\n- [Сайт] Таблица **сравнения** @product\n- Ролики\n### Эмоции\n- -1")
            .replacingOccurrences(of: "### Эмоции\n0\n", with: "### Эмоции\n0\n### Рекомендации\n- Касса\n")
        let (journey, problems) = Check.journey(map, path: "content/karta.md")
        #expect(problems.isEmpty, "\(problems)")
        let actions = JourneyAnalysis(schema: .default, contentPath: "content").facts(of: journey).actions
        #expect(actions.map(\.stage) == [0, 0, 1])
        #expect(actions.map(\.text.plain) == ["Таблица сравнения", "Ролики", "Касса"])
        #expect(actions[0].text.html.contains("<strong>сравнения</strong>"))
        #expect(actions.map(\.kind) == ["Сайт", nil, nil])
        #expect(actions.map(\.owner) == ["product", nil, nil])
    }
}
