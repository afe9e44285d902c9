import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAuthoring
import TropaTesting

/// The three report formats, formatted in memory.
@Suite struct DiagnosticFormatterTests {
    static let source = SourceText(path: "content/lumus.md", text: "---\ntitle: x\n---\n## Поиск\n### Эмоцйи\n\t- 9 Ура\n")
    static let unknownLayer = Diagnostic.error(.unknownLayer, .unknownLayer(layer: "Эмоцйи", stage: "Поиск"),
                                               at: TropaModel.SourceLocation(file: "content/lumus.md", line: 5, column: 5),
                                               suggestion: .didYouMean("Эмоции"))
    static let outOfRange = Diagnostic.error(.emotionOutOfRange, .scoreOutOfScale(score: "9", low: "-2", high: "2"),
                                             at: TropaModel.SourceLocation(file: "content/lumus.md", line: 6, column: 4))
    static let warning = Diagnostic.warning(.unknownKey, .unknownKey(.frontMatter, "a,b"),
                                            at: TropaModel.SourceLocation(file: "content/a:b.md", line: 2, column: 1),
                                            suggestion: .write("50% sure\nsecond line"))

    @Test func textShowsTheLineACaretAndHelp() {
        let text = DiagnosticFormatter(format: .text).format([Self.unknownLayer], sources: ["content/lumus.md": Self.source])
        #expect(text == """
            content/lumus.md:5:5: error: unknown layer "Эмоцйи" in stage "Поиск" [unknown-layer]
               5 | ### Эмоцйи
                 |     ^
              help: did you mean "Эмоции"?

            """)
    }

    @Test func theCaretRepeatsTabsSoItLandsUnderTheCharacter() {
        let text = DiagnosticFormatter(format: .text).format([Self.outOfRange], sources: ["content/lumus.md": Self.source])
        #expect(text.contains("   6 | \t- 9 Ура\n     | \t  ^\n"))
        #expect(!text.contains("help:"))
    }

    @Test func withoutASourceThereIsNoCaret() {
        let text = DiagnosticFormatter(format: .text).format([Self.unknownLayer], sources: [:])
        #expect(text == """
            content/lumus.md:5:5: error: unknown layer "Эмоцйи" in stage "Поиск" [unknown-layer]
              help: did you mean "Эмоции"?

            """)
    }

    @Test func colourIsOnlyAddedWhenAsked() {
        let plain = DiagnosticFormatter(format: .text, colored: false).format([Self.unknownLayer], sources: [:])
        let colored = DiagnosticFormatter(format: .text, colored: true).format([Self.unknownLayer], sources: [:])
        #expect(!plain.contains("\u{1B}["))
        #expect(colored.contains("\u{1B}[1;31merror\u{1B}[0m"))
    }

    @Test func theSummaryCountsErrorsWarningsAndFiles() {
        let formatter = DiagnosticFormatter(format: .text)
        #expect(formatter.summary([], checked: .checked(maps: 3, personas: 1))
            == "checked 3 maps and 1 persona: no problems found\n")
        #expect(formatter.summary([Self.unknownLayer, Self.outOfRange, Self.warning], checked: .checkedSite)
            == "checked: 2 errors and 1 warning in 2 files\n")
        #expect(formatter.summary([Self.warning], checked: .checkedSite) == "checked: 1 warning in 1 file\n")
    }

    /// With `--strict`, a run that fails on warnings alone says why; with an error among them the error says it.
    @Test func theSummarySaysWhenStrictFailsOnWarnings() {
        let english = DiagnosticFormatter(format: .text)
        #expect(english.summary([Self.warning], checked: .checkedSite, strict: true)
            == "checked: 1 warning in 1 file; --strict takes warnings as errors\n")
        #expect(english.summary([Self.unknownLayer, Self.warning], checked: .checkedSite, strict: true)
            == "checked: 1 error and 1 warning in 2 files\n")
        #expect(english.summary([], checked: .checkedSite, strict: true) == "checked: no problems found\n")
        #expect(DiagnosticFormatter(format: .text, language: .ru).summary([Self.warning], checked: .checkedSite, strict: true)
            == "проверка закончена — 1 предупреждение в 1 файле; с --strict предупреждения считаются ошибками\n")
        // Without the summary (`--quiet`), one line says it.
        #expect(english.quietEnd([Self.warning], strict: true) == "error: --strict takes warnings as errors\n")
        #expect(DiagnosticFormatter(format: .text, language: .ru).quietEnd([Self.warning], strict: true)
            == "ошибка: с --strict предупреждения считаются ошибками\n")
        #expect(english.quietEnd([Self.warning], strict: false).isEmpty)
        #expect(english.quietEnd([Self.unknownLayer, Self.warning], strict: true).isEmpty)
    }

    @Test func inRussianTheReportAndItsSummaryAreRussianAndTheCodesStay() {
        let formatter = DiagnosticFormatter(format: .text, language: .ru)
        #expect(formatter.format([Self.unknownLayer], sources: ["content/lumus.md": Self.source]) == """
            content/lumus.md:5:5: ошибка: в этапе «Поиск» неизвестный слой «Эмоцйи» [unknown-layer]
               5 | ### Эмоцйи
                 |     ^
              подсказка: может быть, «Эмоции»?

            """)
        #expect(formatter.summary([], checked: .checked(maps: 3, personas: 1))
            == "проверено карт: 3, персон: 1 — замечаний нет\n")
        #expect(formatter.summary([Self.unknownLayer, Self.outOfRange, Self.warning], checked: .checkedSite)
            == "проверка закончена — 2 ошибки и 1 предупреждение в 2 файлах\n")
        #expect(formatter.summary(Array(repeating: Self.outOfRange, count: 5), checked: .checkedSite)
            == "проверка закончена — 5 ошибок в 1 файле\n")
    }

    @Test func githubAnnotationsAndJSONAreInTheChosenLanguageWithTheSameCodes() throws {
        let github = DiagnosticFormatter(format: .github, language: .ru).format([Self.unknownLayer], sources: [:])
        #expect(github == "::error file=content/lumus.md,line=5,col=5,title=tropa%3A unknown-layer::"
            + "в этапе «Поиск» неизвестный слой «Эмоцйи» (может быть, «Эмоции»?)\n")
        let json = DiagnosticFormatter(format: .json, language: .ru).format([Self.unknownLayer], sources: [:])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(array[0]["code"] as? String == "unknown-layer")
        #expect(array[0]["severity"] as? String == "error")
        #expect(array[0]["message"] as? String == "в этапе «Поиск» неизвестный слой «Эмоцйи»")
        #expect(array[0]["suggestion"] as? String == "может быть, «Эмоции»?")
    }

    @Test func githubAnnotationsEscapeTheirProperties() {
        let text = DiagnosticFormatter(format: .github).format([Self.unknownLayer, Self.warning], sources: [:])
        #expect(text == """
            ::error file=content/lumus.md,line=5,col=5,title=tropa%3A unknown-layer::unknown layer "Эмоцйи" in stage "Поиск" (did you mean "Эмоции"?)
            ::warning file=content/a%3Ab.md,line=2,col=1,title=tropa%3A unknown-key::unknown front-matter key "a,b" (50%25 sure%0Asecond line)

            """)
    }

    @Test func jsonHasEveryKeyForEveryDiagnostic() throws {
        let text = DiagnosticFormatter(format: .json).format([Self.unknownLayer, Self.outOfRange], sources: [:])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        for entry in array {
            #expect(Set(entry.keys) == ["file", "line", "column", "severity", "code", "message", "suggestion"])
        }
        #expect(array[0]["file"] as? String == "content/lumus.md")
        #expect(array[0]["line"] as? Int == 5)
        #expect(array[0]["column"] as? Int == 5)
        #expect(array[0]["severity"] as? String == "error")
        #expect(array[0]["code"] as? String == "unknown-layer")
        #expect(array[0]["message"] as? String == "unknown layer \"Эмоцйи\" in stage \"Поиск\"")
        #expect(array[0]["suggestion"] as? String == "did you mean \"Эмоции\"?")
        #expect(array[1]["suggestion"] is NSNull)
    }

    @Test func jsonOfNothingIsAnEmptyArray() throws {
        let text = DiagnosticFormatter(format: .json).format([], sources: [:])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any])
        #expect(array.isEmpty)
    }

    /// The site folder named on the command line, as a path from where the command runs.
    @Test(arguments: [(".", ""), ("./", ""), ("cjm", "cjm"), ("./cjm/", "cjm"), ("cjm/../maps", "maps"),
                      ("/repo/cjm", "cjm"), ("/repo", ""), ("/elsewhere/cjm", "/elsewhere/cjm"), ("../other", "/other"),
                      ("/repository/cjm", "/repository/cjm")])
    func siteFolderFromTheCurrentOne(folder: String, expected: String) {
        #expect(DiagnosticFormatter.siteFolder(folder, from: "/repo") == expected)
    }

    /// In GitHub Actions, from the repository's root: a site above the folder the command runs in is named from the
    /// root, not by its absolute path; a workspace that is no absolute path is not taken.
    @Test(arguments: [("..", "/repo/docs", "/repo", ""), ("../cjm", "/repo/docs", "/repo", "cjm"), ("cjm", "/repo/docs", "/repo", "docs/cjm"),
                      (".", "/repo", "/repo", ""), ("/elsewhere/cjm", "/repo", "/repo", "/elsewhere/cjm"),
                      ("..", "/repo/docs", "repo", "/repo")])
    func siteFolderFromTheWorkspace(folder: String, current: String, workspace: String, expected: String) {
        #expect(DiagnosticFormatter.siteFolder(folder, from: current, root: workspace) == expected)
    }

    /// An annotation names a file from where the command runs, `..` resolved: a schema kept beside the site.
    @Test func githubNamesFilesFromTheCurrentFolder() {
        let problem = Diagnostic.error(.schemaInvalid, .schemaEmpty, at: SourceLocation(file: "../shared/schema.yml", line: 1))
        let text = DiagnosticFormatter(format: .github, siteFolder: "cjm").format([problem], sources: [:])
        #expect(text.hasPrefix("::error file=shared/schema.yml,line=1,"))
        let inside = DiagnosticFormatter(format: .github).format([problem], sources: [:])
        #expect(inside.hasPrefix("::error file=../shared/schema.yml,line=1,"))
    }
}
