import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaBuild
import TropaTesting

/// Headings and names match the schema by id, title in any language or alias, as an author would expect.
@Suite struct NameMatchingTests {
    @Test(arguments: [
        ("Эмоции", "emotions"), ("эмоции", "emotions"), ("ЭМОЦИИ", "emotions"), ("  Эмоции  ", "emotions"),
        ("Эмоции:", "emotions"), ("Эмоции :", "emotions"), ("Эмоции：", "emotions"), ("emotions", "emotions"),
        ("Emotions", "emotions"), ("EMOTION", "emotions"), ("Чувства", "emotions"), ("Точки  контакта", "touchpoints"),
        ("точки касания", "touchpoints"), ("Channels:", "touchpoints"), ("Цель стадии", "goal"), ("Goals", "goal"),
        ("Pain points", "barriers"), ("Боли", "barriers"), ("KPI", "metrics"), ("Показатели", "metrics"),
        ("Опыт клиента", "experience"), ("Вопросы клиента", "questions"), ("Ideas", "recommendations"),
    ])
    func defaultLayers(heading: String, id: String) {
        #expect(LayerSchema.default.layer(named: heading)?.id == id)
    }

    @Test(arguments: ["Эмоцйи", "Эмоции клиента", "Emotions!", "", "Цель:стадии"])
    func unmatchedHeadings(heading: String) {
        #expect(LayerSchema.default.layer(named: heading) == nil)
    }

    @Test func yoAndYeAreTheSameLetter() {
        #expect(NameKey("Удовлетворённость") == NameKey("удовлетворенность"))
        #expect(NameKey("ЁМКОСТЬ") == NameKey("емкость"))
        #expect(LayerSchema.default.metric(named: "Удовлетворенность")?.id == "csat")
        #expect(LayerSchema.default.metric(named: "удовлетворённость:")?.id == "csat")
    }

    /// Lists of maps sort by their titles' keys, as a Russian reader expects: «Ёлка» with «Ель», after «Дом», not
    /// before «Арбуз» (Ё is U+0401, before А); a capital letter with its small one; the slug among equal titles.
    @Test func mapsAreSortedByTheirTitlesKeysThenSlugs() {
        let maps = [("Ёлка", "c"), ("арбуз", "a"), ("Ель", "d"), ("Дом", "e"), ("Zebra", "z"), ("apple", "y"), ("Ёлка", "b")]
        #expect(maps.sortedByTitle(\.0, slug: \.1).map(\.1) == ["y", "z", "a", "e", "b", "c", "d"])
    }

    @Test func nameKeyFoldsCaseSpaceAndColons() {
        #expect(NameKey("  Точки \t контакта :: ").value == "точки контакта")
        #expect(NameKey("Поиск  решения") == NameKey("поиск решения"))
        #expect(NameKey(":").value == "")
    }

    /// The short way gives the key the long one gives, for every scalar it takes, alone, between letters, next to
    /// spaces and before a colon; it leaves to the long way what it cannot fold.
    @Test func theShortWayAgreesWithTheLongOne() {
        let ranges: [ClosedRange<UInt32>] = [0x21...0x7F, 0x410...0x44F, 0x401...0x401, 0x451...0x451, 0xA1...0xBF,
                                             0x2010...0x2027, 0x2030...0x205E, 0x2116...0x2116]
        var compared = 0
        for value in ranges.joined() {
            let c = String(Unicode.Scalar(value)!)
            for text in [c, "Ab" + c + "Яз", " " + c + " \tЁ ", c + c + ":", "\u{A0}" + c + "x"] {
                guard let fast = NameKey.fastKey(text) else { continue }
                #expect(fast == NameKey.fullKey(text), "U+\(String(value, radix: 16)) in \(text.debugDescription)")
                compared += 1
            }
        }
        #expect(compared > 1_000)
        for text in ["a\u{301}", "a\u{2028}b", "x\u{202F}y", "Ωmega"] {
            #expect(NameKey.fastKey(text) == nil, "\(text.debugDescription)")
        }
    }

