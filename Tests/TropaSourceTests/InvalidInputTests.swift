import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaBuild
import TropaTesting

/// The invalid-input manifest, `Tests/Fixtures/invalid-inputs.tsv`: each case (the hostile corpus and one realistic
/// fixture per code) reports exactly its diagnostics, in reading order, each inside its file, with its message and
/// suggestion. Never a crash, a hang or a silent pass. `InvalidInputBuildTests` builds the same cases and
/// `CLICorpusTests` runs `tropa check` on them.
@Suite struct InvalidInputTests {
    typealias Case = InvalidInputs.Case
    typealias Expected = InvalidInputs.Expected

    static let cases = InvalidInputs.cases

    @Test(arguments: cases)
    func reportsExactlyItsDiagnostics(_ testCase: Case) throws {
        guard testCase.status != 2 else {
            #expect(throws: SiteError.self) { try InvalidInputs.check(testCase) }
            return
        }
        let result = try InvalidInputs.check(testCase)
        #expect(result.diagnostics.map(Expected.init) == testCase.expected)
        #expect(result.diagnostics.hasErrors == (testCase.status == 1))
        Self.expectInsideTheirFiles(result)
    }

    /// The first diagnostic with the case's first code says what the manifest says, and suggests what it suggests.
    @Test(arguments: cases.filter { $0.message != nil || $0.suggestion != nil })
    func reportsItsMessageAndSuggestion(_ testCase: Case) throws {
        let code = try #require(testCase.expected.first?.code, "a case with a message has a diagnostic")
        let result = try InvalidInputs.check(testCase)
        let first = try #require(result.diagnostics.first { $0.code == code })
        // In the case's language, as `tropa check` prints it.
        if let message = testCase.message {
            #expect(first.message(in: result.language).contains(message), "\(first.message(in: result.language))")
        }
        if let suggestion = testCase.suggestion {
            #expect(first.suggestion(in: result.language) == suggestion)
        }
    }

    static func expectInsideTheirFiles(_ result: CheckResult,
                                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for diagnostic in result.diagnostics {
            // A file that is not UTF-8, or a static file, has no text to measure the position against.
            guard let source = result.sources[diagnostic.location.file] else {
                #expect([.invalidEncoding, .outputConflict].contains(diagnostic.code), sourceLocation: sourceLocation)
                continue
            }
            #expect(source.contains(diagnostic.location), "\(diagnostic)", sourceLocation: sourceLocation)
        }
    }

    /// Problems of a Mermaid file being imported, which `tropa check` never reads: MermaidImportTests has them.
    static let importCodes: Set<DiagnosticCode> = [.mermaidSyntax, .mermaidScore]

    @Test func everyCodeIsCovered() {
        let corpus = Self.cases.filter { $0.folder == "corpus" }
        let covered = Set(corpus.flatMap(\.expected).map(\.code))
        #expect(covered == Set(DiagnosticCode.allCases).subtracting(Self.importCodes))
        #expect(Set(corpus.map(\.status)) == [0, 1, 2])
        #expect(corpus.count >= 60)
    }

