import Testing
@testable import TropaModel
@testable import TropaSource
import TropaTesting

/// What authors coming from a word processor or a spreadsheet write in front-matter: typographic quotes, tags
/// separated by commas, a quote left open, a date written day first. Each gets words that say what to write.
@Suite struct FrontMatterFrictionTests {
    /// The diagnostics of a map whose front-matter is `lines` (from line 2) and whose body is valid.
    static func diagnostics(_ lines: String) -> [Diagnostic] {
        Check.journey("---\n\(lines)\n---\n## Этап\n" + Check.requiredLayers).diagnostics
    }

    @Test func typographicQuotesInAValueThatDoesNotParseAreNamedAndTheLineIsShownQuoted() throws {
        let found = Self.diagnostics("title: “Клиент выбирает CRM”: сравнение")
        #expect(found.found == [Found(.frontMatterSyntax, .error, 2, 29)])
        #expect(found.first?.suggestion(in: .en) == "“ ” are typographic quotes, which YAML reads as text, not as quotes; "
            + "put the whole value in straight quotes: title: '“Клиент выбирает CRM”: сравнение'")
    }

    /// Quotes inside the value were not meant to quote it: the colon is the problem, and the help says only that,
    /// with the line to write.
    @Test func typographicQuotesInsideAValueAreNotBlamed() {
        let found = Self.diagnostics("title: Свитчер: выбор курса «Python с нуля»")
        #expect(found.map(\.code) == [.frontMatterSyntax])
        #expect(found.first?.suggestion(in: .ru) == "значение с «: » берут в прямые кавычки: title: 'Свитчер: выбор курса «Python с нуля»'")
    }

    @Test func theSuggestedLineParsesToWhatTheAuthorMeant() throws {
        let (journey, diagnostics) = Check.journey("---\ntitle: '“Клиент выбирает CRM”: сравнение'\n---\n## Этап\n"
                                                   + Check.requiredLayers)
        #expect(diagnostics.isEmpty)
        #expect(journey.title == "“Клиент выбирает CRM”: сравнение")
    }

    @Test func aStraightQuoteInsideIsDoubledInTheSuggestion() {
        let found = Self.diagnostics("title: «Клиент's выбор»: сравнение")
        #expect(found.first?.suggestion(in: .en)?.hasSuffix("title: '«Клиент''s выбор»: сравнение'") == true)
        #expect(found.first?.suggestion(in: .en)?.hasPrefix("« » are typographic quotes") == true)
    }

    @Test func tagsInTypographicQuotesAreWarnedOfOneByOne() {
        let (journey, diagnostics) = Check.journey("---\ntitle: Карта\ntags: [‘b2b’, «saas», crm]\n---\n## Этап\n"
                                                   + Check.requiredLayers)
        #expect(diagnostics.found == [Found(.typographicQuotes, .warning, 3, 8), Found(.typographicQuotes, .warning, 3, 15)])
        #expect(diagnostics.map { $0.message(in: .en) } == [
            "the tag ‘b2b’ is in typographic quotes ‘ ’, which YAML keeps as part of the text",
            "the tag «saas» is in typographic quotes « », which YAML keeps as part of the text",
        ])
        #expect(diagnostics.map { $0.suggestion(in: .en) } == ["write it without them: b2b", "write it without them: saas"])
        #expect(journey.tags == ["‘b2b’", "«saas»", "crm"])
    }

    @Test func aPersonaInTypographicQuotesIsWarnedOf() {
        let found = Self.diagnostics("title: Карта\npersona: “head-of-sales”")
        #expect(found.found == [Found(.typographicQuotes, .warning, 3, 10)])
        #expect(found.first?.suggestion(in: .en) == "write it without them: head-of-sales")
    }

    /// Typography inside a value, in a title, or in quotes the author typed on purpose is the author's text.
    @Test(arguments: ["title: Карта\ntags: [«B2B» клиенты]", "title: «Лумус» выбирает CRM",
                      "title: Карта\ntags: [\"«saas»\"]", "title: Карта\ntags: [«»]"])
    func quotesThatDoNotWrapAPlainTagOrPersonaAreText(lines: String) {
        #expect(Self.diagnostics(lines).isEmpty)
    }

    /// An empty tag would be a link without text to a page without a title: an error at it, and the tag left out.
    @Test func anEmptyTagIsAnError() {
        let (journey, diagnostics) = Check.journey("---\ntitle: Карта\ntags: [\"\", b2b, \"  \"]\n---\n## Этап\n"
                                                   + Check.requiredLayers)
        #expect(diagnostics.found == [Found(.frontMatterType, .error, 3, 8), Found(.frontMatterType, .error, 3, 17)])
        #expect(diagnostics.first?.message(in: .ru) == "в «tags» пустой тег")
        #expect(diagnostics.first?.suggestion(in: .ru) == "впишите название тега или уберите его")
        #expect(journey.tags == ["b2b"])
    }

    /// A dash further right than the item's above goes on that item's text: each such line is warned of, at its dash,
    /// whatever the spaces after the item's dash, a tab before the dash, a comment after it or a blank line between.
    @Test(arguments: [
        ("tags:\n  - saas\n   - b2b", ["5:4"], ["saas - b2b"]),
        ("tags:\n-   saas\n   - b2b", ["5:4"], ["saas - b2b"]),
        ("tags:\n  - saas\n   \t- b2b", ["5:5"], ["saas - b2b"]),
        ("tags:\n  - saas\n    - b2b # B2B", ["5:5"], ["saas - b2b"]),
        ("tags:\n  - saas\n\n    - b2b", ["6:5"], ["saas\n- b2b"]),
        ("tags:\n  - saas\n   - b2b\n    - crm", ["5:4", "6:5"], ["saas - b2b - crm"]),
        ("compare:\n  - - a\n    - b", [], []),
    ])
    func aListItemFurtherRightGoesOnTheItemAbove(lines: String, at: [String], tags: [String]) {
        let (journey, diagnostics) = Check.journey("---\ntitle: Карта\n\(lines)\n---\n## Этап\n" + Check.requiredLayers)
        let continued = diagnostics.filter { $0.code == .listItemContinued }
        #expect(continued.map { "\($0.location.line):\($0.location.column)" } == at, "\(diagnostics)")
        #expect(continued.allSatisfy { $0.severity == .warning && !$0.message(in: .en).contains("\n") })
        if !tags.isEmpty { #expect(journey.tags == tags) }
        #expect(continued.first.map { $0.suggestion(in: .en) } == (at.isEmpty ? nil : "put the dash of \"- b2b\" under the one above"))
    }

    /// A dash inside a tag on its own line is text, and items one under the other are a list.
    @Test func aDashInsideATagIsNoContinuedItem() {
        #expect(Self.diagnostics("title: Карта\ntags:\n  - до - после\n  - e-commerce\n  - b2b").isEmpty)
    }

    @Test func tagsWrittenAsOneTextWithCommasGetAWarningWithTheList() {
        let (journey, diagnostics) = Check.journey("---\ntitle: Карта\ntags: saas, b2b,скрипты продаж\n---\n## Этап\n"
                                                   + Check.requiredLayers)
        #expect(diagnostics.found == [Found(.tagsAsText, .warning, 3, 7)])
        #expect(diagnostics.first?.message(in: .en) == "\"tags\" is one tag, \"saas, b2b,скрипты продаж\": commas separate tags only in a list")
        #expect(diagnostics.first?.suggestion(in: .en) == "write a list: tags: [saas, b2b, скрипты продаж]")
        #expect(journey.tags == ["saas, b2b,скрипты продаж"])
        // One tag, or a list, is what was meant.
        #expect(Self.diagnostics("title: Карта\ntags: saas").isEmpty)
        #expect(Self.diagnostics("title: Карта\ntags: [saas, b2b]").isEmpty)
    }

    @Test(arguments: [("title: \"Клиент выбирает CRM\ntags: [a]", 2, 8, "\""),
                      ("title: Карта\npersona: 'head-of-sales", 3, 10, "'"),
                      ("title: Карта\ntags: [\"b2b, saas]", 3, 8, "\"")])
    func anUnclosedQuoteIsReportedWhereItOpens(lines: String, line: Int, column: Int, quote: String) {
        let found = Self.diagnostics(lines)
        #expect(found.found == [Found(.frontMatterSyntax, .error, line, column)])
        #expect(found.first?.message(in: .en) == "the quote \(quote) that opens here is never closed")
        #expect(found.first?.suggestion(in: .en) == "close it with \(quote) at the end of the value, or remove it")
    }

    /// A list in brackets left open, and a line without a colon, are reported where they are, not at the next key
    /// where the YAML reader finds them, each with the line to write.
    @Test(arguments: [("title: Карта\ntags: [кредитные карты, привлечение\nupdated: 2025-02-01", 3, 7,
                       "tags: [кредитные карты, привлечение]"),
                      ("title: Карта\nrevenue: {value: 1\nupdated: 2025-02-01", 3, 10, "revenue: {value: 1}"),
                      ("title: Карта\n--\naudience: 25000", 3, 1, "write \"--\" as \"key: value\", indent it to go on with the value above, or delete the line"),
                      ("title: Карта\nproduct Кредитка\naudience: 25000", 3, 1,
                       "write \"product Кредитка\" as \"key: value\", indent it to go on with the value above, or delete the line"),
                      // A list over several lines that lacks a comma is no list left open.
                      ("title: Карта\ntags: [\n  \"a\"\n  \"b\"\n]", 5, 3, nil)])
    func anOpenListOrALineWithoutAColonIsReportedWhereItIs(lines: String, line: Int, column: Int, help: String?) {
        let found = Self.diagnostics(lines)
        #expect(found.found == [Found(.frontMatterSyntax, .error, line, column)])
        #expect(found.first?.suggestion(in: .en) == help)
    }

    /// The day written another way suggests the ISO date; the error points at the value.
    @Test(arguments: [("01.03.2024", "2024-03-01"), ("1.3.2024", "2024-03-01"), ("31.12.2023", "2023-12-31"),
                      ("20/11/2026", "2026-11-20"), ("2026/11/20", "2026-11-20"), ("2024.03.01", "2024-03-01"),
                      ("20 ноября 2026", "2026-11-20"), ("1 марта 2024 г.", "2024-03-01"), ("5 May 2025", "2025-05-05")])
    func aDateWrittenAnotherWaySuggestsTheISODate(written: String, iso: String) {
        let found = Self.diagnostics("title: Карта\nupdated: \(written)")
        #expect(found.found == [Found(.frontMatterType, .error, 3, 10)])
        #expect(found.first?.suggestion(in: .en) == "write \"updated: \(iso)\"")
    }

    /// A date of the right form that the calendar lacks is said to be so, with the month's last day.
    @Test(arguments: [("2025-02-30", "даты «2025-02-30» нет: в феврале 2025 года нет 30-го числа", "2025-02-28"),
                      ("2024-02-30", "даты «2024-02-30» нет: в феврале 2024 года нет 30-го числа", "2024-02-29"),
                      ("2025-04-31", "даты «2025-04-31» нет: в апреле 2025 года нет 31-го числа", "2025-04-30")])
    func aDayTheMonthLacksIsSaidToBeMissing(written: String, message: String, last: String) {
        let found = Self.diagnostics("title: Карта\nupdated: \(written)")
        #expect(found.found == [Found(.frontMatterType, .error, 3, 10)])
        #expect(found.first?.message(in: .ru) == message)
        #expect(found.first?.suggestion(in: .ru) == "последний день этого месяца — \(last)")
        #expect(found.first?.message(in: .en) == "the date \"\(written)\" does not exist: \(written.hasPrefix("2025-04") ? "April" : "February") \(written.prefix(4)) has no day \(written.suffix(2))")
    }

    @Test(arguments: ["32.01.2024", "01.13.2024", "1.3.24", "01.03.2024.", "1 марта", "20 брюмера 2026", "2024/13/01"])
    func aDateThatIsNotDayMonthYearSuggestsNothing(written: String) {
        let found = Self.diagnostics("title: Карта\nupdated: \(written)")
        #expect(found.codes == [.frontMatterType])
        #expect(found.first?.suggestion(in: .en) == nil)
    }
}
