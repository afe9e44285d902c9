import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAnalysis
import TropaTesting

/// The evaluation of a map: every figure it computes, from facts written by hand and from parsed maps.
@Suite struct JourneyEvaluationTests {
    /// Facts of stages with these conversions, NPS values and durations (in days), in file order.
    private static func facts(conversions: [Double?], nps: [Double?] = [], days: [Double?] = [],
                              scores: [(stage: Int, score: Double)] = [], audience: Double? = nil) -> JourneyFacts {
        let stages = conversions.indices.map { index in
            var figures = StageFigures()
            figures.conversion = conversions[index].map { Figure(value: $0, unit: .percent) }
            figures.nps = index < nps.count ? nps[index].map { Figure(value: $0, unit: .plain) } : nil
            figures.duration = index < days.count ? days[index].map { Figure(value: $0, unit: .duration(.day)) } : nil
            return StageFacts(name: "Этап \(index + 1)", figures: figures)
        }
        let summary = JourneySummary(slug: "karta", title: "Карта", personaID: nil, product: nil, segment: nil,
                                     tags: [], draft: false, stageCount: stages.count, audience: audience)
        let points = scores.map { EmotionSeries.Point(stage: $0.stage, score: $0.score, label: "") }
        return JourneyFacts(path: "content/karta.md", summary: summary, stages: stages,
                            emotions: points.isEmpty ? [] : [EmotionSeries(points: points)])
    }

    @Test func reachIsTheProductOfTheConversionsBefore() {
        let evaluation = JourneyEvaluation(Self.facts(conversions: [50, 40, 25], audience: 1000))
        #expect(evaluation.funnel.map(\.reach) == [100, 50, 20])
        #expect(evaluation.finalReach == 5)
        #expect(evaluation.reachBound == 5)
        #expect(evaluation.funnel.map(\.people) == [1000, 500, 200])
        #expect(evaluation.funnel.map(\.lost) == [500, 300, 150])
    }

    @Test func aStageWithoutConversionBreaksTheChain() {
        let evaluation = JourneyEvaluation(Self.facts(conversions: [50, nil, 25], audience: 1000))
        #expect(evaluation.funnel.map(\.reach) == [100, 50, nil])
        #expect(evaluation.funnel[1].conversion == nil)
        #expect(evaluation.funnel[1].lost == nil)
        #expect(evaluation.funnel.map(\.people) == [1000, 500, nil])
        #expect(evaluation.finalReach == nil)
        // Past the break nothing is known, but no more than half get through.
        #expect(evaluation.reachBound == 50)
    }

    @Test func noConversionNoFunnel() {
        let evaluation = JourneyEvaluation(Self.facts(conversions: [nil, nil], nps: [10, 20]))
        #expect(evaluation.funnel.isEmpty)
        #expect(evaluation.finalReach == nil)
        #expect(evaluation.reachBound == nil)
        #expect(evaluation.weakestStage == nil)
        #expect(evaluation.averageNPS == 15)
        #expect(evaluation.quadrantSplit == nil)
        #expect(evaluation.quadrants == [nil, nil])
    }

    @Test func theWeakestStageIsTheFirstLowestConversion() {
        #expect(JourneyEvaluation(Self.facts(conversions: [60, 30, 45, 30])).weakestStage == 1)
        // Stages without a conversion are not weak for lack of a figure.
        #expect(JourneyEvaluation(Self.facts(conversions: [nil, 70, nil, 55])).weakestStage == 3)
        #expect(JourneyEvaluation(Self.facts(conversions: [nil, 70, nil])).weakestStage == nil, "the lowest of one")
    }

    @Test func quadrantsSplitAtTheAveragesAndAnEqualValueIsHigh() {
        // Over stages 0, 1, 3 (stage 2 has no NPS): conversion average 40, NPS average 10.
        let evaluation = JourneyEvaluation(Self.facts(conversions: [40, 20, 90, 60], nps: [10, 30, nil, -10]))
        #expect(evaluation.quadrantSplit == QuadrantSplit(conversion: 40, nps: 10))
        #expect(evaluation.quadrants == [.bothHigh, .npsHighConversionLow, nil, .npsLowConversionHigh])
        let low = JourneyEvaluation(Self.facts(conversions: [10, 50], nps: [-20, 40]))
        #expect(low.quadrants == [.bothLow, .bothHigh])
    }

