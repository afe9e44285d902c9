import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAnalysis
@testable import TropaOutput
@testable import TropaBuild
@testable import TropaAuthoring
import TropaTesting

/// The data formats of a map — Mermaid, JSON, CSV, the Markdown outline — read back as their readers read them:
/// the JSON against the published schemas, the CSV with Python's `csv`, the Mermaid file by the grammar's rules.
@Suite struct InterchangeTests {
    static let sites = ["render/ru-persona", "render/en-multi", "render/custom-scale", "sites/xss"]

    static func build(_ site: String) throws -> BuiltSite {
        try RenderBuild.build(try RenderFixtures.memory(folder: Fixtures.root.appendingPathComponent(site)))
    }

    /// The output written to a temporary folder, for the Python readers.
    static func onDisk(_ built: BuiltSite) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-interchange-\(UUID().uuidString)")
        for (path, bytes) in built.files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return folder
    }

    static func python(_ arguments: [String]) throws -> TropaProcess.Output {
        try TropaProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
    }

    @Test(arguments: sites)
    func jsonFollowsThePublishedSchemas(_ site: String) throws {
        let built = try Self.build(site)
        #expect(built.errors.isEmpty, "\(renderDescribe(built.errors))")
        let folder = try Self.onDisk(built)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = built.files.keys.filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.contains("maps.json"))
        #expect(files.count >= 2)
        let script = TropaProcess.packageRoot.appendingPathComponent("scripts/validate-json").path
        let result = try Self.python([script] + files.map { folder.appendingPathComponent($0).path })
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        // The validator can fail: a file missing what the schema requires.
        let broken = folder.appendingPathComponent("broken/journey.json")
        try FileManager.default.createDirectory(at: broken.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(#"{"format": 1, "title": 3}"#.utf8).write(to: broken)
        #expect(try Self.python([script, broken.path]).status == 1)
    }

    /// Read back with Python's `csv` (the byte-order mark taken off by `utf-8-sig`): a header of stages, a row per
    /// layer, and no cell a spreadsheet would run as a formula.
    @Test(arguments: sites)
    func csvReadsBackAsTheTable(_ site: String) throws {
        let built = try Self.build(site)
        let folder = try Self.onDisk(built)
        defer { try? FileManager.default.removeItem(at: folder) }
        let checked = try #require(built.site)
        for journey in checked.journeys where !journey.draft {
            let slug = JourneyAnalysis(schema: checked.schema, contentPath: checked.config.contentPath).facts(of: journey).slug
            let path = folder.appendingPathComponent(slug + "/journey.csv").path
            let bytes = try #require(built.files[slug + "/journey.csv"])
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let result = try Self.python(["-c", """
                import csv, json, sys
                with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
                    print(json.dumps(list(csv.reader(f))))
                """, path])
            #expect(result.status == 0, "\(result.stderr)")
            let rows = try JSONDecoder().decode([[String]].self, from: Data(result.stdout.utf8))
            let stageNames = journey.stages.map { stage in stage.branch.map { "\(stage.name) (\($0))" } ?? stage.name }
            #expect(rows.first.map { Array($0.dropFirst()) } == stageNames.map(SpreadsheetCSV.neutralised))
            let layers = checked.schema.layers.filter { definition in journey.stages.contains { $0.layer(id: definition.id) != nil } }
            let described = journey.stages.contains { !$0.description.isEmpty } ? 1 : 0
            #expect(rows.count == 1 + described + layers.count)
            for row in rows {
                #expect(row.count == journey.stages.count + 1)
                for cell in row {
                    if let first = cell.first, "=@\t\r".contains(first) { Issue.record("a formula cell: \(cell)") }
                    if let first = cell.first, "+-".contains(first), cell.dropFirst().contains(where: { !"0123456789.,% ".contains($0) }) {
                        Issue.record("a formula cell: \(cell)")
                    }
                }
            }
        }
    }

    /// Every exported diagram parses by the grammar's rules, and gives back the map's stages and emotion points.
    @Test(arguments: sites)
    func mermaidParsesToTheMapsPoints(_ site: String) throws {
        let built = try Self.build(site)
        let checked = try #require(built.site)
        for journey in checked.journeys where !journey.draft {
            let slug = JourneyAnalysis(schema: checked.schema, contentPath: checked.config.contentPath).facts(of: journey).slug
            let text = try #require(built.text(slug + "/journey.mmd"))
            let (diagram, diagnostics) = MermaidImport(path: "journey.mmd").parse(text)
            #expect(diagnostics.isEmpty, "\(diagnostics)\n\(text)")
            let parsed = try #require(diagram)
            #expect(parsed.title == journey.title.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\n", with: " "))
            #expect(parsed.sections.count == journey.stages.count)
            for (section, stage) in zip(parsed.sections, journey.stages) {
                let points = stage.layers.flatMap { layer -> [EmotionPoint] in
                    if case .emotion(let points) = layer.content { return points } else { return [] }
                }
                #expect(section.tasks.map(\.text) == points.map { $0.label.isEmpty ? section.name ?? "" : $0.label.trimmingCharacters(in: .whitespaces) })
                #expect(section.tasks.map(\.score) == points.map { MermaidJourney.score($0.score, scale: checked.schema.scale) })
            }
        }
    }

    /// Text with no sign to code is kept as it is, trimmed of the spaces `CharacterSet.whitespaces` names (U+00A0,
    /// U+3000 and U+200B too) whichever way it is read; a statement led by a keyword in any case is coded.
    @Test(arguments: [
        ("Сравнивает цены", true, "Сравнивает цены"),
        ("\u{A0}Сравнивает цены\u{3000}", true, "Сравнивает цены"),
        ("\u{200B}цены\u{200B}", false, "цены"),
        ("\tцены: \n", false, "цены#58;"),
        ("JOURNEY map", true, "#74;OURNEY map"),
        ("JOURNEY map", false, "JOURNEY map"),
        ("accDescr, of it", true, "#97;ccDescr#44; of it"),
        // Each sign the lexer reads, alone in the text; a space at one end only.
        ("a & b", false, "a #38; b"), ("a < b", false, "a #60; b"), ("a > b", false, "a #62; b"),
        ("«a\" b»", false, "«a#34; b»"), ("a; b", false, "a#59; b"), ("50% b", false, "50#37; b"),
        ("a # b", false, "a #35; b"), ("a:b", false, "a#58;b"), ("a,b", false, "a#44;b"),
        ("a\u{1}b\u{7F}", false, "ab"), ("цены\u{3000}", false, "цены"), (" цены", false, "цены"),
    ])
    func mermaidTextIsCodedOnlyWhereItMustBe(text: String, statement: Bool, expected: String) {
        #expect(MermaidJourney.escaped(text, statement: statement) == expected)
    }

    /// A statement is coded as a keyword's when its text lowercased starts with one, though only its first
    /// characters are lowercased: the same as lowercasing it whole, for letters that lowercase to two scalars or to
    /// ASCII (the Kelvin sign), marks after a keyword's last letter, and keywords cut short.
    @Test func aKeywordIsFoundInTheFirstCharactersAsInTheWholeText() {
        let texts = ["TITLE of it", "Title", "titl", "title\u{301} with a mark", "\u{212A}ey title", "İtitle", "Σtitle",
                     "SECTIONS", "AccTitleX", "accdescr", "journeyİİİİİİİİ", "ΣΣΣΣΣΣΣΣΣ", "JOURNE", "jou\u{200D}rney"]
        for text in texts {
            let whole = text.lowercased()
            let keyworded = MermaidJourney.keywords.contains { whole.hasPrefix($0) }
            let escaped = MermaidJourney.escaped(text, statement: true)
            #expect(escaped.hasPrefix("#") == keyworded, "\(text) → \(escaped)")
        }
    }

    @Test func mermaidEscapesWhatItsLexerReads() {
        let journey = Journey(path: "content/a.md", title: "Title: one; two # three", stages: [
            Stage(name: "section 2", location: SourceLocation(file: "a", line: 1), layers: [
                Layer(layerID: "emotions", heading: "Emotions", location: SourceLocation(file: "a", line: 2), content: .emotion([
                    EmotionPoint(score: -2, label: "", line: 3), EmotionPoint(score: 2, label: "Paid: at last, %% done", line: 4),
                    EmotionPoint(score: 0, label: "Title of the step", line: 5),
                ])),
            ]),
        ])
        let text = MermaidJourney.text(journey, schema: .default, actor: "Ann, the buyer")
        #expect(text == """
            journey
                title Title#58; one#59; two #35; three
                section section 2
                  #115;ection 2: 1: Ann#44; the buyer
                  Paid#58; at last#44; #37;#37; done: 5: Ann#44; the buyer
                  #84;itle of the step: 3: Ann#44; the buyer

            """)
        let (diagram, diagnostics) = MermaidImport(path: "a.mmd").parse(text)
        #expect(diagnostics.isEmpty)
        #expect(diagram?.sections.first?.tasks.map(\.text) == ["section 2", "Paid: at last, %% done", "Title of the step"])
        #expect(diagram?.sections.first?.tasks.map(\.actors) == [["Ann, the buyer"], ["Ann, the buyer"], ["Ann, the buyer"]])
        // Without the codes the grammar reads something else: the check can fail.
        #expect(!MermaidImport(path: "a.mmd").parse("journey\nsection A\nsection 2: 1\n").1.isEmpty)
        #expect(!MermaidImport(path: "a.mmd").parse("journey\nsection A\nPaid: at last: 5\n").1.isEmpty)
    }

    @Test(arguments: [(-2.0, 1), (2.0, 5), (0.0, 3), (-1.0, 2), (1.0, 4)])
    func scoresOnTheDefaultScaleAreSPlusThree(_ score: Double, _ mermaid: Int) {
        #expect(MermaidJourney.score(score, scale: -2...2) == mermaid)
        #expect(MermaidJourney.value(mermaid, scale: -2...2) == score)
    }

    @Test func scoresOnACustomScaleReachBothEnds() {
        #expect(MermaidJourney.score(1, scale: 1...10) == 1)
        #expect(MermaidJourney.score(10, scale: 1...10) == 5)
        #expect(MermaidJourney.score(5.5, scale: 1...10) == 3)
        #expect(MermaidJourney.value(5, scale: 1...10) == 10)
    }

    @Test func outlineMarkdownEscapesMarkup() {
        let root = OutlineNode("Map <script>x</script>", [OutlineNode("# Stage", [OutlineNode("Goal", [OutlineNode("1. [a](javascript:x)")])])])
        #expect(String(decoding: OutlineMarkdown.bytes(root), as: UTF8.self) == """
            # Map \\<script\\>x\\</script\\>

            ## \\# Stage

            ### Goal

            - 1\\. \\[a\\](javascript:x)

            """)
    }

    /// Every sign Markdown reads is escaped (a control character made a space or dropped) wherever it stands in a
    /// word of text; the signs beside them in the byte ranges the scan reads at once are not.
    @Test func eachMarkdownSignAtEveryPlaceIsEscaped() {
        for filler in ["abcdefghijklmnopq", "Путь клиента"] {
            for sign in ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "~", "!", "\n", "\t", "\u{1}", "\u{7F}"] {
                for place in 1...16 {
                    let text = String(filler.prefix(place)) + sign + String(filler.dropFirst(place))
                    let escaped = Markup.markdown(text)
                    #expect(escaped != text && !escaped.contains("\u{7F}") && !escaped.contains("\n"), "\(text)")
                    if sign.unicodeScalars.first!.value >= 0x20 && sign != "\u{7F}" { #expect(escaped.contains("\\" + sign), "\(text)") }
                }
            }
            for sign in ["^", "=", "}", "#", "{", "a"] {
                for place in 1...16 {
                    let text = String(filler.prefix(place)) + sign + String(filler.dropFirst(place))
                    #expect(Markup.markdown(text) == text)
                }
            }
        }
    }

    /// Text with nothing to escape comes back as it is; a number that would start a list is escaped wherever the
    /// text has markup or not.
    @Test(arguments: [("Обычный текст, без разметки.", "Обычный текст, без разметки."),
                      ("12) пункт", "12\\) пункт"), ("12. *пункт*", "12\\. \\*пункт\\*"), ("x1. y", "x1. y"),
                      ("2024 год. Итог", "2024 год. Итог"), ("- минус", "\\- минус"), ("a\tb\u{7}c", "a bc"), ("", "")])
    func markdownTextIsEscapedOnlyWhereNeeded(_ text: String, _ expected: String) {
        #expect(Markup.markdown(text) == expected)
    }
}