    /// Every file and site folder of `corpus/` and `invalid/` is a case, and every case is in one of them.
    @Test func everyFileOfTheFoldersIsACase() throws {
        var files: [String] = []
        for folder in InvalidInputs.folders {
            files += try FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent(folder).path)
                .map { folder + "/" + $0 }
        }
        #expect(files.sorted() == Self.cases.map(\.name).sorted())
    }

    /// `invalid/` holds one realistic fixture for each code, named after it, its diagnostic first.
    @Test func everyCodeHasAFixture() throws {
        let fixtures = Self.cases.filter { $0.folder == "invalid" }
        let covered = Set(fixtures.compactMap { $0.expected.first?.code })
        // Templates belong to rendering, which these fixtures do not reach.
        let expected = Set(DiagnosticCode.allCases).subtracting([.templateInvalid]).subtracting(Self.importCodes)
        #expect(covered == expected)
        for testCase in fixtures {
            let code = try #require(testCase.expected.first?.code, "\(testCase.name)")
            #expect(testCase.url.lastPathComponent.hasPrefix(code.rawValue), "\(testCase.name)")
            #expect(testCase.message != nil, "\(testCase.name) names the words of its message")
        }
    }

    @Test func severitiesFollowTheFormatTable() {
        let warnings: Set<DiagnosticCode> = [.unknownKey, .emptyLayer, .unknownMetric, .unknownSection,
                                             .typographicQuotes, .tagsAsText, .listItemContinued, .templateUnknownName, .measurementTwice, .metricOutsideMetrics, .unknownActionKind, .unknownOwner, .unknownColumn, .reviewOverdue, .measurementInFuture, .measurementsBeforeUpdated, .draftLink,
                                             .underlinedStage, .htmlOmitted, .linkOmitted, .percentAsShare, .csatAsScore, .duplicateMetric,
                                             .misplacedOwner, .branchTypo, .unreadMarkup]
        for testCase in Self.cases {
            for expected in testCase.expected {
                #expect(expected.severity == (warnings.contains(expected.code) ? .warning : .error),
                        "\(testCase.name): \(expected)")
            }
        }
    }

    @Test func theEncodingFixtureIsWindows1251() throws {
        let bytes = [UInt8](try Data(contentsOf: Fixtures.invalid("invalid-encoding.md")))
        #expect(String(bytes: bytes, encoding: .utf8) == nil)
        // "К" of "Клиент" in Windows-1251, after "title: " on the second line.
        let secondLine = bytes.split(separator: UInt8(ascii: "\n"))[1]
        #expect(Array(secondLine.prefix(8)) == Array("title: ".utf8) + [0xCA])
    }

    // Cases too big to commit: generated here.

    /// A 10 MB map (generated rather than committed): one long text layer, then a score outside the scale.
    @Test(.timeLimit(.minutes(1)))
    func aTenMegabyteMap() throws {
        let paragraph = "Клиент сравнивает предложения, читает отзывы и спрашивает коллег в профессиональном чате. "
        var lines = ["---", "title: Очень большая карта", "---", "## Этап", "### Цель"]
        for _ in 0..<33_000 { lines += [paragraph + paragraph, ""] }
        lines += ["### Действия", "- Читает", "### Эмоции", "- +7 Восторг", ""]
        let text = lines.joined(separator: "\n")
        #expect(text.utf8.count > 10_000_000)
        let result = try Check.site(["content/huge.md": text])
        #expect(result.diagnostics.found == [Found(.emotionOutOfRange, .error, lines.count - 1, 3)])
    }

    /// 1,000 stages (generated): a score that is not one in stage 500, and the first stage's name again at the end.
    @Test func aThousandStages() throws {
        var lines = ["---", "title: Тысяча этапов", "---"]
        var badScoreLine = 0
        for index in 1...1_000 {
            lines += ["## Этап \(index == 1_000 ? 1 : index)", "### Цель", "Дойти до конца.", "### Действия", "- Идёт",
                      "### Эмоции"]
            if index == 500 { badScoreLine = lines.count + 1 }
            lines.append(index == 500 ? "- ничего" : "- 0 Спокойно")
        }
        let result = try Check.site(["content/stages.md": lines.joined(separator: "\n")])
        #expect(result.diagnostics.found == [
            Found(.emotionSyntax, .error, badScoreLine, 3), Found(.duplicateStage, .error, lines.count - 6, 4),
        ])
        #expect(result.site?.journeys.first?.stages.count == 1_000)
    }

    /// The largest figures a page can print build (past them a metric is out of range: see metrics-huge-numbers.md).
    @Test func theLargestPrintableFiguresBuild() throws {
        let metrics = "### Метрики\n- Клиенты: 999 999 999 999 999\n- Долг: -1000000000000000\n"
        let text = Check.oneStage(Check.requiredLayers + metrics)
        let built = try RenderBuild.site(["content/map.md": text])
        #expect(built.result.check.diagnostics.isEmpty)
        let page = try #require(built.text("map/index.html"))
        #expect(page.contains("999,999,999,999,999"))
        #expect(page.contains("−1,000,000,000,000,000"))
    }
}
