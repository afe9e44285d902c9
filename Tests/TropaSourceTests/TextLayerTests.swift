import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaBuild
import TropaTesting

/// `text` layers keep any Markdown, rendered to safe HTML, with its plain text alongside.
@Suite struct TextLayerTests {
    @Test func paragraphsAndInlineMarkupBecomeHTML() throws {
        let text = try #require(Check.layer("goal", """
            ### Цель
            Найти **готовые** скрипты для [B2B](https://example.com).

            Второй абзац.

            """)?.richText)
        #expect(text.html == "<p>Найти <strong>готовые</strong> скрипты для <a href=\"https://example.com\">B2B</a>.</p>\n<p>Второй абзац.</p>\n")
        #expect(text.plain == "Найти готовые скрипты для B2B. Второй абзац.")
    }

    @Test func aListInATextLayerStaysAList() throws {
        let text = try #require(Check.layer("expectations", """
            ### Ожидания
            - Быстрый ответ
            - Понятная цена

            """)?.richText)
        #expect(text.html == "<ul>\n<li>Быстрый ответ</li>\n<li>Понятная цена</li>\n</ul>\n")
    }

    @Test func deeperHeadingsBelongToTheLayer() throws {
        let (journey, diagnostics) = Check.journey(Check.oneStage("""
            ### Цель
            Найти CRM.

            #### Подробности
            Для отдела из десяти человек.

            ### Действия
            - Читает обзоры

            ### Эмоции
            0 Рабочая задача

            """))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let goal = try #require(journey.stages[0].layer(id: "goal")?.content.richText)
        #expect(goal.html == "<p>Найти CRM.</p>\n<h4>Подробности</h4>\n<p>Для отдела из десяти человек.</p>\n")
    }

    @Test func rawHTMLIsLeftOutUnlessTheSiteOptsIn() throws {
        let text = try #require(Check.layer("goal", "### Цель\nНайти <script>alert(1)</script> CRM.\n")?.richText)
        #expect(!text.html.contains("<script>"))
        #expect(text.html.contains("raw HTML omitted"))
    }

    @Test func stageDescriptionAndIntroductionAreText() throws {
        let (journey, _) = Check.journey("""
            ---
            title: Карта
            ---
            Вступление: *12 интервью*.

            ## Этап
            Описание этапа.

            ### Цель
            Найти CRM.

            """)
        #expect(journey.introduction.html == "<p>Вступление: <em>12 интервью</em>.</p>\n")
        #expect(journey.stages[0].description.plain == "Описание этапа.")
    }
}
