import Testing
@testable import TropaModel
@testable import TropaAnalysis

/// The site-wide analyses: stages aligned across maps, the product × segment matrix, and the action plan.
@Suite struct SiteOverviewTests {
    private static func stages(_ names: String...) -> [StageFacts] {
        names.map { name in
            // `Оплата {Счёт}` is a stage of a branch.
            if let brace = name.firstIndex(of: "{") {
                return StageFacts(name: name[..<brace].trimmingCharacters(in: .whitespaces),
                                  branch: String(name[name.index(after: brace)...].dropLast()))
            }
            return StageFacts(name: name)
        }
    }

    @Test func stagesAlignByNameAndAMissingStageIsNoColumnOfItsMap() {
        let alignment = StageAlignment([
            Self.stages("Поиск", "Выбор", "Покупка"),
            Self.stages("Поиск", "Звонок", "Покупка", "Отзыв"),
        ])
        #expect(alignment.columns.map(\.name) == ["Поиск", "Звонок", "Выбор", "Покупка", "Отзыв"])
        #expect(alignment.stageAt == [[0, nil, 1, 2, nil], [0, 1, nil, 2, 3]])
    }

    @Test func namesMatchAsHeadingsDoAndARenamedStageStandsBesideTheOldName() {
        let alignment = StageAlignment([
            Self.stages("Поиск", "Покупка", "Доставка"),
            // Case and spaces match as in headings; "Оплата", which replaced "Покупка", stands beside it: right
            // after the stage before it in its own map.
            Self.stages("поиск ", "Оплата", "Доставка"),
        ])
        #expect(alignment.columns.map(\.name) == ["Поиск", "Оплата", "Покупка", "Доставка"])
        #expect(alignment.stageAt == [[0, nil, 1, 2], [0, 1, nil, 2]])
    }

    @Test func aBranchIsAColumnOfItsOwnByNameAndLabel() {
        let alignment = StageAlignment([
            Self.stages("Выбор", "Оплата {Счёт}", "Оплата {Карта}"),
            Self.stages("Выбор", "Оплата"),
        ])
        #expect(alignment.columns.map(\.name) == ["Выбор", "Оплата", "Оплата (Счёт)", "Оплата (Карта)"])
        #expect(alignment.stageAt == [[0, nil, 1, 2], [0, 1, nil, nil]])
    }

    @Test func aMapWithFewerStagesLeavesTheOthersWhole() {
        let alignment = StageAlignment([Self.stages("A", "B", "C", "D"), Self.stages("B")])
        #expect(alignment.columns.map(\.name) == ["A", "B", "C", "D"])
        #expect(alignment.stageAt[1] == [nil, 0, nil, nil])
    }

    // MARK: - the matrix

    private static func summary(_ title: String, product: String?, segment: String?, priority: Priority? = nil,
                                revenue: Double? = nil) -> JourneySummary {
        JourneySummary(slug: Slug.make(title), title: title, personaID: nil, product: product, segment: segment, tags: [],
                       draft: false, stageCount: 1, priority: priority, revenue: revenue)
    }

    @Test func productsAreRowsAndSegmentsColumnsWithEmptyCellsAndSeveralMapsToACell() {
        let maps = [
            Self.summary("Семьи, как есть", product: "Вольта", segment: "Семьи"),
            Self.summary("Семьи, как будет", product: "Вольта", segment: "Семьи"),
            Self.summary("Офисы", product: "Вольта", segment: "Офисы"),
            Self.summary("Лавка", product: "Лавка", segment: "Семьи"),
            Self.summary("Без всего", product: nil, segment: nil),
        ]
        let matrix = SegmentMatrix(maps)
        // Named before unnamed, then by name: nothing ranks these pairs.
        #expect(matrix.segments.map(\.name) == ["Офисы", "Семьи", nil])
        #expect(matrix.segments.map(\.slug) == ["ofisy", "semi", nil])
        #expect(matrix.rows.map(\.product.name) == ["Вольта", "Лавка", nil])
        #expect(matrix.rows[0].cells == [[2], [1, 0], []])
        #expect(matrix.rows[1].cells == [[], [3], []])
        #expect(matrix.rows[2].cells == [[], [], [4]])
    }

