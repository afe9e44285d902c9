// Golden-file tests: each fixture site under Tests/Fixtures/render/ is built in memory and compared byte for byte
// with Tests/Fixtures/golden/<fixture>/:
//
//     <file of each output in MapOutput.all>   the map's files (index.html, emotions.svg, outlines, journey.*)
//     charts/<funnel|quadrant|timeline>.svg    the evaluation's charts, as the map's page holds them
//     site/<page>                              every site page: the catalogue, the dashboard, maps.json, persona,
//                                              comparison, tag and segment pages, the action plan and its CSV
//     build-record                             the build record kept beside the output (OutputWriter.cache)
//     build-facts                              its maps' facts, kept beside it too (OutputWriter.facts)
//     history/index.html                       the map's history page, for the case built with a history
//
// After an intended change to the output, re-record the goldens and review the diff in git:
//
//     TROPA_RECORD_GOLDEN=1 swift test --filter Golden
//
// Without the variable a missing golden file is a failure, never silently created. The record names tropa's
// version, so a new version re-records it.

import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAnalysis
@testable import TropaOutput
@testable import TropaBuild
import TropaTesting

@Suite struct GoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let fixture: String
        /// The map's output folder, relative to the output root.
        let slug: String
        /// Built with two earlier versions of its map from a git.
        var history = false
        var maps = 1
        var testDescription: String { fixture }
    }

    static let cases = [
        Case(fixture: "ru-persona", slug: "lumus/skripty", history: true),
        Case(fixture: "en-multi", slug: "onboarding"),
        Case(fixture: "custom-scale", slug: "zapis"),
        Case(fixture: "branched", slug: "divan"),
        // Several segments of two products, a map compared with its to-be version, actions with kinds and owners.
        Case(fixture: "segments", slug: "volta/semya", maps: 5),
    ]

    /// The folder of the site pages' goldens, and the names of the record's and its facts', inside a fixture's
    /// golden folder.
    static let siteFolder = "site"
    static let recordName = "build-record", factsName = "build-facts"

    static var recording: Bool { ProcessInfo.processInfo.environment["TROPA_RECORD_GOLDEN"] == "1" }

    /// The golden files of a fixture's build, by their path in its golden folder: the map's outputs as the registry
    /// lists them, the catalogue, every persona page, and the record with its facts.
    static func goldenFiles(_ golden: Case, _ built: BuiltSite) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let output = built.files
        for mapOutput in MapOutput.all {
            if let bytes = output[golden.slug + "/" + mapOutput.fileName] { files[mapOutput.fileName] = bytes }
        }
        if let page = output[PagePaths.history(golden.slug)] { files[PagePaths.historyPage] = page }
        if let page = output[golden.slug + "/index.html"] {
            for (name, svg) in charts(in: String(decoding: page, as: UTF8.self)) { files["charts/\(name).svg"] = Array(svg.utf8) }
        }
        for page in [PagePaths.catalogue, PagePaths.dashboard, PagePaths.mapsJSON] {
            let bytes: [UInt8] = try #require(output[page], "\(page) was not written")
            files[siteFolder + "/" + page] = bytes
        }
        // Every other site page: in the site's own folders, or a persona's.
        let folders = Set(PagePaths.siteFolders + ["personas"])
        for (path, bytes) in output where path.split(separator: "/").first.map({ folders.contains(String($0)) }) ?? false {
            files[siteFolder + "/" + path] = bytes
        }
        let writer = OutputWriter(fileSystem: built.fileSystem, output: built.output)
        // The built-in theme's hash named, not written: a golden record would change with every edit of the theme.
        let record = String(decoding: try #require(try? built.fileSystem.read(writer.cache), "the record was not kept"), as: UTF8.self)
        files[recordName] = Array(record.replacingOccurrences(of: " theme:\(String(Theme.builtInFingerprint, radix: 16)) ",
                                                              with: " theme:(built-in) ").utf8)
        files[factsName] = try #require(try? built.fileSystem.read(writer.facts), "the maps' facts were not kept")
        return files
    }

    /// Two versions of the case's map, the newest as it is now: the first with a stage of another name, a metric
    /// the map no longer has, another NPS and another score; its commit's subject has markup, which the page
    /// escapes.
    static func history(_ golden: Case) throws -> FixedHistory {
        let path = "content/lumus/skripty.md"
        let now = try String(contentsOf: RenderFixtures.site(golden.fixture).appendingPathComponent(path), encoding: .utf8)
        let before = now.replacingOccurrences(of: "## Поиск решения", with: "## Поиск")
            .replacingOccurrences(of: "- NPS: -10", with: "- NPS: -25")
            .replacingOccurrences(of: "0 Рабочая задача", with: "-1 Рабочая задача")
            .replacingOccurrences(of: "### Метрики\n- Длительность", with: "### Метрики\n- Звонков: 3\n- Длительность")
        let versions = [
            GitVersion(commit: "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", time: 1_709_294_400,
                       subject: "Lumus: stage renamed, NPS after the interviews", path: path, bytes: Array(now.utf8), place: 0),
            GitVersion(commit: "0f1e2d3c4b5a69788796a5b4c3d2e1f001234567", time: 1_706_702_400,
                       subject: "First draft <img src=x onerror=window.__xss=1> & \"notes\"", path: path, bytes: Array(before.utf8), place: 1),
        ]
        return FixedHistory(GitHistory(commit: versions[0].commit, shallow: false, versions: [path: versions]))
    }

    /// Each chart of the evaluation in a page, by name (`tropa-funnel` → `funnel`).
    static func charts(in page: String) -> [(String, String)] {
        page.ranges(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tropa-chart tropa-").compactMap { start in
            guard let end = page[start.lowerBound...].range(of: "</svg>\n") else { return nil }
            let name = page[start.upperBound...].prefix { $0 != "\"" }
            return (String(name), String(page[start.lowerBound..<end.upperBound]))
        }
    }

    @Test(arguments: cases)
    func siteMatchesGoldenFiles(_ golden: Case) throws {
        let built = try RenderBuild.fixture(golden.fixture, git: golden.history ? try Self.history(golden) : nil)
        #expect(built.diagnostics.isEmpty, "the fixture should be clean:\n\(renderDescribe(built.diagnostics))")
        #expect(built.result.outputPath == RenderBuild.output)
        #expect(built.result.mapCount == golden.maps)
        let made = MapOutput.all.filter { built.files[golden.slug + "/" + $0.fileName] != nil }.map(\.fileName)
        #expect(made.contains("index.html"), "\(golden.slug)/index.html was not written")
        let folder = RenderFixtures.golden(golden.fixture)
        let files = try Self.goldenFiles(golden, built)
        if Self.recording {
            for (name, bytes) in files {
                let file = folder.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try Data(bytes).write(to: file)
            }
        }
        let recorded = try RenderFixtures.files(under: folder)
        #expect(recorded == files.keys.sorted(), "golden/\(golden.fixture) holds exactly the files of the build")
        for (name, actual) in files.sorted(by: { $0.key < $1.key }) {
            let file = folder.appendingPathComponent(name)
            guard let expected = try? Data(contentsOf: file) else {
                Issue.record("missing golden file \(file.path); record it with TROPA_RECORD_GOLDEN=1 swift test --filter Golden")
                continue
            }
            if expected != Data(actual) {
                let report = firstDifference(expected: String(decoding: expected, as: UTF8.self),
                                             actual: String(decoding: actual, as: UTF8.self),
                                             name: "golden/\(golden.fixture)/\(name)")
                Issue.record("\(report)")
            }
        }
    }

    /// Every golden folder belongs to a case, so a renamed fixture does not leave stale goldens behind; each holds
    /// the map's files the registry names, the catalogue and the record.
    @Test func goldenFoldersMatchTheCases() throws {
        // While recording, the other test is writing these folders.
        guard !Self.recording else { return }
        let folders = try FileManager.default.contentsOfDirectory(atPath: RenderFixtures.golden("").path)
            .filter { !$0.hasPrefix(".") }.sorted()
        #expect(folders == Self.cases.map(\.fixture).sorted())
        for golden in Self.cases {
            let files = Set(try RenderFixtures.files(under: RenderFixtures.golden(golden.fixture)))
            let mapFiles = files.filter { !$0.contains("/") && $0 != Self.recordName && $0 != Self.factsName }
            #expect(mapFiles.isSubset(of: MapOutput.fileNames), "golden/\(golden.fixture)")
            #expect(files.contains(PagePaths.catalogue), "golden/\(golden.fixture)")
            #expect(files.contains(Self.siteFolder + "/" + PagePaths.catalogue), "golden/\(golden.fixture)")
            #expect(files.contains(Self.recordName) && files.contains(Self.factsName), "golden/\(golden.fixture)")
        }
    }

    /// Two fixture maps give every chart of the evaluation, so each has golden files.
    @Test(arguments: ["ru-persona", "en-multi"])
    func evaluationChartsHaveGoldens(_ fixture: String) throws {
        let files = Set(try RenderFixtures.files(under: RenderFixtures.golden(fixture)))
        for chart in ["funnel", "quadrant", "timeline"] {
            #expect(files.contains("charts/\(chart).svg"), "golden/\(fixture)/charts/\(chart).svg")
        }
    }

    @Test func firstDifferenceNamesTheLine() {
        let report = firstDifference(expected: "a\nb\nc\n", actual: "a\nb\nx\n", name: "f")
        #expect(report.contains("@@ line 3 @@"))
        #expect(report.contains("-c\n+x\n"))
        #expect(report.contains(" b\n"))
        let shorter = firstDifference(expected: "a", actual: "a\nb", name: "f")
        #expect(shorter.contains("-(end of file)\n+b"))
    }
}
