import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAnalysis
@testable import TropaOutput
@testable import TropaBuild
@testable import TropaAuthoring

/// One realistic fixture per diagnostic code: each reports its code, severity, line and column, and nothing else.
@Suite struct InvalidFixtureTests {
    struct Case: Sendable, CustomTestStringConvertible {
        /// `invalid/<fixture>.md`, or the folder `invalid/<fixture>/` when it is a site.
        var fixture: String
        var file: String
        var expected: [Found]
        /// Words the first diagnostic's message contains.
        var message: String
        var suggestion: String?

        var code: DiagnosticCode { expected[0].code }
        var testDescription: String { fixture }
        var isFolder: Bool { !fixture.hasSuffix(".md") }
    }

    static let cases: [Case] = [
        Case(fixture: "front-matter-missing.md", file: "content/front-matter-missing.md",
             expected: [Found(.frontMatterMissing, .error, 1, 1), Found(.misplacedHeading, .error, 1, 3)],
             message: "does not start with front-matter",
             suggestion: "start the file with a line \"---\", then \"title: …\", then \"---\""),
        Case(fixture: "front-matter-syntax.md", file: "content/front-matter-syntax.md",
             expected: [Found(.frontMatterSyntax, .error, 3, 15)],
             message: "mapping values are not allowed", suggestion: "put quotes around a value that contains \": \""),
        Case(fixture: "front-matter-type.md", file: "content/front-matter-type.md",
             expected: [Found(.frontMatterType, .error, 4, 1)],
             message: "\"draft\" should be true or false, not \"может быть\""),
        Case(fixture: "missing-title.md", file: "content/missing-title.md",
             expected: [Found(.missingTitle, .error, 1, 1)],
             message: "the map has no title", suggestion: "add \"title: …\" to the front-matter"),
        Case(fixture: "unknown-key.md", file: "content/unknown-key.md",
             expected: [Found(.unknownKey, .warning, 4, 1)],
             message: "unknown front-matter key \"segmnet\"", suggestion: "did you mean \"segment\"?"),
        Case(fixture: "no-stages.md", file: "content/no-stages.md",
             expected: [Found(.noStages, .error, 5, 1)], message: "the map has no stages"),
        Case(fixture: "duplicate-stage.md", file: "content/duplicate-stage.md",
             expected: [Found(.duplicateStage, .error, 16, 4)],
             message: "the stage \"Поиск  решения\" appears twice", suggestion: "give each stage its own name"),
        Case(fixture: "misplaced-heading.md", file: "content/misplaced-heading.md",
             expected: [Found(.misplacedHeading, .error, 7, 5)],
             message: "the layer heading \"Цель\" comes before any stage"),
        Case(fixture: "unknown-layer.md", file: "content/unknown-layer.md",
             expected: [Found(.unknownLayer, .error, 16, 5)],
             message: "unknown layer \"Мысли\" in stage \"Поиск решения\""),
        Case(fixture: "duplicate-layer.md", file: "content/duplicate-layer.md",
             expected: [Found(.duplicateLayer, .error, 16, 5)],
             message: "the layer \"Действия клиента\" appears twice in stage \"Поиск решения\""),
        Case(fixture: "missing-layer.md", file: "content/missing-layer.md",
             expected: [Found(.missingLayer, .error, 5, 4)],
             message: "lacks the required layer \"Эмоции\"", suggestion: "add \"### Эмоции\" to this stage"),
        Case(fixture: "empty-layer.md", file: "content/empty-layer.md",
             expected: [Found(.emptyLayer, .warning, 13, 5)],
             message: "the layer \"Барьеры\" of stage \"Поиск решения\" is empty"),
        Case(fixture: "list-expected.md", file: "content/list-expected.md",
             expected: [Found(.listExpected, .error, 13, 1)],
             message: "should be a list, but here is a paragraph"),
        Case(fixture: "emotion-syntax.md", file: "content/emotion-syntax.md",
             expected: [Found(.emotionSyntax, .error, 15, 3)],
             message: "the emotion \"Раздражение: обзоры противоречат друг другу\" does not start with a score"),
        Case(fixture: "emotion-out-of-range.md", file: "content/emotion-out-of-range.md",
             expected: [Found(.emotionOutOfRange, .error, 15, 3)],
             message: "the score 3 is outside the scale -2..2", suggestion: "use a score from -2 to 2"),
        Case(fixture: "metric-syntax.md", file: "content/metric-syntax.md",
             expected: [Found(.metricSyntax, .error, 18, 3)],
             message: "the value of \"Длительность: около двух недель\" is not a number"),
        Case(fixture: "metric-out-of-range.md", file: "content/metric-out-of-range.md",
             expected: [Found(.metricOutOfRange, .error, 17, 3)],
             message: "\"Конверсия\" is 135%, outside 0..100"),
        Case(fixture: "unknown-metric.md", file: "content/unknown-metric.md",
             expected: [Found(.unknownMetric, .warning, 18, 3)],
             message: "\"Конвертация\" is not a metric of the schema", suggestion: "did you mean \"Конверсия\"?"),
        Case(fixture: "invalid-encoding.md", file: "content/invalid-encoding.md",
             expected: [Found(.invalidEncoding, .error, 2, 8)], message: "the file is not UTF-8 text"),
        Case(fixture: "unknown-persona", file: "content/crm.md",
             expected: [Found(.unknownPersona, .error, 3, 10)],
             message: "no persona \"head-of-sale\"", suggestion: "did you mean \"head-of-sales\"?"),
        Case(fixture: "duplicate-slug", file: "content/Онбординг.md",
             expected: [Found(.duplicateSlug, .error, 1, 1)],
             message: "this map would be written to onbording/, like content/onbording.md"),
        Case(fixture: "schema-invalid", file: "schema.yml",
             expected: [Found(.schemaInvalid, .error, 13, 5)],
             message: "unknown layer kind \"emotions\"", suggestion: "did you mean \"emotion\"?"),
        Case(fixture: "schema-invalid-role", file: "schema.yml",
             expected: [Found(.schemaInvalid, .error, 19, 11)],
             message: "unknown metric role \"konversion\"", suggestion: "did you mean \"conversion\"?"),
        Case(fixture: "config-invalid", file: "tropa.yml",
             expected: [Found(.configInvalid, .error, 2, 1)],
             message: "the language \"de\" has no theme", suggestion: "use \"ru\" or \"en\""),
        Case(fixture: "missing-name", file: "content/personas/head-of-sales.md",
             expected: [Found(.missingName, .error, 1, 1)], message: "the persona has no name"),
        Case(fixture: "unknown-section", file: "content/personas/head-of-sales.md",
             expected: [Found(.unknownSection, .warning, 9, 4)], message: "unknown persona section \"Страхи\""),
        Case(fixture: "duplicate-section", file: "content/personas/head-of-sales.md",
             expected: [Found(.duplicateSection, .error, 12, 4)],
             message: "the section \"Мотивация\" appears twice", suggestion: "merge the two into one"),
        Case(fixture: "output-conflict", file: "content/index.html",
             expected: [Found(.outputConflict, .error, 1, 1)],
             message: "this file would overwrite a page tropa writes: index.html"),
    ]

