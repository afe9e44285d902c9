import Testing
@testable import TropaModel
@testable import TropaSource
import TropaTesting

/// The outline of parsed Markdown (`RichText.outline`), which mind maps show: every paragraph and every list item a
/// node, nested items children of their item. The HTML is what it was.
@Suite struct TextOutlineTests {
    static func persona(_ body: String) -> Persona {
        let text = "---\nname: РОП\n---\n" + body
        return PersonaParser(unsafeHTML: false).parse(SourceText(path: "content/personas/rop.md", text: text), id: "rop").persona
    }

    static func texts(_ blocks: [TextBlock]) -> [String] { blocks.map(\.text) }

    @Test func eachItemOfAPersonaSectionIsANode() {
        let persona = Self.persona("""
            ## Мотивы
            - Выполнить квартальный план без расширения штата
            - Быстрее вводить новичков в работу
            - Видеть, где теряются сделки

            """)
        let motives = persona.section(.motives)
        #expect(motives?.content.outline == [
            TextBlock("Выполнить квартальный план без расширения штата"),
            TextBlock("Быстрее вводить новичков в работу"),
            TextBlock("Видеть, где теряются сделки"),
        ])
        #expect(motives?.content.html == """
            <ul>
            <li>Выполнить квартальный план без расширения штата</li>
            <li>Быстрее вводить новичков в работу</li>
            <li>Видеть, где теряются сделки</li>
            </ul>

            """)
    }

    @Test func nestedItemsAreChildrenOfTheirItem() {
        let persona = Self.persona("""
            ## Барьеры
            Два вида барьеров.

            - Цена
              - Лицензия на каждого менеджера
              - Внедрение
                1. Интеграция с CRM
            - Опыт «внедрили — никто не пользуется»

            > Цитата из интервью

            """)
        let barriers = persona.section(.barriers)?.content.outline ?? []
        #expect(barriers == [
            TextBlock("Два вида барьеров."),
            TextBlock("Цена", [
                TextBlock("Лицензия на каждого менеджера"),
                TextBlock("Внедрение", [TextBlock("Интеграция с CRM")]),
            ]),
            TextBlock("Опыт «внедрили — никто не пользуется»"),
            TextBlock("Цитата из интервью"),
        ])
    }

    @Test func paragraphsOfATextLayerAreNodes() throws {
        let content = Check.layer("goal", """
            ### Цель
            Найти способ улучшить скрипты,
            не обучая команду заново.

            Уложиться в **квартал**.

            #### Подробнее
            - Без найма

            """)
        guard case .text(let text) = try #require(content) else { Issue.record("not a text layer"); return }
        #expect(text.outline == [
            TextBlock("Найти способ улучшить скрипты, не обучая команду заново."),
            TextBlock("Уложиться в квартал."),
            TextBlock("Подробнее"),
            TextBlock("Без найма"),
        ])
        #expect(text.html.contains("<p>Уложиться в <strong>квартал</strong>.</p>"))
    }

    @Test func oneParagraphIsItsPlainTextAndKeepsNoArray() throws {
        guard case .text(let text) = try #require(Check.layer("goal", "### Цель\nНайти **CRM**.\n")) else {
            Issue.record("not a text layer")
            return
        }
        #expect(text.blocks.isEmpty)
        #expect(text.outline == [TextBlock("Найти CRM.")])
    }

    @Test func aListItemKeepsItsNestedListAsChildrenAndItsToneSignOutOfTheText() throws {
        let content = Check.layer("experience", """
            ### Опыт
            - + Отчёт по воронке
                - показывает проблемный этап
                - обновляется сам
            - − Записи звонков ищут вручную
              - в трёх системах
            - Скрипт в Google Docs

            """)
        guard case .list(let items) = try #require(content) else { Issue.record("not a list layer"); return }
        #expect(items.map(\.tone) == [.positive, .negative, nil])
        #expect(items[0].text.outline == [TextBlock("Отчёт по воронке", [
            TextBlock("показывает проблемный этап"), TextBlock("обновляется сам"),
        ])])
        #expect(items[1].text.outline == [TextBlock("Записи звонков ищут вручную", [TextBlock("в трёх системах")])])
        #expect(items[2].text.blocks.isEmpty, "a plain item keeps no outline of its own")
        #expect(items[2].text.outline == [TextBlock("Скрипт в Google Docs")])
        // The table's HTML still holds the whole item.
        #expect(items[0].text.html.contains("<li>показывает проблемный этап</li>"))
        #expect(items[1].text.html.hasPrefix("Записи звонков ищут вручную"))
    }

    @Test func deeplyNestedBlocksStopAtTheMaximumDepth() throws {
        let quotes = String(repeating: ">", count: 5_000) + " глубоко\n"
        let list = (0..<300).map { String(repeating: "  ", count: $0) + "- уровень \($0)" }.joined(separator: "\n")
        for body in [quotes, list] {
            let outline = Self.persona("## Мотивы\n" + body + "\n").section(.motives)?.content.outline ?? []
            #expect(!outline.isEmpty)
            #expect(Self.depth(outline) <= TextBlock.maximumDepth + 1)
        }
    }

    static func depth(_ blocks: [TextBlock]) -> Int {
        var deepest = 0
        var level = blocks.map { ($0, 1) }
        while let (block, depth) = level.popLast() {
            deepest = max(deepest, depth)
            level += block.children.map { ($0, depth + 1) }
        }
        return deepest
    }
}
