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

    @Test func dashesRightUnderATextMakeAStageAndAreReportedAtTheDashes() throws {
        let (journey, diagnostics) = Check.journey(Self.map("\nИтоги этапа\nи выводы\n  -----\n"))
        let warning = try #require(diagnostics.first { $0.code == .underlinedStage })
        #expect(warning.severity == .warning)
        #expect((warning.location.line, warning.location.column) == (17, 3))
        #expect(warning.message(in: .ru) == "черта «-----» под текстом «Итоги этапа и выводы» делает его заголовком этапа")
        #expect(warning.suggestion(in: .ru)
            == "если нужна черта-разделитель, оставьте над ней пустую строку; если это этап, напишите «## Итоги этапа и выводы»")
        #expect(warning.message(in: .en) == "the line \"-----\" under \"Итоги этапа и выводы\" makes it a stage heading")
        #expect(journey.stages.map(\.name) == ["Этап", "Итоги этапа и выводы"])
    }

    /// Text right under a list item continues the item, so the dashes take the item into the stage's name too.
    @Test func aListItemTakenIntoTheHeadingIsQuotedWithIt() throws {
        let (journey, diagnostics) = Check.journey(Self.map("Итоги\n---\n"))
        let warning = try #require(diagnostics.first { $0.code == .underlinedStage })
        #expect((warning.location.line, warning.location.column) == (15, 1))
        #expect(warning.message(in: .en) == "the line \"---\" under \"0 Рабочая задача Итоги\" makes it a stage heading")
        #expect(journey.stages.map(\.name) == ["Этап", "0 Рабочая задача Итоги"])
    }

    @Test func dashesAfterAnEmptyLineAreASeparatorAndAStageWithMarksIsNotReported() {
        let (journey, diagnostics) = Check.journey(Self.map("Итоги этапа\n\n---\n\n## Покупка\n" + Check.requiredLayers))
        #expect(diagnostics.filter { $0.code == .underlinedStage }.isEmpty)
        #expect(journey.stages.map(\.name) == ["Этап", "Покупка"])
    }
}
