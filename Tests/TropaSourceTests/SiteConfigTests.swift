import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaBuild
import TropaTesting

/// `tropa.yml`: optional settings; mistakes are `config-invalid`, unknown keys warnings.
@Suite struct SiteConfigTests {
    static func parse(_ text: String) -> (SiteConfig, [Diagnostic]) {
        ConfigParser.parse(SourceText(path: "tropa.yml", text: text))
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
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config == SiteConfig(title: "Карты пути клиента", language: .ru, baseURL: "https://cjm.example.com/",
                                     schemaPath: "cjm/schema.yml", contentPath: "maps", templatesPath: "theme",
                                     outputPath: "site", unsafeHTML: true))
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
                                      Found(.configInvalid, .error, 3, 1), Found(.configInvalid, .error, 4, 1)])
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
}