    @Test func oneStageWithBothFiguresIsNoQuadrant() {
        let evaluation = JourneyEvaluation(Self.facts(conversions: [40, 20], nps: [10]))
        #expect(evaluation.quadrantSplit == nil)
        #expect(evaluation.quadrants == [nil, nil])
    }

    @Test func sharpDropsAndTheSharpestPain() {
        let evaluation = JourneyEvaluation(Self.facts(conversions: [nil, nil, nil], scores: [
            (0, 2), (0, 1), (1, -1), (1, -0.5), (2, -2), (2, -2),
        ]))
        // 1 → −1 falls by exactly two; −0.5 → −2 by one and a half.
        #expect(evaluation.sharpDrops == [.init(from: 1, to: 2)])
        #expect(evaluation.lowestStage == 2)
        #expect(evaluation.lowestPoint == 4)
        #expect(evaluation.sharpestPain(on: -2...2) == 2)
        // On a scale from −6 to 2 the middle is −2: a lowest point on the middle is no pain.
        #expect(evaluation.sharpestPain(on: -6...2) == nil)
        let single = JourneyEvaluation(Self.facts(conversions: [nil], scores: [(0, -2)]))
        #expect(single.lowestStage == 0)
        #expect(single.sharpestPain(on: -2...2) == nil, "one point is the lowest of nothing")
        #expect(evaluation.lowestEmotion == -2)
        #expect(evaluation.stageEmotions == [1.5, -0.75, -2])
    }

    @Test func theTimelineAddsDurationsInOneUnitAndSaysWhenItIsAnEstimate() {
        var facts = Self.facts(conversions: [nil, nil, nil], days: [3, nil, nil])
        facts.stages[1].figures.duration = Figure(value: 1.5, unit: .duration(.week), range: 1...2)
        let timeline = try! #require(JourneyEvaluation(facts).timeline)
        let seconds: [Double?] = [3 * 86_400, 1.5 * 604_800, nil]
        let total: Double = 3 * 86_400 + 1.5 * 604_800
        #expect(timeline.seconds == seconds)
        #expect(timeline.totalSeconds == total)
        #expect(timeline.unit == .week)
        #expect(timeline.isEstimate)
        #expect(timeline.stagesWithDuration == 2)
        // A last stage without a duration still ends the way: the total counts 2 of its 3 stages.
        #expect(timeline.longestWay == [0, 1, 2])
        #expect(JourneyEvaluation(Self.facts(conversions: [nil], days: [2])).timeline?.isEstimate == false)
        #expect(JourneyEvaluation(Self.facts(conversions: [nil])).timeline == nil)
    }

    @Test func targetsAreMissedInTheDirectionOfTheRole() {
        #expect(Figure(value: 35, unit: .percent, target: 45).missesTarget(as: .conversion))
        #expect(!Figure(value: 45, unit: .percent, target: 45).missesTarget(as: .conversion))
        #expect(Figure(value: 10, unit: .duration(.day), target: 7).missesTarget(as: .duration))
        #expect(!Figure(value: 5, unit: .duration(.day), target: 7).missesTarget(as: .duration))
        #expect(!Figure(value: 5, unit: .plain).missesTarget(as: .nps))
    }

    private static let painMap = """
        ---
        title: Карта
        ---

        ## Поиск
        ### Цель
        Найти.
        ### Действия
        - Ищет
        ### Эмоции
        - +1 Интересно
        ### Опыт
        - + Удобный каталог
        - − Нет фильтра по цене
        ### Барьеры
        - Мало отзывов
        ### Метрики
        - Конверсия: 80%

        ## Выбор
        ### Цель
        Выбрать.
        ### Действия
        - Сравнивает
        ### Эмоции
        - -2 Всё одинаковое
        ### Барьеры
        - Нет сравнения
        - Цены разные
        ### Метрики
        - Конверсия: 20%

        ## Оплата
        ### Цель
        Оплатить.
        ### Действия
        - Платит
        ### Эмоции
        - 0 Обычно
        ### Опыт
        - − Форма долго грузится

        """

