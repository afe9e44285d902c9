import Testing
@testable import TropaModel
@testable import TropaSource
import TropaTesting

/// A heading one `#` short or one too many: reported once, and read as what the headings around it show it is,
/// rather than as a stage or layer that makes every heading after it an error.
@Suite struct MisleveledHeadingTests {
    @Test func aLayerWrittenAsAStageIsReadAsTheLayer() throws {
        let text = Check.oneStage("## Цели\nНайти CRM.\n\n### Действия\n- Читает\n\n### Эмоции\n0 Спокойно\n")
        let (journey, diagnostics) = Check.journey(text)
        #expect(diagnostics.found == [Found(.misplacedHeading, .error, 6, 4)])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message(in: .en) == "\"## Цели\" is a layer, not a stage: a layer's heading has three #")
        #expect(diagnostic.message(in: .ru) == "«## Цели» — слой, а не этап: заголовок слоя пишут через ###")
        #expect(diagnostic.suggestion(in: .ru) == "напишите «### Цели»")
        #expect(journey.stages.map(\.name) == ["Этап"])
        #expect(journey.stages.first?.layer(id: "goal")?.content.richText?.plain == "Найти CRM.")
    }

    @Test func aLayerWrittenAsAStageAmongTheLayersIsReadAsTheLayer() {
        let text = Check.oneStage("### Цель\nНайти.\n\n## Действия\n- Читает\n\n### Эмоции\n0 Спокойно\n")
        let (journey, diagnostics) = Check.journey(text)
        #expect(diagnostics.found == [Found(.misplacedHeading, .error, 9, 4)])
        #expect(journey.stages.first?.layers.map(\.layerID) == ["goal", "actions", "emotions"])
    }

    @Test func aStageNamedLikeALayerWithLayersOfItsOwnIsAStage() {
        let text = Check.oneStage(Check.requiredLayers + "\n## Вопросы\n" + Check.requiredLayers)
        let (journey, diagnostics) = Check.journey(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(journey.stages.map(\.name) == ["Этап", "Вопросы"])
    }

    @Test func aStageWrittenAsALayerAfterACompleteStageIsReadAsAStage() throws {
        let text = Check.oneStage(Check.requiredLayers + "\n### Оплата\n" + Check.requiredLayers)
        let (journey, diagnostics) = Check.journey(text)
        #expect(diagnostics.found == [Found(.misplacedHeading, .error, 15, 5)])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message(in: .ru)
            == "«### Оплата» не называет слой, а слои после него в этапе «Этап» уже есть: заголовок этапа пишут через ##")
        #expect(diagnostic.suggestion(in: .en) == "## Оплата")
        #expect(journey.stages.map(\.name) == ["Этап", "Оплата"])
        #expect(journey.stages.last?.layers.count == 3)
    }

    /// After a stage that lacks a required layer, an unknown heading followed by a layer it has is as likely a layer
    /// named wrong as a stage: both problems are told as they are.
    @Test func anUnknownLayerAfterAnIncompleteStageStaysAnUnknownLayer() {
        let text = Check.oneStage("### Цель\nНайти.\n\n### Мысли\nО разном.\n\n### Цель\nЕщё.\n")
        let codes = Check.journey(text).diagnostics.map(\.code)
        #expect(codes.contains(.unknownLayer) && codes.contains(.duplicateLayer) && !codes.contains(.misplacedHeading))
    }

    /// A typo of a layer's name is that layer, misspelt.
    @Test func aTypoOfALayerIsNoStage() {
        let text = Check.oneStage(Check.requiredLayers + "\n### Эмоцыи\n0\n\n### Цель\nЕщё.\n")
        let codes = Check.journey(text).diagnostics.map(\.code)
        #expect(codes.contains(.unknownLayer) && !codes.contains(.misplacedHeading))
    }

    /// Where the stages may have different layers, a stage named like a layer is a stage.
    @Test func aStageNamedLikeALayerWhereStagesDifferIsAStage() {
        let schema = LayerSchema(scale: -2...2, layers: [
            LayerDefinition(id: "actions", title: .init(["ru": "Действия"]), kind: .list),
            LayerDefinition(id: "support", title: .init(["ru": "Поддержка"]), kind: .text),
            LayerDefinition(id: "emotions", title: .init(["ru": "Эмоции"]), kind: .emotion),
        ], metrics: [])
        let text = "---\ntitle: Карта\n---\n\n## Покупка\n### Действия\n- Платит\n\n## Поддержка\n### Эмоции\n0 Ждёт\n"
        let (journey, diagnostics) = Check.journey(text, schema: schema)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(journey.stages.map(\.name) == ["Покупка", "Поддержка"])
    }

