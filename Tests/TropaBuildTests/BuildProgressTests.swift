import Foundation
import Testing
import TropaModel
import TropaBuild
import TropaTesting

/// The counters a progress line reads: a build counts every map it reads and every file it writes.
@Suite struct BuildProgressTests {
    static let site = Fixtures.site("valid-ru")

    static func mapFiles() throws -> Int {
        let content = site.appendingPathComponent("content")
        let files = try #require(FileManager.default.subpaths(atPath: content.path))
        return files.filter { $0.hasSuffix(".md") && !$0.hasPrefix("personas/") }.count
    }

    @Test func aBuildCountsItsMapsAndTheFilesOfItsOutput() throws {
        // The output in a folder of its own: its lock, cache and facts are written beside it.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-progress-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("public")
        let progress = BuildProgress()
        let result = try SiteBuilder().build(root: Self.site.path,
                                             options: BuildOptions(output: output.path, progress: progress))
        #expect(result.outputPath != nil, "\(result.check.diagnostics)")
        let written = try #require(FileManager.default.enumerator(at: output, includingPropertiesForKeys: [.isRegularFileKey]))
            .compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
        let maps = try Self.mapFiles()
        #expect(maps == 3)
        #expect(progress.snapshot == BuildProgress.Snapshot(maps: maps, total: maps, files: written.count, language: .ru))
        #expect(written.count == result.fileCount)
    }

    @Test func aCheckCountsItsMapsAndWritesNothing() throws {
        let progress = BuildProgress()
        _ = try SiteChecker().check(root: Self.site.path, progress: progress)
        let maps = try Self.mapFiles()
        #expect(progress.snapshot == BuildProgress.Snapshot(maps: maps, total: maps, files: 0, language: .ru))
    }
}