    /// A name written with `й` decomposed (и and a breve, as macOS may save it) is the name written with it composed:
    /// as a key, in a set and a dictionary, and to the schema; its key's text keeps the spelling it was written in.
    @Test func aNameWrittenDecomposedIsTheSameKey() {
        let (composed, decomposed) = ("Мой путь", "Мои\u{306} путь")
        #expect(composed.utf8.count != decomposed.utf8.count)
        #expect(NameKey(composed) == NameKey(decomposed))
        #expect(NameKey(composed).hashValue == NameKey(decomposed).hashValue)
        #expect(Set([NameKey(composed), NameKey(decomposed), NameKey("Е\u{308}лка"), NameKey("Ёлка")]).count == 2)
        #expect(NameKey(decomposed).value == "мои\u{306} путь" && NameKey(decomposed).value.utf8.count == decomposed.utf8.count)
        #expect(NameKey("Cafe\u{301}") == NameKey("Café") && NameKey("Cafe\u{301}") != NameKey("Cafe"))
        let schema = LayerSchema(layers: [LayerDefinition(id: "path", title: .init(["ru": composed]), kind: .text)], metrics: [])
        #expect(schema.layer(named: decomposed)?.id == "path")
    }

    /// Every scalar the short way keeps is its own composed form: a key it makes is in NFC as written, so keys
    /// compared by their bytes are compared as text.
    @Test func theShortWayWritesComposedText() {
        var checked = 0
        for value in UInt32(0x20)...0x2116 {
            guard let scalar = Unicode.Scalar(value), let key = NameKey.fastKey("a" + String(scalar) + "b") else { continue }
            #expect(Array(key.utf8) == Array(key.precomposedStringWithCanonicalMapping.utf8), "U+\(String(value, radix: 16))")
            checked += 1
        }
        #expect(checked > 200)
    }

    /// Titles with dashes, quotes and numero signs take the short way; Greek takes the long one: both fold alike.
    @Test func nameKeyFoldsTextAroundPunctuationAndOtherScripts() {
        #expect(NameKey("Карта 5 — «ПОКУПКА» №1… · Итог").value == "карта 5 — «покупка» №1… · итог")
        #expect(NameKey("ΩMEGA — Ёлка").value == "ωmega — елка")
        #expect(NameKey("Sofa\u{2003}Buyer").value == "sofa buyer")
    }

    @Test(arguments: [
        ("Конверсия", "conversion"), ("конверсия", "conversion"), ("CR", "conversion"), ("conversion rate", "conversion"),
        ("nps", "nps"), ("CSAT", "csat"), ("Satisfaction", "csat"), ("Длительность", "duration"), ("Срок", "duration"),
        ("time", "duration"),
    ])
    func defaultMetrics(name: String, id: String) {
        #expect(LayerSchema.default.metric(named: name)?.id == id)
    }

    @Test func customSchemaTitlesInRussianAndAliasesMatch() {
        let schema = LayerSchema(layers: [
            LayerDefinition(id: "pains", title: .init(["ru": "Боли пациента"]), aliases: ["Жалобы"], kind: .list),
            LayerDefinition(id: "mood", title: .init(["en": "Mood", "ru": "Настроение"]), kind: .emotion),
        ], metrics: [])
        #expect(schema.layer(named: "боли ПАЦИЕНТА")?.id == "pains")
        #expect(schema.layer(named: "жалобы:")?.id == "pains")
        #expect(schema.layer(named: "Pains")?.id == "pains")
        #expect(schema.layer(named: "mood")?.id == "mood")
        #expect(schema.layer(named: "Настроение")?.id == "mood")
        #expect(schema.layer(named: "Эмоции") == nil)
        // Titles come before the id, so a suggestion reads like a heading an author would write.
        #expect(schema.layerNames == ["Боли пациента", "pains", "Жалобы", "Mood", "Настроение", "mood"])
    }

    @Test func aMapMayMixLanguagesAndSpellings() {
        let (journey, diagnostics) = Check.journey(Check.oneStage("""
            ### цель:
            Найти CRM.

            ### Actions
            - Читает обзоры

            ### ЭМОЦИЯ
            0 Рабочая задача

            """))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(journey.stages[0].layers.map(\.layerID) == ["goal", "actions", "emotions"])
        #expect(journey.stages[0].layers.map(\.heading) == ["цель:", "Actions", "ЭМОЦИЯ"])
    }

