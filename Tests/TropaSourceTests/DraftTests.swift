import Testing
@testable import TropaModel
@testable import TropaSource
import TropaTesting

/// A draft is filled in a layer at a time: its missing and empty layers are warnings while it stays a draft, and
/// every other problem keeps its severity.
@Suite struct DraftTests {
    /// Stage "Пусто" (line 6) has no layers; stage "Начало" (line 8) has an empty "Цель" (line 10), lacks
    /// "Действия", and has an emotion score outside the scale (line 13) and an unknown layer (line 15).
    static func map(draft: Bool) -> String {
        """
        ---
        title: Карта
        draft: \(draft)
        ---

        ## Пусто

        ## Начало

        ### Цель

        ### Эмоции
        7 Восторг

        ### Ощущения
        Текст

        """
    }

    /// The three unfilled places are one warning, at the first, with the number of the others.
    @Test func aDraftsMissingAndEmptyLayersAreWarningsAndItsOtherErrorsStay() throws {
        let result = try Check.site(["content/map.md": Self.map(draft: true)])
        #expect(result.diagnostics.found == [
            Found(.emptyStage, .warning, 6, 4),
            Found(.emotionOutOfRange, .error, 13, 1),
            Found(.unknownLayer, .error, 15, 5),
        ])
        let unfilled = try #require(result.diagnostics.first)
        #expect(unfilled.message(in: .ru).hasSuffix("; и ещё пустых или недостающих слоёв и этапов в черновике: 2"), "\(unfilled.message(in: .ru))")
        #expect(unfilled.suggestion(in: .ru) == "заполняйте слои постепенно: пустые обязательные станут ошибками, когда уберёте «draft: true», а необязательные можно оставить пустыми или убрать")
    }

    /// One place to fill is told as it is, with what becomes of it.
    @Test func aDraftWithOneEmptyLayer() throws {
        let map = Self.map(draft: true).replacingOccurrences(of: "## Пусто\n\n", with: "")
            .replacingOccurrences(of: "### Цель\n", with: "### Цель\nНайти.\n\n### Действия\n")
        let result = try Check.site(["content/map.md": map])
        let empty = try #require(result.diagnostics.first { $0.code == .missingLayer })
        #expect(empty.severity == .warning)
        #expect(empty.suggestion(in: .en) == "fill it in: this layer is required; an error once \"draft: true\" is removed")
        #expect(empty.suggestion(in: .ru) == "заполните его: это обязательный слой; станет ошибкой, когда уберёте «draft: true»")
    }

    @Test func withoutDraftTheSameLayersAreErrors() throws {
        let result = try Check.site(["content/map.md": Self.map(draft: false)])
        #expect(result.diagnostics.filter { [.emptyStage, .missingLayer].contains($0.code) }.map(\.severity)
            == [.error, .error, .error])
        #expect(!result.diagnostics.contains { $0.suggestion(in: .en)?.contains("draft") == true })
    }
}