    /// The most hurting stage first: the lowest emotion and the most customers lost; within a stage, file order.
    @Test func painPointsAreRankedByHowMuchTheirStageHurts() {
        let (journey, problems) = Check.journey(Self.painMap)
        #expect(problems.isEmpty, "\(problems)")
        let analysis = JourneyAnalysis(schema: .default, contentPath: "content")
        let facts = analysis.facts(of: journey)
        let pains = analysis.pains(of: journey, evaluation: JourneyEvaluation(facts))
        #expect(pains.map(\.text.plain) == ["Нет сравнения", "Цены разные", "Форма долго грузится",
                                            "Нет фильтра по цене", "Мало отзывов"])
        #expect(pains.map(\.stage) == [1, 1, 2, 0, 0])
        // Выбор: emotion (2 − (−2)) / 4 = 1 plus loss 0.8; Оплата: emotion 0.5 alone; Поиск: 0.25 + 0.2.
        #expect(pains.map { ($0.hurt * 1000).rounded() } == [1800, 1800, 500, 450, 450])
    }

    /// A custom schema's conversion has another id and title; its role makes the funnel.
    @Test func aCustomConversionMakesTheFunnel() throws {
        let schema = LayerSchema(scale: 0...10, layers: [
            LayerDefinition(id: "kpi", title: .init(["ru": "Показатели"]), kind: .metrics),
        ], metrics: [
            MetricDefinition(id: "perehod", title: .init(["ru": "Переход"]), unit: .percent, role: .conversion),
            MetricDefinition(id: "loyalnost", title: .init(["ru": "Лояльность"]), range: -100...100, role: .nps),
        ])
        let text = "---\ntitle: Карта\n---\n\n## Запись\n### Показатели\n- Переход: 40%\n- Лояльность: 10\n"
            + "\n## Приём\n### Показатели\n- Переход: 50%\n- Лояльность: 30\n"
        let (journey, problems) = Check.journey(text, schema: schema)
        #expect(problems.isEmpty, "\(problems)")
        let evaluation = JourneyEvaluation(JourneyAnalysis(schema: schema, contentPath: "content").facts(of: journey))
        #expect(evaluation.funnel.map(\.reach) == [100, 40])
        #expect(evaluation.finalReach == 20)
        #expect(evaluation.weakestStage == 0)
        #expect(evaluation.quadrants == [.bothLow, .bothHigh])
    }

    /// Ranges count by their midpoint, and a target travels with its figure into the facts.
    @Test func rangesAndTargetsReachTheFacts() throws {
        let text = "---\ntitle: Карта\naudience: 12 000\nevidence: интервью\n---\n\n## Этап\n### Цель\nЦель.\n"
            + "### Действия\n- Шаг\n### Эмоции\n0\n### Метрики\n- Конверсия: 30–40% (цель 45%)\n- Длительность: 2–3 недели\n"
        let (journey, problems) = Check.journey(text)
        #expect(problems.isEmpty, "\(problems)")
        let facts = JourneyAnalysis(schema: .default, contentPath: "content").facts(of: journey)
        #expect(facts.summary.audience == 12_000)
        #expect(facts.summary.evidence == .interviews)
        #expect(facts.stages[0].figures.conversion == Figure(value: 35, unit: .percent, range: 30...40, target: 45))
        #expect(facts.stages[0].figures.duration == Figure(value: 2.5, unit: .duration(.week), range: 2...3))
        let evaluation = JourneyEvaluation(facts)
        #expect(evaluation.finalReach == 35)
        #expect(evaluation.timeline?.isEstimate == true)
    }

    @Test func theHeadlineIsWhatTheDashboardShows() {
        let facts = Self.facts(conversions: [50, 20], nps: [10, 30], scores: [(0, 1), (1, -1)])
        let headline = MapHeadline(facts, evaluation: JourneyEvaluation(facts))
        #expect(headline.finalReach == 10)
        #expect(headline.weakestStage == "Этап 2")
        #expect(headline.weakestConversion == Figure(value: 20, unit: .percent))
        #expect(headline.averageNPS == 20)
        #expect(headline.lowestEmotion == -1)
        #expect(headline.missedTargets.isEmpty)
        var targeted = facts
        targeted.stages[0].figures.conversion?.target = 60
        targeted.stages[1].figures.duration = Figure(value: 5, unit: .duration(.day), target: 3)
        targeted.stages[1].figures.nps?.target = 20
        #expect(MapHeadline(targeted, evaluation: JourneyEvaluation(targeted)).missedTargets.map { "\($0.stage) \($0.role)" }
            == ["Этап 1 conversion", "Этап 2 duration"])
    }
}

