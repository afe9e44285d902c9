import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAnalysis
@testable import TropaOutput
@testable import TropaBuild
@testable import TropaAuthoring

/// The invalid-input corpus, `Tests/Fixtures/corpus/cases.tsv`: each case reports exactly its diagnostics, in reading
/// order, each inside its file; and `tropa check` exits with the case's status. Never a crash, a hang or a silent pass.
@Suite struct CorpusTests {
    /// One row of the manifest.
    struct Case: Sendable, CustomTestStringConvertible {
        /// A `.md` file, checked as the only map of a site, or a site folder.
        var name: String
        var status: Int32
        var expected: [Expected]
        var testDescription: String { name }
        var isFolder: Bool { !name.hasSuffix(".md") }
        /// The file that `LINE:COLUMN:CODE` entries without a file name point at.
        var mapPath: String { "content/" + name }
    }

    struct Expected: Equatable, Sendable, CustomStringConvertible {
        var file: String
        var line: Int
        var column: Int
        var code: DiagnosticCode

        init(file: String, line: Int, column: Int, code: DiagnosticCode) {
            self.file = file
            self.line = line
            self.column = column
            self.code = code
        }

        init(_ diagnostic: Diagnostic) {
            self.init(file: diagnostic.location.file, line: diagnostic.location.line,
                      column: diagnostic.location.column, code: diagnostic.code)
        }

        var description: String { "\(file):\(line):\(column):\(code.rawValue)" }
    }

    static let folder = Fixtures.root.appendingPathComponent("corpus")

    static let cases: [Case] = {
        let manifest = try! String(contentsOf: folder.appendingPathComponent("cases.tsv"), encoding: .utf8)
        return manifest.split(separator: "\n").dropFirst(4).map { row in
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            var testCase = Case(name: fields[0], status: Int32(fields[1])!, expected: [])
            testCase.expected = fields[2] == "-" ? [] : fields[2].split(separator: " ").map { entry in
                // FILE:LINE:COLUMN:CODE, or LINE:COLUMN:CODE in the case's map; paths hold no colons.
                let parts = entry.split(separator: ":").map(String.init)
                return Expected(file: parts.count == 4 ? parts[0] : testCase.mapPath,
                                line: Int(parts[parts.count - 3])!, column: Int(parts[parts.count - 2])!,
                                code: DiagnosticCode(rawValue: parts.last!)!)
            }
            return testCase
        }
    }()

    static func check(_ testCase: Case) throws -> CheckResult {
        let url = folder.appendingPathComponent(testCase.name)
        if testCase.isFolder { return try Fixtures.check(url) }
        return try Check.site(bytes: [testCase.mapPath: [UInt8](try Data(contentsOf: url))])
    }

    @Test(arguments: cases)
    func reportsExactlyItsDiagnostics(_ testCase: Case) throws {
        guard testCase.status != 2 else {
            #expect(throws: SiteError.self) { try Self.check(testCase) }
            return
        }
        let result = try Self.check(testCase)
        #expect(result.diagnostics.map(Expected.init) == testCase.expected)
        #expect(result.diagnostics.hasErrors == (testCase.status == 1))
        Self.expectInsideTheirFiles(result)
    }

    /// Runs the built `tropa check` on the case, as an author would, and compares its status and JSON report.
    @Test(arguments: cases)
    func theCLIExitsWithItsStatus(_ testCase: Case) throws {
        let source = Self.folder.appendingPathComponent(testCase.name)
        var site = source
        if !testCase.isFolder {
            site = try TropaProcess.temporarySite([:])
            let map = site.appendingPathComponent(testCase.mapPath)
            try FileManager.default.createDirectory(at: map.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: map)
        }
        defer { if site != source { try? FileManager.default.removeItem(at: site) } }
        let output = try TropaProcess.run(["check", site.path, "--format", "json"])
        #expect(output.status == testCase.status, "\(output.stderr)")
        guard testCase.status != 2 else {
            #expect(output.stderr.hasPrefix("error: "))
            return
        }
        let report = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]] ?? []
        let reported = report.map { entry in
            Expected(file: entry["file"] as? String ?? "", line: entry["line"] as? Int ?? 0,
                     column: entry["column"] as? Int ?? 0,
                     code: DiagnosticCode(rawValue: entry["code"] as? String ?? "") ?? .templateInvalid)
        }
        #expect(reported == testCase.expected)
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

    @Test func everyCodeIsCovered() {
        let covered = Set(Self.cases.flatMap(\.expected).map(\.code))
        #expect(covered == Set(DiagnosticCode.allCases))
        #expect(Set(Self.cases.map(\.status)) == [0, 1, 2])
        #expect(Self.cases.count >= 60)
    }

    @Test func everyFileOfTheCorpusIsACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0 != "cases.tsv" }
        #expect(files.sorted() == Self.cases.map(\.name).sorted())
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
