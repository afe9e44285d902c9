import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaBuild
import TropaTesting

/// `list` layers hold one list; each item's inline Markdown is an entry.
@Suite struct ListLayerTests {
    @Test func bulletItemsAreEntries() throws {
        let items = try #require(Check.layer("actions", """
            ### Действия
            - Ищет статьи о **скриптах** продаж
            - Читает форумы

            """)?.items)
        #expect(items.map(\.text.html) == ["Ищет статьи о <strong>скриптах</strong> продаж", "Читает форумы"])
        #expect(items.map(\.text.plain) == ["Ищет статьи о скриптах продаж", "Читает форумы"])
        #expect(items.map(\.line) == [7, 8])
        #expect(items.allSatisfy { $0.tone == nil })
    }

    @Test func numberedAndStarItemsAreEntries() throws {
        let numbered = try #require(Check.layer("actions", "### Действия\n1. Звонит\n2. Пишет\n")?.items)
        #expect(numbered.map(\.text.plain) == ["Звонит", "Пишет"])
        let stars = try #require(Check.layer("questions", "### Вопросы\n* Сколько стоит?\n* Есть ли демо?\n")?.items)
        #expect(stars.map(\.text.plain) == ["Сколько стоит?", "Есть ли демо?"])
    }

    @Test func signsOutsideTheExperienceLayerAreText() throws {
        let items = try #require(Check.layer("barriers", "### Барьеры\n- −20% бюджета\n- +1 согласование\n")?.items)
        #expect(items.map(\.text.plain) == ["−20% бюджета", "+1 согласование"])
        #expect(items.allSatisfy { $0.tone == nil })
    }

    @Test func aParagraphInsteadOfAListIsAnError() {
        let (_, diagnostics) = Check.journey(Check.oneStage("""
            ### Цель
            Найти CRM.

            ### Действия
            - Читает обзоры

            ### Барьеры
            Нет бюджета до следующего квартала.

            ### Эмоции
            0 Рабочая задача

            """))
        // The layer is not empty, so there is no empty-layer warning beside the error.
        #expect(diagnostics.found == [Found(.listExpected, .error, 13, 1)])
        #expect(diagnostics.first?.message(in: .en) == "the layer \"Барьеры\" should be a list, but here is a paragraph")
        #expect(diagnostics.first?.suggestion(in: .en) == "write each entry as a list item: \"- …\"")
    }

    /// A comment after a list, among its scores or its metrics hides a note on purpose: no error, and the items stay.
    @Test func aCommentBesideAListIsNoStrayBlock() {
        let (journey, diagnostics) = Check.journey(Check.oneStage("""
            ### Цель
            Найти CRM.

            ### Действия
            - Читает обзоры
            <!-- TODO: дописать -->

            ### Эмоции
            <!-- оценки из интервью -->
            0 Рабочая задача

            ### Метрики
            - Конверсия: 30%

            <!-- замерить ещё раз -->

            """))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let stage = journey.stages.first
        guard case .list(let items)? = stage?.layer(id: "actions")?.content else { Issue.record("no actions"); return }
        #expect(items.map(\.text.plain) == ["Читает обзоры"])
        guard case .emotion(let points)? = stage?.layer(id: "emotions")?.content else { Issue.record("no emotions"); return }
        #expect(points.map(\.label) == ["Рабочая задача"])
        guard case .metrics(let values)? = stage?.layer(id: "metrics")?.content else { Issue.record("no metrics"); return }
        #expect(values.map(\.name) == ["Конверсия"])
        // HTML that is more than a comment is still a stray block.
        let (_, stray) = Check.journey(Check.oneStage("### Цель\nНайти CRM.\n\n### Действия\n- Читает\n<div>x</div>\n\n### Эмоции\n0 Ок\n"))
        #expect(stray.found == [Found(.htmlOmitted, .warning, 11, 1), Found(.listExpected, .error, 11, 1)])
    }

    @Test func aParagraphInARequiredListLayerIsNotAMissingLayer() {
        let (_, diagnostics) = Check.journey(Check.oneStage("""
            ### Цель
            Найти CRM.

            ### Действия
            Читает обзоры и спрашивает знакомых.

            ### Эмоции
            0 Рабочая задача

            """))
        #expect(diagnostics.found == [Found(.listExpected, .error, 10, 1)])
    }

    @Test func twoListsInOneLayerAreAnErrorButKeepTheirItems() throws {
        let (journey, diagnostics) = Check.journey(Check.oneStage("""
            ### Цель
            Найти CRM.

            ### Действия
            - Читает обзоры

            1. Звонит в поддержку

            ### Эмоции
            0 Рабочая задача

            """))
        #expect(diagnostics.found == [Found(.listExpected, .error, 12, 1)])
        #expect(diagnostics.first?.message(in: .en) == "the layer \"Действия\" should hold one list, but there are 2")
        #expect(journey.stages[0].layer(id: "actions")?.content.items?.map(\.text.plain)
            == ["Читает обзоры", "Звонит в поддержку"])
    }
}
