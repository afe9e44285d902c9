// Golden-file tests: each fixture map under Tests/Fixtures/render/ is built in memory and its page, curve and
// outlines are compared byte for byte with Tests/Fixtures/golden/<fixture>/.
//
// After an intended change to the output, re-record the goldens and review the diff in git:
//
//     TROPA_RECORD_GOLDEN=1 swift test --filter Golden
//
// (with this suite's scratch path: `TROPA_RECORD_GOLDEN=1 swift test --scratch-path .build-render --filter Golden`).
// Without the variable a missing golden file is a failure, never silently created.

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
        var testDescription: String { fixture }
    }

    static let cases = [
        Case(fixture: "ru-persona", slug: "lumus/skripty"),
        Case(fixture: "en-multi", slug: "onboarding"),
        Case(fixture: "custom-scale", slug: "zapis"),
    ]

    static let files = ["index.html", "emotions.svg", "outline.opml", "outline.mm"]

    static var recording: Bool { ProcessInfo.processInfo.environment["TROPA_RECORD_GOLDEN"] == "1" }

    @Test(arguments: cases)
    func mapMatchesGoldenFiles(_ golden: Case) throws {
        let built = try RenderBuild.fixture(golden.fixture)
        #expect(built.diagnostics.isEmpty, "the fixture should be clean:\n\(renderDescribe(built.diagnostics))")
        #expect(built.result.outputPath == RenderBuild.output)
        #expect(built.result.mapCount == 1)
        let folder = RenderFixtures.golden(golden.fixture)
        for name in Self.files {
            let actual = try #require(built.text(golden.slug + "/" + name), "\(golden.slug)/\(name) was not written")
            let file = folder.appendingPathComponent(name)
            if Self.recording {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: file)
                continue
            }
            guard let expected = try? Data(contentsOf: file) else {
                Issue.record("missing golden file \(file.path); record it with TROPA_RECORD_GOLDEN=1 swift test --filter Golden")
                continue
            }
            if expected != Data(actual.utf8) {
                let report = Self.firstDifference(expected: String(decoding: expected, as: UTF8.self), actual: actual,
                                                  name: "golden/\(golden.fixture)/\(name)")
                Issue.record("\(report)")
            }
        }
    }

    /// Every golden folder belongs to a case, so a renamed fixture does not leave stale goldens behind.
    @Test func goldenFoldersMatchTheCases() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: RenderFixtures.golden("").path)
            .filter { !$0.hasPrefix(".") }.sorted()
        #expect(folders == Self.cases.map(\.fixture).sorted())
        for golden in Self.cases {
            let files = try RenderFixtures.files(under: RenderFixtures.golden(golden.fixture))
            #expect(files == Self.files.sorted(), "golden/\(golden.fixture)")
        }
    }

    /// A unified-diff-like report of the first line that differs, with a little context.
    static func firstDifference(expected: String, actual: String, name: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var line = 0
        while line < old.count, line < new.count, old[line] == new[line] { line += 1 }
        let contextStart = max(0, line - 2)
        var report = "\(name) differs from the output (re-record with TROPA_RECORD_GOLDEN=1 swift test --filter Golden)\n"
        report += "--- \(name)\n+++ actual\n@@ line \(line + 1) @@\n"
        for index in contextStart..<line { report += " \(old[index])\n" }
        report += line < old.count ? "-\(old[line])\n" : "-(end of file)\n"
        report += line < new.count ? "+\(new[line])\n" : "+(end of file)\n"
        if line < old.count, line < new.count {
            let a = Array(old[line]), b = Array(new[line])
            var column = 0
            while column < a.count, column < b.count, a[column] == b[column] { column += 1 }
            report += "  first difference at column \(column + 1)\n"
        }
        return report
    }

    @Test func firstDifferenceNamesTheLine() {
        let report = Self.firstDifference(expected: "a\nb\nc\n", actual: "a\nb\nx\n", name: "f")
        #expect(report.contains("@@ line 3 @@"))
        #expect(report.contains("-c\n+x\n"))
        #expect(report.contains(" b\n"))
        let shorter = Self.firstDifference(expected: "a", actual: "a\nb", name: "f")
        #expect(shorter.contains("-(end of file)\n+b"))
    }
}
