import Testing
@testable import TropaModel
@testable import TropaSource
import TropaTesting

/// Text with a line of dashes right under it is a stage heading in CommonMark (setext). Authors mostly mean the
/// dashes as a separator, so such a stage is read as one and an `underlined-stage` warning says why it is there.
@Suite struct UnderlinedStageTests {
    /// The one stage "Этап" (lines 5–13) with the three required layers, then `tail` from line 14.
    static func map(_ tail: String) -> String {
        Check.oneStage(Check.requiredLayers) + tail
    }

    /// The one stage "Этап" with its text layer last (lines 12–13), then `tail` from line 14.
    static func textLast(_ tail: String) -> String {
        Check.oneStage("### Действия\n- Читает\n\n### Эмоции\n0 Ок\n\n### Цель\nНайти CRM.\n") + tail
    }

    @Test func dashesRightUnderATextMakeAStageAndAreReportedAtTheDashes() throws {
        let (journey, diagnostics) = Check.journey(Self.textLast("\nИтоги этапа\nи выводы\n  -----\n"))
        let warning = try #require(diagnostics.first { $0.code == .underlinedStage })
        #expect(warning.severity == .warning)
        #expect((warning.location.line, warning.location.column) == (17, 3))
        #expect(warning.message(in: .ru) == "черта «-----» под текстом «Итоги этапа и выводы» делает его заголовком этапа")
        #expect(warning.suggestion(in: .ru)
            == "если нужна черта-разделитель, оставьте над ней пустую строку; если это этап, напишите «## Итоги этапа и выводы»")
        #expect(warning.message(in: .en) == "the line \"-----\" under \"Итоги этапа и выводы\" makes it a stage heading")
        #expect(journey.stages.map(\.name) == ["Этап", "Итоги этапа и выводы"])
    }

    /// Text right under a paragraph continues it, so the dashes take the whole paragraph into the stage's name: here
    /// an emotion point written without its `-`. No separator stands in an emotion layer, so the help does not offer one.
    @Test func aParagraphTakenIntoTheHeadingIsQuotedWhole() throws {
        let (journey, diagnostics) = Check.journey(Self.map("Итоги\n---\n"))
        let warning = try #require(diagnostics.first { $0.code == .underlinedStage })
        #expect((warning.location.line, warning.location.column) == (15, 1))
        #expect(warning.message(in: .en) == "the line \"---\" under \"0 Рабочая задача Итоги\" makes it a stage heading")
        #expect(warning.suggestion(in: .ru)
            == "если это этап, напишите «## 0 Рабочая задача Итоги»; иначе уберите черту: в этом слое разделительных линий не бывает")
        #expect(journey.stages.map(\.name) == ["Этап", "0 Рабочая задача Итоги"])
    }

    /// After an empty line the dashes are a separator, which a text layer keeps; a stage written with `##` is no warning.
    @Test func dashesAfterAnEmptyLineAreASeparatorAndAStageWithMarksIsNotReported() {
        let (journey, diagnostics) = Check.journey(Self.textLast("Итоги этапа\n\n---\n\n## Покупка\n" + Check.requiredLayers))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(journey.stages.map(\.name) == ["Этап", "Покупка"])
        guard case .text(let goal)? = journey.stages[0].layer(id: "goal")?.content else {
            Issue.record("the text layer is gone")
            return
        }
        #expect(goal.html == "<p>Найти CRM.\nИтоги этапа</p>\n<hr />\n")
    }
}
