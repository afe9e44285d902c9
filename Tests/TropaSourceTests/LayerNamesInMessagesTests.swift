import Testing
@testable import TropaModel
@testable import TropaSource
import TropaTesting

/// Messages name a layer or metric as the author reads it — its heading, or its title in the site's language —
/// never by the schema's id, which only the schema's author knows.
@Suite struct LayerNamesInMessagesTests {
    /// A schema whose ids are not words of the map: the layer `pain_points` is «Боли» / "Pains" and the metric
    /// `avg_check` is «Средний чек» / "Average order".
    static let schema: LayerSchema = {
        let (parsed, problems) = SchemaParser.parse(SourceText(path: "schema.yml", text: """
            layers:
              - id: goal
                title: { en: Goal, ru: Цель }
                kind: text
                required: true
              - id: pain_points
                title: { en: Pains, ru: Боли }
                kind: list
              - id: kpis
                title: { en: Figures, ru: Показатели }
                kind: metrics
            metrics:
              - id: avg_check
                title: { en: Average order, ru: Средний чек }
            """))
        precondition(problems.isEmpty, "\(problems)")
        return parsed!
    }()

    static func diagnostics(_ layers: String, language: Language = .ru) -> [Diagnostic] {
        let source = SourceText(path: "content/map.md", text: Check.oneStage("### Цель\nНайти.\n\n" + layers))
        let (journey, problems) = JourneyParser(schema: schema, unsafeHTML: false, language: language).parse(source)
        return problems + JourneyValidator(schema: schema, language: language).validate(journey)
    }

    @Test func aListLayerWithAParagraphIsNamedByItsHeading() {
        let found = Self.diagnostics("### Боли\nДолго ждать ответа.\n")
        #expect(found.codes == [.listExpected])
        #expect(found.first?.message(in: .en) == "the layer \"Боли\" should be a list, but here is a paragraph")
    }

    @Test func aMetricsLayerWithTwoListsIsNamedByItsHeading() {
        let found = Self.diagnostics("### Figures\n- Средний чек: 4500\n\n1. Средний чек: 4700\n")
        #expect(found.first?.message(in: .en) == "the layer \"Figures\" should hold one list, but there are 2")
    }

    @Test(arguments: [(Language.ru, "Боли"), (.en, "Pains")])
    func aHeadingCloseToALayersIdSuggestsItsTitle(language: Language, title: String) {
        let found = Self.diagnostics("### pain_point\n- Долго\n", language: language)
        #expect(found.codes == [.unknownLayer])
        #expect(found.first?.suggestion(in: .en) == "did you mean \"\(title)\"?")
        // The suggestion still finds the layer it names: it is not also reported missing or misnamed.
        let suggested = Suggestion.layer(for: "pain_point", in: Self.schema, language: language)
        #expect(suggested.flatMap { Self.schema.layer(named: $0)?.id } == "pain_points")
    }

    /// A title (or alias) the heading is a typo of is what the author meant to write, in whatever language.
    @Test func aHeadingCloseToATitleSuggestsThatTitleAsWritten() {
        #expect(Suggestion.layer(for: "Pians", in: Self.schema, language: .ru) == "Pains")
        #expect(Suggestion.layer(for: "Gaol", in: LayerSchema.default, language: .ru) == "Goal")
        #expect(Suggestion.layer(for: "Pain points!", in: LayerSchema.default, language: .ru) == "Pain points")
    }

    @Test(arguments: [(Language.ru, "Средний чек"), (.en, "Average order")])
    func aMetricCloseToAMetricsIdSuggestsItsTitle(language: Language, title: String) {
        let found = Self.diagnostics("### Показатели\n- avg_chek: 4500\n", language: language)
        #expect(found.codes == [.unknownMetric])
        #expect(found.first?.suggestion(in: .en) == "did you mean \"\(title)\"?")
    }

    @Test func aMetricCloseToATitleSuggestsThatTitle() {
        let found = Self.diagnostics("### Показатели\n- Средний чк: 4500\n", language: .en)
        #expect(found.map { $0.suggestion(in: .en) } == ["did you mean \"Средний чек\"?"])
    }
}
