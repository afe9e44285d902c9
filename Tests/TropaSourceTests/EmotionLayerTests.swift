import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaBuild
import TropaTesting

/// `emotion` layers: scores with signs and decimals, faces, labels, several points, lines or list items.
@Suite struct EmotionLayerTests {
    static func points(_ lines: String, schema: LayerSchema = .default) -> [EmotionPoint]? {
        Check.layer("emotions", "### Эмоции\n" + lines, schema: schema)?.points
    }

    @Test(arguments: [
        ("0 Нейтрально", 0.0, "Нейтрально"),
        ("+1 Интерес", 1, "Интерес"),
        ("-1 Сомнение", -1, "Сомнение"),
        ("−2 Раздражение", -2, "Раздражение"),
        ("–1 Усталость", -1, "Усталость"),
        ("1.5 Надежда", 1.5, "Надежда"),
        ("-0,5 Лёгкое сомнение", -0.5, "Лёгкое сомнение"),
        ("2: Радость", 2, "Радость"),
        ("-1 — ждёт ответа", -1, "ждёт ответа"),
        ("+2", 2, ""),
        ("0, нейтрально", 0, "нейтрально"),
    ])
    func scoreAndLabel(line: String, score: Double, label: String) throws {
        let points = try #require(Self.points(line + "\n"))
        #expect(points.map(\.score) == [score])
        #expect(points.map(\.label) == [label])
        #expect(points.map(\.line) == [7])
        #expect(points.map(\.column) == [1])
    }

    @Test(arguments: [("😡", -2.0), ("🙁", -1), ("😐", 0), ("🙂", 1), ("😀", 2), ("☹️", -1), ("😊", 1)])
    func facesStandForScores(face: String, score: Double) throws {
        let points = try #require(Self.points("- \(face) Демо\n"))
        #expect(points.map(\.score) == [score])
        #expect(points.map(\.label) == ["Демо"])
        #expect(points.map(\.column) == [3])
    }

    @Test func severalLinesAreSeveralPointsInOrder() throws {
        let points = try #require(Self.points("""
            0 Нейтрально: поиск — рабочая задача
            +1 Интерес: нашёл сервис
            −1 Сомнение: а если команда не примет?

            """))
        #expect(points.map(\.score) == [0, 1, -1])
        #expect(points.map(\.label) == ["Нейтрально: поиск — рабочая задача", "Интерес: нашёл сервис",
                                        "Сомнение: а если команда не примет?"])
        #expect(points.map(\.line) == [7, 8, 9])
    }

    @Test func listItemsAreSeveralPointsInOrder() throws {
        let points = try #require(Self.points("""
            - -1 Тревога: план под угрозой
            - 😐 Привычная рутина
            * +2 Радость

            """))
        #expect(points.map(\.score) == [-1, 0, 2])
        #expect(points.map(\.label) == ["Тревога: план под угрозой", "Привычная рутина", "Радость"])
        #expect(points.map(\.line) == [7, 8, 9])
        #expect(points.map(\.column) == [3, 3, 3])
    }

    /// A one-stage map whose emotion layer, on line 12, holds `lines` (from line 13).
    static func emotionLayer(_ lines: String) -> (journey: Journey, diagnostics: [Diagnostic]) {
        Check.journey(Check.oneStage("### Цель\nНайти CRM.\n\n### Действия\n- Читает обзоры\n\n### Эмоции\n" + lines))
    }

    @Test func labelsKeepInlineTextWithoutMarkup() throws {
        let points = try #require(Self.points("1 Нашёл **нужный** сервис\n"))
        #expect(points.map(\.label) == ["Нашёл нужный сервис"])
    }

    @Test func aScoreMustBeFollowedBySpaceOrASeparator() {
        let (_, diagnostics) = Self.emotionLayer("""
            0 Рабочая задача
            3дня сомневается
            Раздражение

            """)
        #expect(diagnostics.found == [Found(.emotionSyntax, .error, 14, 1), Found(.emotionSyntax, .error, 15, 1)])
        #expect(diagnostics.first?.message(in: .en) == "the emotion \"3дня сомневается\" does not start with a score or a face")
        #expect(diagnostics.first?.help == .emotionHelp)
    }

    /// "- - 1" is a list inside the item to Markdown: read as it parses, the score would be +1.
    @Test func aMinusSpacedFromItsScoreIsAnError() throws {
        let (journey, diagnostics) = Self.emotionLayer("""
            - - 1 Раздражение
            - + 1 Облегчение
            - -2 Злость

            """)
        #expect(diagnostics.found == [Found(.emotionSyntax, .error, 13, 3)])
        let spaced = try #require(diagnostics.first)
        #expect(spaced.message(in: .ru) == "минус перед «1 Раздражение» отделён пробелом: Markdown читает его как маркер списка, а оценку — как положительную")
        #expect(spaced.help == .write("-1 Раздражение"))
        #expect(journey.stages[0].layer(id: "emotions")?.content.points?.map(\.score) == [1, -2])
    }

    @Test func blocksOtherThanLinesAndListsAreErrors() {
        let (_, diagnostics) = Self.emotionLayer("""
            0 Рабочая задача

            > +1 Цитата клиента

            """)
        #expect(diagnostics.found == [Found(.emotionSyntax, .error, 15, 1)])
        #expect(diagnostics.first?.message(in: .en) == "an emotion layer holds scores, but here is a quote")
    }

    @Test func scoresOutsideTheDefaultScaleAreErrors() {
        let (journey, diagnostics) = Self.emotionLayer("""
            - 2 Радость
            - 2.5 Восторг
            - −3 Ярость

            """)
        #expect(journey.stages[0].layer(id: "emotions")?.content.points?.map(\.score) == [2, 2.5, -3])
        #expect(diagnostics.found == [Found(.emotionOutOfRange, .error, 14, 3), Found(.emotionOutOfRange, .error, 15, 3)])
        #expect(diagnostics.map { $0.message(in: .en) } == ["the score 2.5 is outside the scale -2..2",
                                               "the score -3 is outside the scale -2..2"])
        // In Russian, numbers as the pages write them.
        #expect(diagnostics.map { $0.message(in: .ru) } == ["оценка 2,5 не входит в шкалу от −2 до 2",
                                                            "оценка −3 не входит в шкалу от −2 до 2"])
        #expect(diagnostics.first?.suggestion(in: .ru) == "поставьте оценку от −2 до 2")
    }

    @Test func aCustomScaleWidensTheRange() throws {
        let schema = LayerSchema(scale: 0...10, layers: [
            LayerDefinition(id: "emotions", title: .init(["ru": "Эмоции"]), kind: .emotion, required: true),
        ], metrics: [])
        let (journey, diagnostics) = Check.journey(Check.oneStage("""
            ### Эмоции
            - 0 Раздражение
            - 7.5 Доволен
            - 10 Восторг
            - 11 Слишком

            """), schema: schema)
        #expect(journey.stages[0].layer(id: "emotions")?.content.points?.map(\.score) == [0, 7.5, 10, 11])
        #expect(diagnostics.found == [Found(.emotionOutOfRange, .error, 10, 3)])
        #expect(diagnostics.first?.message(in: .en) == "the score 11 is outside the scale 0..10")
        #expect(diagnostics.first?.suggestion(in: .en) == "use a score from 0 to 10")
    }
}
