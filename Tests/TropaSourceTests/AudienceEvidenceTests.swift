import Testing
@testable import TropaModel
@testable import TropaSource
import TropaTesting

/// `audience` and `evidence` in a map's front-matter: what the funnel counts people with, and how the figures were
/// obtained.
@Suite struct AudienceEvidenceTests {
    private static func map(_ keys: String) -> (journey: Journey, diagnostics: [Diagnostic]) {
        Check.journey("---\ntitle: Карта\n\(keys)\n---\n\n## Этап\n### Цель\nЦель.\n### Действия\n- Шаг\n### Эмоции\n0\n")
    }

    @Test(arguments: [("audience: 12000", 12_000.0), ("audience: 12 000", 12_000), ("audience: \"1 200\"", 1_200)])
    func audienceIsACountOfCustomers(key: String, count: Double) {
        let (journey, diagnostics) = Self.map(key)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(journey.audience == count)
    }

    @Test(arguments: ["audience: много", "audience: -5", "audience: 0", "audience: 12.5", "audience: [1, 2]"])
    func anAudienceThatIsNoCountIsATypeError(key: String) {
        let (journey, diagnostics) = Self.map(key)
        #expect(journey.audience == nil)
        // At the value, after "audience: ".
        #expect(diagnostics.found == [Found(.frontMatterType, .error, 3, 11)])
        #expect(diagnostics.first?.suggestion(in: .en) == "write how many customers enter the first stage, e.g. \"audience: 12000\"")
    }

    @Test(arguments: [("evidence: hypothesis", Evidence.hypothesis), ("evidence: Walkthrough", .walkthrough),
                      ("evidence: интервью", .interviews), ("evidence: Аналитика", .analytics),
                      ("evidence: гипотеза", .hypothesis), ("evidence: проход", .walkthrough)])
    func evidenceInEnglishOrRussian(key: String, evidence: Evidence) {
        let (journey, diagnostics) = Self.map(key)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(journey.evidence == evidence)
    }

    @Test func unknownEvidenceListsTheAcceptedWordsInTheSiteLanguage() {
        let (journey, diagnostics) = Self.map("evidence: опрос")
        #expect(journey.evidence == nil)
        #expect(diagnostics.found == [Found(.frontMatterType, .error, 3, 11)])
        #expect(diagnostics.first?.message(in: .en) == "\"evidence\" should say how the figures were obtained, not \"опрос\"")
        #expect(diagnostics.first?.suggestion(in: .en) == "write one of: гипотеза, проход, интервью, аналитика")
    }

    @Test func evidenceSaysWhetherTheFiguresWereMeasured() {
        #expect(Evidence.allCases.filter(\.isObjective) == [.interviews, .analytics])
    }
}