    /// A single file is checked as the only map of an in-memory site; a folder is checked from disk.
    static func check(_ testCase: Case) throws -> CheckResult {
        let url = Fixtures.invalid(testCase.fixture)
        if testCase.isFolder { return try Fixtures.check(url) }
        return try Check.site(bytes: ["content/" + testCase.fixture: [UInt8](try Data(contentsOf: url))])
    }

    @Test(arguments: cases)
    func reportsItsCodeAtItsPosition(_ testCase: Case) throws {
        let diagnostics = try Self.check(testCase).diagnostics
        #expect(diagnostics.found == testCase.expected)
        #expect(diagnostics.allSatisfy { $0.location.file == testCase.file })
        let first = try #require(diagnostics.first { $0.code == testCase.code })
        #expect(first.message.contains(testCase.message), "\(first.message)")
        if let suggestion = testCase.suggestion {
            #expect(first.suggestion == suggestion)
        }
    }

    /// A build renders each map as soon as it is parsed: it must still report exactly what `check` does, and write
    /// nothing when that includes an error (or, with `--strict`, anything at all).
    @Test(arguments: cases)
    func aBuildReportsWhatTheCheckReports(_ testCase: Case) throws {
        let url = Fixtures.invalid(testCase.fixture)
        let checked = try Self.check(testCase).diagnostics
        for strict in [false, true] {
            let memory = testCase.isFolder ? try RenderFixtures.memory(folder: url)
                : try RenderBuild.memory([:])
            if !testCase.isFolder { try memory.write([UInt8](try Data(contentsOf: url)), to: "/site/content/" + testCase.fixture) }
            let before = memory.contents
            let result = try SiteBuilder(fileSystem: memory).build(root: "/site", options: BuildOptions(strict: strict))
            #expect(result.check.diagnostics.found == checked.found, "strict: \(strict)")
            #expect(result.check.diagnostics.map(\.message) == checked.map(\.message), "strict: \(strict)")
            if checked.hasErrors || strict {
                #expect(result.outputPath == nil, "strict: \(strict)")
                #expect(memory.contents == before, "nothing written, no staging folder left (strict: \(strict))")
            } else {
                #expect(result.outputPath == "/site/public")
            }
        }
    }

    @Test func everyCodeHasAFixture() throws {
        let covered = Set(Self.cases.map(\.code))
        // Templates belong to rendering, which these fixtures do not reach.
        let expected = Set(DiagnosticCode.allCases).subtracting([.templateInvalid])
        #expect(covered == expected)
        for testCase in Self.cases {
            #expect(testCase.fixture.hasPrefix(testCase.code.rawValue), "\(testCase.fixture)")
            #expect(FileManager.default.fileExists(atPath: Fixtures.invalid(testCase.fixture).path))
        }
    }

    @Test func severitiesFollowTheFormatTable() {
        let warnings: Set<DiagnosticCode> = [.unknownKey, .emptyLayer, .unknownMetric, .unknownSection]
        for testCase in Self.cases {
            #expect(testCase.expected[0].severity == (warnings.contains(testCase.code) ? .warning : .error),
                    "\(testCase.code)")
        }
    }

    @Test func theEncodingFixtureIsWindows1251() throws {
        let bytes = [UInt8](try Data(contentsOf: Fixtures.invalid("invalid-encoding.md")))
        #expect(String(bytes: bytes, encoding: .utf8) == nil)
        // "К" of "Клиент" in Windows-1251, after "title: " on the second line.
        let secondLine = bytes.split(separator: UInt8(ascii: "\n"))[1]
        #expect(Array(secondLine.prefix(8)) == Array("title: ".utf8) + [0xCA])
    }
}
