import Testing
@testable import TropaModel
@testable import TropaSource
import TropaTesting

/// Lines an author meant as headings that CommonMark reads as text (`##Покупка`, `###` and a no-break space) are
/// `heading-space` errors at the place the space belongs, and are read as the headings they were meant to be.
@Suite struct HeadingSpaceTests {
    /// A map whose one stage "Этап" (line 5) has the three required layers, then `tail` from line 14.
    static func map(_ tail: String) -> String {
        Check.oneStage(Check.requiredLayers) + tail
    }

    @Test func aStageWithoutItsSpaceIsReportedAndReadAsAStage() throws {
        let (journey, diagnostics) = Check.journey(Self.map("##Покупка\n" + Check.requiredLayers))
        #expect(diagnostics.found == [Found(.headingSpace, .error, 14, 3)])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message(in: .en) == "\"##Покупка\" is not a heading: put a space after ##")
        #expect(diagnostic.suggestion(in: .en) == "## Покупка")
        #expect(journey.stages.map(\.name) == ["Этап", "Покупка"])
        // The text layer before it keeps only its own text.
        #expect(journey.stages[0].layer(id: "emotions")?.content == .emotion([EmotionPoint(score: 0, label: "Рабочая задача", line: 13)]))
    }

    @Test func aNoBreakSpaceAfterALayersMarksIsReportedAtItsLineAndTheLayerIsNotMissing() throws {
        let text = Check.oneStage("###\u{A0}Цель\nНайти CRM.\n\n### Действия\n- Читает\n\n### Эмоции\n0 Спокойно\n")
        let (journey, diagnostics) = Check.journey(text)
        #expect(diagnostics.found == [Found(.headingSpace, .error, 6, 4)])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message(in: .en)
            == "\"###\u{A0}Цель\" is not a heading: the space after ### is a no-break space (U+00A0); type a plain space")
        #expect(diagnostic.suggestion(in: .en) == "### Цель")
        #expect(journey.stages.first?.layer(id: "goal")?.content == .text(RichText(html: "<p>Найти CRM.</p>\n", plain: "Найти CRM.")))
    }

    @Test func aNoBreakSpaceAfterAStagesMarks() {
        let (journey, diagnostics) = Check.journey("---\ntitle: Карта\n---\n\n##\u{A0}Этап\n" + Check.requiredLayers)
        #expect(diagnostics.found == [Found(.headingSpace, .error, 5, 3)])
        #expect(journey.stages.map(\.name) == ["Этап"])
    }

    @Test(arguments: [
        ("###Цель", 1, 4, "### Цель"), ("   ####Подробности", 1, 8, "#### Подробности"),
        ("######x", 1, 7, "###### x"), ("#\u{A0}Заголовок", 1, 2, "# Заголовок"),
        ("##\u{202F}Этап", 1, 3, "## Этап"), ("##1. Этап", 1, 3, "## 1. Этап"),
    ])
    func brokenHeadingLines(line: String, number: Int, column: Int, suggestion: String) throws {
        let heading = try #require(BrokenHeading.read(line[...], number: number))
        let diagnostic = heading.diagnostic(file: "a.md")
        #expect(diagnostic.code == .headingSpace)
        #expect(diagnostic.location.column == column)
        #expect(diagnostic.suggestion(in: .en) == suggestion)
    }

    @Test(arguments: ["#скидки", "#1", "## Этап", "##", "##\tЭтап", "####### Семь", "#######Семь", "    ##Код", "Текст ##Этап",
                      "", "#", "- ##Этап"])
    func linesThatAreNotBrokenHeadings(line: String) {
        #expect(BrokenHeading.read(line[...], number: 1) == nil)
    }

    @Test func aHashtagStaysText() {
        let (journey, diagnostics) = Check.journey(Check.oneStage("### Цель\n#скидки\n\n### Действия\n- #скидки\n\n### Эмоции\n0 Спокойно\n"))
        #expect(diagnostics.isEmpty)
        #expect(journey.stages.first?.layer(id: "goal")?.content == .text(RichText(html: "<p>#скидки</p>\n", plain: "#скидки")))
    }

    @Test func linesInCodeAndHTMLBlocksAreNotReported() {
        let code = "```\n##Этап\n```\n\n<div>\n##Этап\n</div>\n\n- Пункт:\n  ~~~\n  ###\u{A0}Цель\n  ~~~\n\n"
        let (_, diagnostics) = Check.journey("---\ntitle: Карта\n---\n\n" + code + "## Этап\n" + Check.requiredLayers)
        // The HTML block is left out of the pages, and said to be; no heading in it is.
        #expect(diagnostics.map(\.code) == [.htmlOmitted], "\(diagnostics)")
    }

    @Test func aCodeBlockLeftOpenHidesTheRestOfTheFile() {
        let layers = "### Действия\n- Читает\n\n### Эмоции\n0 Спокойно\n\n### Цель\nНайти CRM.\n\n```\n##Этап\n"
        let (_, diagnostics) = Check.journey(Check.oneStage(layers))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test func aLevelOneHeadingWithANoBreakSpaceIsAlsoMisplaced() {
        let (_, diagnostics) = Check.journey(Self.map("#\u{A0}Заголовок\n"))
        #expect(diagnostics.found == [Found(.headingSpace, .error, 14, 2), Found(.misplacedHeading, .error, 14, 2)])
    }

    @Test func aLongLineIsQuotedShort() throws {
        let long = String(repeating: "слово ", count: 20)
        let (_, diagnostics) = Check.journey(Self.map("##" + long + "\n"))
        let diagnostic = try #require(diagnostics.first { $0.code == .headingSpace })
        #expect(diagnostic.message(in: .en).hasPrefix("\"##" + String(long.prefix(58)) + "…\" is not a heading"))
        #expect(diagnostic.suggestion(in: .en) == "## " + long.trimmingWhitespace())
    }
}

