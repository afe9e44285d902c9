import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaBuild
import TropaTesting

/// `tropa.yml`: optional settings; mistakes are `config-invalid`, unknown keys warnings.
@Suite struct SiteConfigTests {
    static func parse(_ text: String) -> (SiteConfig, [Diagnostic]) {
        ConfigParser.parse(SourceText(path: "tropa.yml", text: text), outputNames: outputNames)
    }

    static let outputNames = ["page", "svg", "opml", "mm", "markdown", "mermaid", "json", "csv"]

    /// A file that does not parse, or names no language there is, is told in the language it seems written for:
    /// the one its `language:` line names, or Russian for Cyrillic text.
    @Test(arguments: [
        ("title: Мебель: карты\nlanguage: ru\n", Language.ru), ("title: Мебель\n language: ru\n", .ru),
        ("title: Furniture: maps\n", .en), ("title: Мебель\nlanguage: русский\n", .ru), ("title: Мебель: карты\n", .ru),
        ("title: Furniture\nlanguage: french\n", .en),
    ])
    func aBrokenFileIsToldInTheLanguageItIsWrittenFor(text: String, language: Language) {
        let (config, diagnostics) = Self.parse(text)
        #expect(diagnostics.map(\.code) == [.configInvalid])
        #expect(config.language == language)
    }

    @Test func anIndentedKeyIsToldToStartTheLine() throws {
        let (_, diagnostics) = Self.parse("title: Мебель\n language: ru\n")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.suggestion(in: .ru) == "начните строку с «language:», без пробелов перед ключом: такие ключи пишут без отступа")
    }

    @Test func everyKeyIsRead() {
        let (config, diagnostics) = Self.parse("""
            title: Карты пути клиента
            language: RU
            base_url: https://cjm.example.com/
            schema: cjm/schema.yml
            content: maps/
            templates: theme
            output: site//
            unsafe_html: true
            plan_page_size: 50
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config == SiteConfig(title: "Карты пути клиента", language: .ru, baseURL: "https://cjm.example.com/",
                                     schemaPath: "cjm/schema.yml", contentPath: "maps", templatesPath: "theme",
                                     outputPath: "site", unsafeHTML: true, planPageSize: 50))
    }

    /// A page of the plan holds a whole number of actions, at least one; anything else keeps the default of 200.
    @Test(arguments: ["0", "-5", "12.5", "много", "[10]", "9999999999"])
    func aPlanPageSizeIsAWholeNumberAboveZero(_ value: String) {
        let (config, diagnostics) = Self.parse("language: ru\nplan_page_size: \(value)\n")
        // At the value, as other values of the wrong kind are.
        #expect(diagnostics.found == [Found(.configInvalid, .error, 2, 17)])
        #expect(config.planPageSize == 200)
        #expect(diagnostics.first.map { $0.message(in: .ru) }?.contains("plan_page_size") == true)
    }

    @Test func anEmptyFileKeepsTheDefaults() {
        let (config, diagnostics) = Self.parse("")
        #expect(diagnostics.isEmpty)
        #expect(config == SiteConfig())
        #expect(config.language == .en)
        #expect(config.outputPath == "public")
    }

    @Test func mistakesAreErrorsAndUnknownKeysWarnings() {
        let diagnostics = Self.parse("language: de\ntitel: Карты\noutput: \"  \"\nunsafe_html: да\n").1.sortedByLocation()
        #expect(diagnostics.found == [Found(.configInvalid, .error, 1, 1), Found(.unknownKey, .warning, 2, 1),
                                      Found(.configInvalid, .error, 3, 9), Found(.configInvalid, .error, 4, 14)])
        #expect(diagnostics[1].suggestion(in: .en) == "did you mean \"title\"?")
    }

    @Test func aBrokenConfigStopsTheCheck() throws {
        let result = try Check.site(["tropa.yml": "title: [Карты\n", "content/map.md": "не карта"])
        #expect(result.site == nil)
        #expect(result.diagnostics.codes == [.configInvalid])
        #expect(result.diagnostics.first?.location.file == "tropa.yml")
    }

    @Test func theContentFolderMayBeMoved() throws {
        let result = try Check.site([
            "tropa.yml": "content: maps\n",
            "maps/map.md": "---\ntitle: Карта\n---\n## Этап\n### Цель\nНайти.\n### Действия\n- Ищет\n### Эмоции\n0 Спокойно\n",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.site?.journeys.map(\.path) == ["maps/map.md"])
        #expect(result.facts.map(\.slug) == ["map"])
    }

    @Test func aSiteWithoutContentIsAnIOProblem() {
        #expect(throws: SiteError.self) { try Check.site(["tropa.yml": "title: Карты\n"]) }
    }

    @Test func aMissingSiteFolderIsAnIOProblem() {
        #expect(throws: SiteError.self) {
            try SiteChecker(fileSystem: MemoryFileSystem()).check(root: "nowhere")
        }
    }

    @Test func outputsListsTheFilesOfEachMapByName() {
        let (config, diagnostics) = Self.parse("outputs: [svg, csv, svg]\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config.outputs == ["svg", "csv"])
        #expect(Self.parse("outputs: json\n").0.outputs == ["json"])
        #expect(Self.parse("title: Карты\n").0.outputs == nil)
    }

    @Test func anUnknownOutputIsAConfigErrorAtItsNameWithTheClosestName() {
        let (config, diagnostics) = Self.parse("outputs:\n  - svg\n  - cvs\n  - pdf\n")
        #expect(config.outputs == ["svg"])
        #expect(diagnostics.found == [Found(.configInvalid, .error, 3, 5), Found(.configInvalid, .error, 4, 5)])
        #expect(diagnostics[0].message(in: .en) == "tropa writes no file \"cvs\" for a map")
        #expect(diagnostics[0].suggestion(in: .ru) == "может быть, «csv»?")
        #expect(diagnostics[1].suggestion(in: .en) == "the outputs are: page, svg, opml, mm, markdown, mermaid, json, csv")
    }

    /// Reported at the value.
    @Test(arguments: ["cjm.example.com", "/cjm/", "ftp://example.com/", "https://", "5",
                      "'javascript:window.__xss=1//\"><svg onload=window.__xss=1>'"])
    func aBaseURLMustBeAnAbsoluteWebAddress(value: String) {
        let (config, diagnostics) = Self.parse("base_url: \(value)\n")
        #expect(config.baseURL == nil)
        #expect(diagnostics.found == [Found(.configInvalid, .error, 1, 11)])
        #expect(diagnostics.first?.suggestion(in: .en) == "write the address the site is published at, e.g. \"base_url: https://example.com/cjm/\"")
    }

    /// A site's address with a query or a fragment: it says which, and gives the address without it.
    @Test func aBaseURLWithAQueryOrFragment() {
        let (config, diagnostics) = Self.parse("base_url: https://cjm.example.com/a?x=1#top\n")
        #expect(config.baseURL == nil)
        #expect(diagnostics.found == [Found(.configInvalid, .error, 1, 11)])
        #expect(diagnostics.first?.message(in: .ru) == "«base_url» — адрес папки сайта, в нём не бывает «?x=1#top»")
        #expect(diagnostics.first?.suggestion(in: .ru) == "напишите «base_url: https://cjm.example.com/a»")
    }

    @Test(arguments: ["https://example.com", "http://cjm.example.com/карты/", "HTTPS://example.com:8080/a/b"])
    func aWebAddressIsABaseURL(value: String) {
        let (config, diagnostics) = Self.parse("base_url: \(value)\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config.baseURL == value)
    }
}