/// A branched map's evaluation follows each path: shared stages plus one branch of each fork.
@Suite struct BranchedEvaluationTests {
    private static func facts(_ stages: [(branch: String?, conversion: Double, score: Double, days: Double)]) -> JourneyFacts {
        let stageFacts = stages.enumerated().map { index, stage in
            StageFacts(name: "Этап \(index + 1)", figures: [.conversion: Figure(value: stage.conversion, unit: .percent),
                                                           .duration: Figure(value: stage.days, unit: .duration(.day))],
                       branch: stage.branch)
        }
        let summary = JourneySummary(slug: "karta", title: "Карта", personaID: nil, product: nil, segment: nil,
                                     tags: [], draft: false, stageCount: stages.count)
        let points = stages.indices.map { EmotionSeries.Point(stage: $0, score: stages[$0].score, label: "") }
        return JourneyFacts(path: "content/karta.md", summary: summary, stages: stageFacts,
                            flow: StageGraph(branches: stages.map(\.branch)), emotions: [EmotionSeries(points: points)])
    }

    /// Поиск 50 % → {Онлайн: 40 %} or {Офлайн: 80 %} → Доставка 90 %.
    private static let fork = facts([(nil, 50, 1, 2), ("Онлайн", 40, 2, 1), ("Офлайн", 80, 0, 5), (nil, 90, -1, 3)])

    @Test func reachAndTheWeakestStageArePerPath() {
        let evaluation = JourneyEvaluation(Self.fork)
        #expect(evaluation.paths.map(\.stages) == [[0, 1, 3], [0, 2, 3]])
        #expect(evaluation.paths.map(\.branches) == [["Онлайн"], ["Офлайн"]])
        #expect(evaluation.paths[0].funnel.map(\.reach) == [100, 50, 20])
        #expect(evaluation.paths[1].funnel.map(\.reach) == [100, 50, 40])
        #expect(evaluation.paths.map { $0.finalReach.map { ($0 * 10).rounded() / 10 } } == [18, 36])
        #expect(evaluation.paths.map(\.weakestStage) == [1, 0])
        // Over the whole map: the path that lets the fewest through, and reach only where the paths agree.
        #expect(evaluation.finalReach.map { ($0 * 10).rounded() / 10 } == 18)
        #expect(evaluation.funnel.map(\.reach) == [100, 50, 50, nil])
        #expect(evaluation.weakestStage == 1)
    }

    /// Alternatives start together: the timeline's total is its longest way.
    @Test func theTimelineRunsAlternativesSideBySide() throws {
        let timeline = try #require(JourneyEvaluation(Self.fork).timeline)
        #expect(timeline.starts.map { $0 / 86_400 } == [0, 2, 2, 7])
        #expect(timeline.totalSeconds / 86_400 == 10)
        #expect(timeline.longestWay.count == 3, "one branch of the fork")
    }

    /// From +2 on {Онлайн} to −1 at the join is a sharp drop; from +1 across the fork to 0 on {Офлайн} is none, and
    /// nothing is measured between the last point of one branch and the first of the other.
    /// Many forks: the map's reach is the least over every path, though only `pathLimit` are listed.
    @Test func manyForksAreCountedNotListed() {
        // Six forks of two branches: 64 paths.
        var stages: [(branch: String?, conversion: Double, score: Double, days: Double)] = []
        for fork in 0..<6 {
            stages += [(nil, 90, 0, 1), ("A\(fork)", 50, 0, 1), ("B\(fork)", 80, 0, 1)]
        }
        stages.append((nil, 100, 0, 1))
        let facts = Self.facts(stages)
        let evaluation = JourneyEvaluation(facts)
        #expect(evaluation.paths.count == StageGraph.pathLimit)
        // Every fork through its 50 % branch: 0.9^6 · 0.5^6 · 100 %.
        let expected: Double = (pow(0.9, 6) * pow(0.5, 6) * 100 * 1e6).rounded()
        let reach: Double? = evaluation.finalReach.map { ($0 * 1e6).rounded() }
        #expect(reach == expected)
    }

    @Test func sharpDropsFollowThePaths() {
        let evaluation = JourneyEvaluation(Self.fork)
        #expect(evaluation.sharpDrops == [.init(from: 1, to: 3)])
    }
}