    /// A draft is written stage by stage: a stage without all its layers yet is no mistake there.
    @Test func aStageNamedLikeALayerInADraftIsAStage() {
        let text = "---\ntitle: Карта\ndraft: true\n---\n\n## Заказ\n### Цель\nКупить.\n\n### Действия\n- Платит\n\n## Ожидание\n### Эмоции\n0 Ждёт\n"
        let (journey, diagnostics) = Check.journey(text)
        #expect(!diagnostics.contains { $0.code == .misplacedHeading }, "\(diagnostics)")
        #expect(journey.stages.map(\.name) == ["Заказ", "Ожидание"])
    }

    /// Text with dashes under it is a separator or a stage, as `underlined-stage` says; never a layer.
    @Test func anUnderlinedHeadingIsNoLayer() {
        let text = Check.oneStage("### Цель\nНайти.\n\nДействия\n---\n- Читает\n\n### Эмоции\n0\n")
        let codes = Check.journey(text).diagnostics.map(\.code)
        #expect(codes.contains(.underlinedStage) && !codes.contains(.misplacedHeading), "\(codes)")
    }

    @Test func aStageWrittenWithOneMarkAfterACompleteStageIsReadAsAStage() throws {
        let text = Check.oneStage(Check.requiredLayers + "\n# Сборка\n" + Check.requiredLayers)
        let (journey, diagnostics) = Check.journey(text)
        #expect(diagnostics.found == [Found(.misplacedHeading, .error, 15, 3)])
        #expect(diagnostics.first?.suggestion(in: .ru) == "напишите «## Сборка»")
        #expect(journey.stages.map(\.name) == ["Этап", "Сборка"])
    }
}

@Suite struct BranchTypoTests {
    @Test(arguments: [("курьер", "курер", true), ("курер", "курьер", true), ("самовывоз", "самовывозы", true),
                      ("онлайн", "офлайн", false), ("курьер", "курьер", false), ("ab", "abc", false), ("курьер", "курь", false),
                      ("тариф 1", "тариф 10", false), ("тариф", "тариф 2", false)])
    func aLabelOneLetterApart(a: String, b: String, apart: Bool) {
        #expect(BranchLabel.oneLetterApart(a, b) == apart)
    }

    /// Branches named a letter changed apart are a fork as written.
    @Test func branchesOfOneForkNamedALetterChangedApartAreNoTypo() {
        let text = Check.oneStage(Check.requiredLayers) + "\n## Каталог {Онлайн}\n" + Check.requiredLayers
            + "\n## Шоурум {Офлайн}\n" + Check.requiredLayers
        #expect(Check.journey(text).diagnostics.isEmpty)
    }
}

@Suite struct UnreadMarkupTests {
    @Test(arguments: [
        ("См. [оплату](sofa.md#визит в шоурум)", "[оплату](sofa.md#визит в шоурум)"),
        ("[a](b c) и [d](e f)", "[a](b c)"),
        ("`код` и [a](b c)", "[a](b c)"),
    ])
    func aLinkWithASpaceInItsAddress(line: String, link: String) throws {
        let found = try #require(UnreadMarkup.spacedLink(in: line[...]))
        #expect(found.text == link)
    }

    @Test(arguments: ["[a](b \"Заголовок\")", "[a](b 'x')", "[a](b (x))", "[a](<b c>)", "`[a](b c)`", "[a](b)", "a](b c)"])
    func noSpacedLink(line: String) {
        #expect(UnreadMarkup.spacedLink(in: line[...]) == nil)
    }
}

@Suite struct UnreadMarkupScanTests {
    @Test(arguments: [("a | b", true), ("[a](b)", true), ("a ] ( b", false), ("a ]", false), ("]", false), ("", false),
                      ("текст ](", true)])
    func aBodyMayHoldTablesOrLinks(body: String, may: Bool) {
        #expect(UnreadMarkup.mayHold(body) == may)
    }
}