    @Test func rowsColumnsAndCellsGoByPriorityThenRevenue() {
        let maps = [
            Self.summary("A", product: "Альфа", segment: "Малый бизнес", revenue: 100),
            Self.summary("B", product: "Бета", segment: "Семьи", priority: .low, revenue: 9_000),
            Self.summary("C", product: "Бета", segment: "Малый бизнес", priority: .high),
            Self.summary("D", product: "Альфа", segment: "Семьи", revenue: 5_000),
            Self.summary("E", product: "Альфа", segment: "Семьи", revenue: 7_000),
        ]
        let matrix = SegmentMatrix(maps)
        // Бета holds a high priority; Малый бизнес too. A priority ranks above any revenue.
        #expect(matrix.rows.map(\.product.name) == ["Бета", "Альфа"])
        #expect(matrix.segments.map(\.name) == ["Малый бизнес", "Семьи"])
        #expect(matrix.rows[0].cells == [[2], [1]])
        // Within a cell: the larger revenue first.
        #expect(matrix.rows[1].cells == [[0], [4, 3]])
        // Two maps of one pair (as-is and to-be) state one potential: the larger; a row adds its pairs up.
        #expect(PairRank(pair: maps[3...4]) == PairRank(priority: nil, revenue: 7_000))
        #expect(matrix.rows[1].rank == PairRank(priority: nil, revenue: 7_100))
        #expect(PairRank(priority: .medium, revenue: nil) < PairRank(priority: nil, revenue: 1e9))
        #expect(PairRank(priority: nil, revenue: 1) < PairRank(priority: nil, revenue: nil))
    }

    @Test func namesThatSlugAlikeAreOneRowOrColumn() {
        let maps = [
            Self.summary("A", product: "Вольта", segment: "B2B"),
            Self.summary("B", product: "вольта", segment: "b2b"),
            Self.summary("C", product: "Вольта", segment: "B2C"),
        ]
        let matrix = SegmentMatrix(maps)
        #expect(matrix.rows.map(\.product.name) == ["Вольта / вольта"])
        #expect(matrix.segments.map(\.name) == ["B2B / b2b", "B2C"])
        #expect(matrix.rows[0].cells == [[0, 1], [2]])
    }

    // MARK: - the plan

    private struct Map: MapOverview {
        var summary: JourneySummary
        var stages: [StageFacts]
        var stageEmotions: [Double?]
        var actions: PlanActions
    }

    private static func action(_ stage: Int, _ text: String, kind: String? = nil, owner: String? = nil) -> PlanAction {
        PlanAction(stage: stage, kind: kind, owner: owner, text: RichText(html: text, plain: text))
    }