    @Test func twoSpellingsOfOneLayerAreADuplicate() {
        let (_, diagnostics) = Check.journey(Check.oneStage(Check.requiredLayers + """
            ### Goal
            Find a CRM.

            """))
        #expect(diagnostics.found == [Found(.duplicateLayer, .error, 14, 5)])
        #expect(diagnostics.first?.message(in: .en) == "the layer \"Goal\" appears twice in stage \"Этап\" (first on line 6)")
    }

    @Test func stageNamesAreComparedLikeHeadings() {
        let (_, diagnostics) = Check.journey("""
            ---
            title: Карта
            ---
            ## Поиск решения
            ### Цель
            Найти.
            ### Действия
            - Ищет
            ### Эмоции
            0 Спокойно
            ## поиск решения:
            ### Цель
            Найти.
            ### Действия
            - Ищет
            ### Эмоции
            0 Спокойно

            """)
        #expect(diagnostics.found == [Found(.duplicateStage, .error, 11, 4)])
    }

    @Test func aMissingLayerIsSuggestedInTheLanguageOfTheHeadings() {
        let english = Check.journey(Check.oneStage("### Goal\nFind a CRM.\n\n### Actions\n- Reads reviews\n"))
        #expect(english.diagnostics.map { $0.suggestion(in: .en) } == ["add \"### Emotions\" to this stage"])
        let russian = Check.journey(Check.oneStage("### Цель\nНайти CRM.\n\n### Действия\n- Читает обзоры\n"))
        #expect(russian.diagnostics.map { $0.suggestion(in: .en) } == ["add \"### Эмоции\" to this stage"])
    }

    @Test(arguments: [
        ("Мотивы", PersonaSectionKind.motives), ("motives", .motives), ("Мотивация:", .motives),
        ("СЦЕНАРИИ", .scenarios), ("Jobs", .scenarios), ("Драйверы", .drivers), ("Drivers", .drivers),
        ("Боли", .barriers), ("Barriers", .barriers), ("барьеры", .barriers),
    ])
    func personaSections(heading: String, kind: PersonaSectionKind) {
        #expect(PersonaSectionKind.named(heading) == kind)
    }

    /// Trimming takes a shortcut for text that starts and ends with a Latin or Cyrillic sign; it must trim exactly
    /// what trimming character by character does, combining marks and odd spaces included.
    @Test(arguments: ["Эмоции", " Эмоции ", "Цель\t", "\u{A0}Цель\u{A0}", "a \u{301}", " \u{301}a", "x\u{200D}",
                      "ж\u{483}", "\u{483}ж", "«Путь»", "—", "", "  \n", "\r\nа\r\n", "a\u{85}", "\u{2003}b", "日本"])
    func trimmingMatchesTrimmingCharacterByCharacter(_ text: String) {
        let characters = Array(text)
        let first = characters.firstIndex { !$0.isWhitespace }
        let last = characters.lastIndex { !$0.isWhitespace }
        let expected = first.flatMap { first in last.map { String(characters[first...$0]) } } ?? ""
        #expect(text.trimmingWhitespace() == expected)
        #expect(text[...].trimmingWhitespace() == expected)
    }

    /// So it does for every text of up to four pieces of spaces, tabs, line breaks, letters, marks and joiners.
    @Test func trimmingMatchesTrimmingCharacterByCharacterForEveryShortText() {
        let pieces = [" ", "\t", "\n", "\r\n", "\u{A0}", "а", "b", "\u{301}", "\u{600}", "\u{200D}", "😀", "\u{483}"]
        let texts = everyText(of: pieces, upTo: 4)
        for text in texts {
            let characters = Array(text)
            let first = characters.firstIndex { !$0.isWhitespace }
            let last = characters.lastIndex { !$0.isWhitespace }
            let expected = first.flatMap { first in last.map { String(characters[first...$0]) } } ?? ""
            #expect(text.trimmingWhitespace() == expected, "\(text.debugDescription)")
            #expect(("\n" + text + "\n").dropFirst().dropLast().trimmingWhitespace() == expected, "\(text.debugDescription)")
        }
    }
}
