import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaBuild
import TropaTesting

/// "Did you mean" suggestions: the closest name by edit distance, compared as headings are.
@Suite struct SuggestionTests {
    static func distance(_ a: String, _ b: String, limit: Int = 10) -> Int {
        Suggestion.editDistance(Array(a), Array(b), limit: limit)
    }

    @Test func editDistanceCountsEdits() {
        #expect(Self.distance("kitten", "sitting") == 3)
        #expect(Self.distance("эмоции", "эмоции") == 0)
        #expect(Self.distance("эмоцйи", "эмоции") == 1)
        #expect(Self.distance("", "цель") == 4)
        #expect(Self.distance("цель", "") == 4)
        #expect(Self.distance("действия", "дейсвтия") == 1)
        #expect(Self.distance("ab", "ba") == 1)
    }

    @Test func editDistanceStopsPastTheLimit() {
        #expect(Self.distance("эмоции", "рекомендации", limit: 2) == 3)
        #expect(Self.distance("a", "abcdef", limit: 2) == 3)
    }

    @Test(arguments: [
        ("Эмоцйи", "Эмоции"), ("эмоции!", "Эмоции"), ("Дейсвтия", "Действия"), ("Барьры", "Барьеры"),
        ("Точки контакат", "Точки контакта"), ("Recomendations", "Recommendations"), ("Emotoins", "Emotions"),
        ("Метрку", "Метрики"), ("Барьерр", "Барьеры"),
    ])
    func layerTypos(typo: String, meant: String) throws {
        // Any name of the layer meant (its id, a title, an alias) matches just as well.
        let schema = LayerSchema.default
        let suggestion = try #require(Suggestion.closest(to: typo, among: schema.layerNames))
        #expect(schema.layer(named: suggestion)?.id == schema.layer(named: meant)?.id)
    }

    @Test(arguments: ["Мысли", "Цитаты клиентов", "x", "", "   "])
    func farNamesGetNoSuggestion(name: String) {
        #expect(Suggestion.closest(to: name, among: LayerSchema.default.layerNames) == nil)
    }

