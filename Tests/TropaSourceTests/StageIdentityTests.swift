import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaBuild
import TropaTesting

/// A stage's id is its name compared as headings are: not its position, not the case or spacing of its text.
@Suite struct StageIdentityTests {
    static func stages(_ body: String) -> [Stage] {
        Check.journey("---\ntitle: Карта\n---\n" + body).journey.stages
    }

    @Test func idsIgnoreCaseSpacingAndATrailingColon() {
        #expect(StageID(name: "Оплата") == StageID(name: "оплата:"))
        #expect(StageID(name: "Поиск  решения ") == StageID(name: "поиск решения"))
        #expect(StageID(name: "Ёлка") == StageID(name: "елка"))
        #expect(StageID(name: "Оплата") != StageID(name: "Доставка"))
        #expect(StageID(name: "Оплата").rawValue == "оплата")
    }

    @Test func theParserGivesEachStageItsID() {
        let stages = Self.stages("## Поиск решения\n\n## Оплата:\n")
        #expect(stages.map(\.id) == [StageID(name: "поиск решения"), StageID(name: "оплата")])
        #expect(stages.map(\.name) == ["Поиск решения", "Оплата:"])
    }

    @Test func anIDDoesNotDependOnThePosition() {
        let first = Self.stages("## Оплата\n\n## Доставка\n")
        let second = Self.stages("## Доставка\n\n## оплата:\n")
        #expect(first[0].id == second[1].id)
        #expect(first[1].id == second[0].id)
    }

    /// Two stages with one id are exactly the `duplicate-stage` case.
    @Test func twoStagesWithOneIDAreADuplicateStage() {
        let (journey, diagnostics) = Check.journey("---\ntitle: Карта\n---\n## Оплата\n\n## оплата:\n")
        #expect(journey.stages.map(\.id) == [StageID(name: "Оплата"), StageID(name: "Оплата")])
        #expect(diagnostics.filter { $0.code == .duplicateStage }.found == [Found(.duplicateStage, .error, 6, 4)])
        let distinct = Check.journey("---\ntitle: Карта\n---\n## Оплата\n\n## Оплата картой\n").diagnostics
        #expect(!distinct.contains { $0.code == .duplicateStage })
    }

    @Test func aStageMadeInCodeGetsItsIDFromItsName() {
        let location = SourceLocation(file: "content/map.md", line: 4)
        #expect(Stage(name: "Оплата", location: location).id == StageID(name: "оплата"))
        #expect(Stage(name: "Оплата", location: location, id: StageID(rawValue: "pay")).id.rawValue == "pay")
    }

    @Test func idsSortByTheirText() {
        #expect([StageID(name: "Оплата"), StageID(name: "Доставка")].sorted().map(\.rawValue) == ["доставка", "оплата"])
    }
}