/// `####` headings: part of a layer's content, list layers included; right under a stage, a misplaced layer.
@Suite struct DeepHeadingTests {
    @Test func aDeepHeadingWhereALayerIsExpectedSaysUseThreeMarks() throws {
        let (journey, diagnostics) = Check.journey(Check.oneStage("#### Точки контакта\n- Обзоры\n\n" + Check.requiredLayers))
        #expect(diagnostics.found == [Found(.misplacedHeading, .error, 6, 1)])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message(in: .en) == "\"#### Точки контакта\" is not a layer: use ###")
        #expect(diagnostic.suggestion(in: .en) == "### Точки контакта")
        #expect(journey.stages.first?.layer(id: "touchpoints") != nil)
        #expect(journey.stages.first?.description == .empty)
    }

    @Test func aDeepHeadingForARequiredLayerIsNotAlsoMissing() {
        let text = Check.oneStage("##### Цель\nНайти CRM.\n\n### Действия\n- Читает\n\n### Эмоции\n0 Спокойно\n")
        #expect(Check.journey(text).diagnostics.found == [Found(.misplacedHeading, .error, 6, 1)])
    }

    @Test func aDeepHeadingThatNamesNoLayerDescribesTheStage() {
        let (journey, diagnostics) = Check.journey(Check.oneStage("#### Контекст\nПлан под угрозой.\n\n" + Check.requiredLayers))
        #expect(diagnostics.isEmpty)
        #expect(journey.stages.first?.description.plain == "Контекст План под угрозой.")
    }

    @Test func deepHeadingsInAListLayerAreEntriesOfTheirOwn() throws {
        let actions = "### Действия\n#### Онлайн\n- Читает обзоры\n- Смотрит вебинар\n#### Офлайн\n- Спрашивает коллег\n"
        let (journey, diagnostics) = Check.journey(Check.oneStage("### Цель\nНайти CRM.\n\n" + actions + "\n### Эмоции\n0 Спокойно\n"))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        guard case .list(let items)? = journey.stages.first?.layer(id: "actions")?.content else {
            Issue.record("no list")
            return
        }
        #expect(items.map(\.text.html) == ["<strong>Онлайн</strong>", "Читает обзоры", "Смотрит вебинар",
                                           "<strong>Офлайн</strong>", "Спрашивает коллег"])
        #expect(items.map(\.line) == [10, 11, 12, 13, 14])
    }

    /// Dividers named like layers (the pains and chances of an experience, the ideas of an expectation) divide the
    /// layer they are in, as any other.
    @Test func deepHeadingsNamedLikeLayersInsideALayerAreDividers() {
        let text = Check.oneStage(Check.requiredLayers + "\n### Опыт\n#### Боли\n- Долго\n#### Возможности\n- Чат\n\n### Ожидания\n#### Идеи\nБыстрее.\n")
        let (journey, diagnostics) = Check.journey(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(journey.stages.first?.layer(id: "experience")?.content.items?.count == 4)
        #expect(journey.stages.first?.layer(id: "barriers") == nil)
    }

    /// In an emotion or metrics layer, which holds no headings, a `####` heading naming a layer the stage lacks is
    /// that layer one `#` too deep: one error, and its items read as the layer's, not as emotions without a score.
    @Test func aDeepLayerHeadingAfterAnEmotionOrMetricsLayerIsOneError() throws {
        for layer in ["### Эмоции\n0 Спокойно\n", "### Эмоции\n0 Спокойно\n\n### Метрики\n- Конверсия: 30%\n"] {
            let text = Check.oneStage("### Цель\nНайти CRM.\n\n### Действия\n- Читает\n\n" + layer + "\n#### Барьеры\n- Цена\n- Нет времени\n")
            let (journey, diagnostics) = Check.journey(text)
            #expect(diagnostics.map { "\($0.code.rawValue):\($0.message(in: .ru)):\($0.suggestion(in: .ru) ?? "")" }
                        == ["misplaced-heading:«#### Барьеры» не считается слоем: слой пишут через ###:напишите «### Барьеры»"])
            #expect(journey.stages.first?.layer(id: "barriers")?.content.items?.count == 2)
        }
    }

    @Test func twoListsWithoutAHeadingBetweenThemAreStillAnError() {
        let text = Check.oneStage(Check.requiredLayers + "### Барьеры\n#### Цена\n- Дорого\n\n1. Долго\n")
        #expect(Check.journey(text).diagnostics.found == [Found(.listExpected, .error, 18, 1)])
    }
}