    /// A name typed with several letters of the other alphabet is as close as the name itself: `СSАТ` (Cyrillic С, А,
    /// Т), `Дeмo` (Latin e, o).
    @Test func lettersOfTheOtherAlphabetAreNoDistance() {
        #expect(Suggestion.closest(to: "СSАТ", among: ["NPS", "CSAT", "Конверсия"]) == "CSAT")
        #expect(Suggestion.closest(to: "Дeмo", among: ["Поиск решения", "Демо", "Оплата"]) == "Демо")
        #expect(Message.closest("CSAT", to: "СSАТ").text(in: .ru) == "может быть, «CSAT»? Здесь кириллические буквы «С», «А», «Т»")
        let (_, diagnostics) = Check.journey(Check.oneStage("### Цель\nНайти.\n\n### Действия\n- Ищет\n\n### Эмоции\n0 Ок\n\n### Метрики\n- СSАТ: 50%\n"))
        #expect(diagnostics.found == [Found(.unknownMetric, .warning, 16, 3)])
        #expect(diagnostics.first?.suggestion(in: .ru) == "может быть, «CSAT»? Здесь кириллические буквы «С», «А», «Т»")
        // Every "did you mean" names them: a persona's id too.
        #expect(SiteValidator.personaHelp(for: "custоmer", among: [("customer", "Клиент")]).text(in: .ru)
            == "может быть, «customer»? Здесь кириллическая буква «о»")
    }

    @Test func theClosestOfSeveralWinsAndTiesKeepTheFirst() {
        #expect(Suggestion.closest(to: "tilte", among: ["tags", "title", "updated"]) == "title")
        #expect(Suggestion.closest(to: "ab", among: ["ax", "xb"]) == "ax")
        #expect(Suggestion.closest(to: "persnoa", among: JourneyParser.frontMatterKeys) == "persona")
    }

    @Test func aCyrillicTypoInALayerHeadingSuggestsTheTitle() {
        let (_, diagnostics) = Check.journey("""
            ---
            title: Клиент выбирает CRM
            ---

            ## Поиск решения

            ### Цель
            Найти CRM.

            ### Действия
            - Читает обзоры

            ### Эмоцйи
            0 Рабочая задача

            """)
        // One typo, one error: the layer it was meant to be is not also missing.
        #expect(diagnostics.found == [Found(.unknownLayer, .error, 13, 5)])
        let unknown = diagnostics.first { $0.code == .unknownLayer }
        #expect(unknown?.message(in: .en) == "unknown layer \"Эмоцйи\" in stage \"Поиск решения\"")
        #expect(unknown?.suggestion(in: .en) == "did you mean \"Эмоции\"?")
    }

    @Test func aFarHeadingListsTheLayersInTheSitesLanguage() {
        let (_, diagnostics) = Check.journey(Check.oneStage(Check.requiredLayers + "### Мысли\nОпять выбирать.\n"))
        #expect(diagnostics.first?.suggestion(in: .en) == "the layers are \"Цель\", \"Действия\", \"Вопросы\", \"Точки контакта\", "
            + "\"Ожидания\", \"Эмоции\", \"Опыт\", \"Барьеры\", \"Метрики\", \"Рекомендации\" "
            + "(`tropa schema` lists every name they accept)")
    }

    @Test func aTypoOfARequiredLayerIsOneError() throws {
        let text = Check.oneStage("### Цель\nНайти CRM.\n\n### Дейсвтия\n- Читает\n\n### Эмоции\n0 Спокойно\n")
        let (_, diagnostics) = Check.journey(text)
        #expect(diagnostics.found == [Found(.unknownLayer, .error, 9, 5)])
        #expect(diagnostics.first?.suggestion(in: .en) == "did you mean \"Действия\"?")
    }

    /// `Цльь` is two letters from `Цель`, too far for a suggestion among every layer, but `Цель` is the required
    /// layer the stage lacks: it is suggested. `Цена` is as close, so `Цель` is still reported missing.
    @Test func aFarTypoOfTheRequiredLayerTheStageLacksSuggestsIt() throws {
        let text = Check.oneStage("### Цльь\nНайти CRM.\n\n### Действия\n- Читает\n\n### Эмоции\n0 Спокойно\n")
        let (_, diagnostics) = Check.journey(text)
        #expect(diagnostics.found == [Found(.missingLayer, .error, 5, 4), Found(.unknownLayer, .error, 6, 5)])
        #expect(diagnostics.last?.suggestion(in: .ru) == "может быть, «Цель»?")
        // With `Цель` in the stage, the same heading is far from every layer: the layers are listed.
        let (_, withGoal) = Check.journey(Check.oneStage(Check.requiredLayers + "### Цльь\nОпять.\n"))
        #expect(withGoal.map(\.code) == [.unknownLayer])
        #expect(withGoal.first?.suggestion(in: .ru)?.hasPrefix("в этой схеме такие слои:") == true, "\(withGoal)")
    }

    @Test func aRequiredLayerThatNoHeadingWasMeantToBeIsStillMissing() {
        // "Мысли" is close to no layer: "Действия" is missing on its own.
        let text = Check.oneStage("### Цель\nНайти CRM.\n\n### Мысли\nОпять.\n\n### Эмоции\n0 Спокойно\n")
        #expect(Check.journey(text).diagnostics.found == [Found(.missingLayer, .error, 5, 4), Found(.unknownLayer, .error, 9, 5)])
    }

    @Test(arguments: [
        ("Эмоции клиента", "Эмоции"), ("Боли клиента", "Боли"), ("Каналы коммуникации", "Каналы"), ("KPI этапа", "KPI"),
        ("Точки контакта с брендом", "Точки контакта"), ("ЭМОЦИИ (клиента)", "Эмоции"), ("Pain points of users", "Pain points"),
        // Two names of one layer are no tie; names of two layers are (`Цели и действия`: neither).
        ("Метрики и KPI", "Метрики"), ("Эмоции / Emotions", "Emotions"),
    ])
    func aHeadingThatHoldsALayerNameSuggestsIt(heading: String, name: String) {
        #expect(Suggestion.layer(for: heading, in: .default, language: .ru) == name)
    }

    @Test(arguments: ["Целевая аудитория", "Мысли клиента", "Эмоциональный фон", "Цель и действия"])
    func partsOfWordsAreNotNames(heading: String) {
        #expect(Suggestion.layer(for: heading, in: .default, language: .ru) == nil)
    }

    @Test func feelingsAreEmotions() {
        #expect(LayerSchema.default.layer(named: "Feelings")?.id == "emotions")
        #expect(LayerSchema.default.layer(named: "feeling")?.id == "emotions")
    }
}

@Suite struct SuggestionWordingTests {
    /// An English typo is answered with the English title, not with the layer's id.
    @Test func anEnglishTypoSuggestsTheTitle() {
        let schema = LayerSchema.default
        #expect(Suggestion.closest(to: "Emotoins", among: schema.layerNames) == "Emotions")
    }
}