    @Test func actionsGroupByKindThenOwnerTheMostPainfulStagesFirst() {
        var stages = Self.stages("Поиск", "Выбор", "Покупка")
        stages[0].figures.conversion = Figure(value: 60, unit: .percent)
        stages[1].figures.conversion = Figure(value: 20, unit: .percent)
        stages[2].figures.conversion = Figure(value: 80, unit: .percent)
        let first = Map(summary: Self.summary("Б", product: nil, segment: nil), stages: stages,
                        stageEmotions: [0, -2, 0],
                        actions: [Self.action(0, "ролики", kind: "SMM", owner: "marketing"),
                                  Self.action(1, "таблица", kind: "Сайт", owner: "product"),
                                  Self.action(2, "без вида"),
                                  Self.action(1, "посты", kind: "smm-другое", owner: "marketing"),
                                  Self.action(2, "купон", kind: "SMM", owner: "marketing"),
                                  Self.action(1, "звонок", kind: "smm"),
                                  Self.action(0, "заметка", kind: "Сайт", owner: "Product")])
        let second = Map(summary: Self.summary("А", product: nil, segment: nil), stages: Self.stages("Вход"),
                         stageEmotions: [nil], actions: [Self.action(0, "баннер", kind: "SMM", owner: "marketing")])
        let plan = ActionPlan([first, second], kindOrder: ["Сайт", "SMM"])
        let maps = [first, second]
        let texts = { (entries: [ActionPlan.Entry]) in entries.map { maps[$0.map].actions[$0.action].text.plain } }
        #expect(plan.count == 8)
        // Declared kinds first, in the schema's order; then others by name; no kind last.
        #expect(plan.kinds.map(\.kind) == ["Сайт", "SMM", "smm-другое", nil])
        let smm = plan.kinds[1]
        #expect(smm.owners.map(\.owner) == ["marketing", nil])
        // Equal emotions (0, 0) are told apart by conversion (60 % before 80 %); no emotion comes last.
        #expect(texts(smm.owners[0].entries) == ["ролики", "купон", "баннер"])
        #expect(smm.owners[0].entries == [ActionPlan.Entry(map: 0, action: 0), ActionPlan.Entry(map: 0, action: 4),
                                          ActionPlan.Entry(map: 1, action: 0)])
        // Another case is the same kind or owner, named as first written.
        #expect(texts(smm.owners[1].entries) == ["звонок"])
        #expect(plan.kinds[0].owners.map(\.owner) == ["product"])
        #expect(texts(plan.kinds[0].owners[0].entries) == ["таблица", "заметка"])

        // Pages of three: a kind and an owner go on over the next page.
        let pages = plan.pages(of: 3)
        #expect(pages == [
            [.init(kind: 0, owner: 0, entries: 0..<2), .init(kind: 1, owner: 0, entries: 0..<1)],
            [.init(kind: 1, owner: 0, entries: 1..<3, continued: true), .init(kind: 1, owner: 1, entries: 0..<1)],
            [.init(kind: 2, owner: 0, entries: 0..<1), .init(kind: 3, owner: 0, entries: 0..<1)],
        ])
        #expect(plan.pages(of: 8).count == 1 && plan.pages(of: 7).count == 2)
        #expect(ActionPlan([Map](), kindOrder: []).pages(of: 5) == [[]])
    }

    /// Stages alike in pain: the maps' titles decide (as a reader sorts them), then the maps' order.
    @Test func equalPainIsOrderedByTitleThenByMap() {
        let maps = ["Б", "А", "Б"].map { title in
            Map(summary: Self.summary(title, product: nil, segment: nil), stages: Self.stages("Вход"),
                stageEmotions: [-1], actions: [Self.action(0, "шаг " + title)])
        }
        let plan = ActionPlan(maps)
        #expect(plan.kinds[0].owners[0].entries.map(\.map) == [1, 0, 2])
    }

    /// The actions of maps whose stages' figures changed, placed again in the plan as it was, are where a plan
    /// laid out anew puts them, every other action where it was; placing them asks of a few actions, not all. The
    /// maps have like figures (equal scores, missing conversions, equal titles), so that every tie is told apart.
    @Test func actionsMovedByTheirFiguresArePlacedWhereTheWholePlanPutsThem() {
        var seed: UInt64 = 7
        let next = { (bound: Int) -> Int in
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        let figures = { () -> (emotions: [Double?], stages: [StageFacts]) in
            var stages = Self.stages("Поиск", "Выбор", "Покупка")
            for stage in stages.indices where next(4) > 0 {
                stages[stage].figures.conversion = Figure(value: Double(10 * next(5)), unit: .percent)
            }
            return ((0..<3).map { _ in next(5) == 0 ? nil : Double(next(5) - 2) }, stages)
        }
        var maps = (0..<400).map { number in
            let (emotions, stages) = figures()
            return Map(summary: Self.summary(["Альфа", "Бета", "Вега", "ёлка", "Ель"][number % 5], product: nil, segment: nil),
                       stages: stages, stageEmotions: emotions,
                       actions: [Self.action(0, "а", kind: "Сайт", owner: "web"), Self.action(2, "б", kind: "Сайт", owner: "web"),
                                 Self.action(1, "в", kind: "SMM"), Self.action(2, "г", kind: "Сайт", owner: "web")])
        }
        var plan = ActionPlan(maps, kindOrder: ["Сайт"])
        for moved in [[17], [0, 399], [5, 6, 200]] {
            var now = maps
            for map in moved { (now[map].stageEmotions, now[map].stages) = figures() }
            var asked = 0
            let placed = plan.moving(Set(moved)) { entry in
                asked += 1
                let map = now[entry.map], stage = map.actions[entry.action].stage
                return ActionPlan.Placing(emotion: map.stageEmotions[stage], conversion: map.stages[stage].figures.conversion?.value,
                                          title: map.summary.title, entry: entry)
            }
            #expect(placed == ActionPlan(now, kindOrder: ["Сайт"]))
            // Of 1,600 actions, each of the moved maps' four and about ten others each.
            #expect(asked < 15 * 4 * moved.count)
            #expect(placed != plan)
            (maps, plan) = (now, placed)
        }
    }
}
