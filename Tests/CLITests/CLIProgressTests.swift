import Foundation
import Testing
import TropaTesting

/// A build longer than a second shows one line on a terminal, updated in place and erased before the summary;
/// a file, a pipe and a report for programs get none of it.
@Suite struct CLIProgressTests {
    static let erase = "\r\u{1B}[2K"
    /// Maps enough for a debug build to run well past the second the line waits for (about 3 s on two cores).
    static let maps = 120

    /// A synthetic site of `maps` maps (Russian: its messages are Russian) and an output folder beside it.
    static func withGeneratedSite(_ body: (_ site: String, _ output: String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-progress-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let generator = TropaProcess.packageRoot.appendingPathComponent("Benchmarks/generate.py")
        let made = try TropaProcess.run(URL(fileURLWithPath: "/usr/bin/env"),
                                        ["python3", generator.path, String(maps), folder.path])
        try #require(made.status == 0, "generate.py: \(made.stderr)")
        try body(folder.appendingPathComponent("tropa").path, folder.appendingPathComponent("out").path)
    }

    @Test func aFileGetsNoProgressLine() throws {
        try Self.withGeneratedSite { site, output in
            let result = try TropaProcess.run(["build", site, "--output", output])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("собрано карт: \(Self.maps)"), "\(result.stderr)")
            #expect(!result.stderr.contains("\r") && !result.stderr.contains("\u{1B}"))
            #expect(!result.stdout.contains("\r") && !result.stdout.contains("\u{1B}"))
        }
    }

    @Test(.enabled(if: CLIColorTests.hasScript))
    func aTerminalSeesTheLineThenTheSummary() throws {
        try Self.withGeneratedSite { site, output in
            let started = ContinuousClock.now
            let result = try CLIColorTests.runOnATerminal(["build", site, "--output", output])
            let took = ContinuousClock.now - started
            #expect(result.status == 0, "\(result.stdout)")
            let summary = try #require(result.stdout.range(of: "собрано карт: \(Self.maps) ("), "\(result.stdout)")
            // A build as fast as a release one may end within the second: then there is nothing to see.
            guard took > .milliseconds(1500) else { return }
            let drawn = result.stdout[..<summary.lowerBound]
            let lines = drawn.components(separatedBy: Self.erase).filter { !$0.isEmpty }
            #expect(!lines.isEmpty, "no progress line in \(took): \(result.stdout.debugDescription)")
            // One line redrawn in place, each of all the maps, the count only growing; erased before the summary.
            let done = lines.compactMap { line in
                line.wholeMatch(of: /сборка: карт (\d+) из (\d+), записано файлов: \d+, \d+ с/)
                    .flatMap { Int($0.2) == Self.maps ? Int($0.1) : nil }
            }
            #expect(done.count == lines.count, "\(lines)")
            #expect(done == done.sorted())
            #expect(drawn.hasSuffix(Self.erase))
        }
    }

    @Test(.enabled(if: CLIColorTests.hasScript))
    func aReportForProgramsGetsNoLineOnATerminal() throws {
        try Self.withGeneratedSite { site, output in
            let result = try CLIColorTests.runOnATerminal(["build", site, "--output", output, "--format", "json"])
            #expect(result.status == 0, "\(result.stdout)")
            #expect(!result.stdout.contains("\u{1B}"), "\(result.stdout.debugDescription)")
            #expect(!result.stdout.contains("сборка"))
        }
    }

    @Test(.enabled(if: CLIColorTests.hasScript))
    func quietGetsNoLineOnATerminal() throws {
        try Self.withGeneratedSite { site, output in
            let result = try CLIColorTests.runOnATerminal(["build", site, "--output", output, "--quiet"])
            #expect(result.status == 0, "\(result.stdout)")
            // The summary's absence holds however fast the build; the line's, for a build past its first second.
            #expect(!result.stdout.contains("сборка") && !result.stdout.contains("собрано"), "\(result.stdout.debugDescription)")
            #expect(FileManager.default.fileExists(atPath: output + "/index.html"))
        }
    }
}
