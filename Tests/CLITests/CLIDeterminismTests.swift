import Foundation
import Testing
import TropaTesting

/// Two runs of the built `tropa build`, in two processes, into two output folders, write the same bytes: every page,
/// theme and static file, and the build record beside the output. The record stores the inputs' sizes and times,
/// which both runs read from the same files, so it is compared too, all but the line of the output folders' times
/// (each output's own).
@Suite struct CLIDeterminismTests {
    /// The demo site at the package root, and each fixture site.
    static let sites = ["."] + ((try? FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("sites").path)) ?? [])
        .sorted().map { "Tests/Fixtures/sites/" + $0 }

    @Test(arguments: sites)
    func twoBuildsInTwoProcessesWriteTheSameBytes(_ site: String) throws {
        let folder = TropaProcess.packageRoot.appendingPathComponent(site).standardizedFileURL
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-twice-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        // Each output in a folder of its own, so the records beside them have the same name.
        var trees: [[String: Data]] = []
        for run in ["first", "second"] {
            let parent = scratch.appendingPathComponent(run)
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            let output = try TropaProcess.run(["build", folder.path, "--output", parent.appendingPathComponent("public").path])
            #expect(output.status == 0, "\(site), \(run) run: \(output.stderr)")
            var tree: [String: Data] = [:]
            for path in try RenderFixtures.files(under: parent) {
                tree[path] = try Data(contentsOf: parent.appendingPathComponent(path))
            }
            let record = try #require(tree[".public.tropa-cache"].map { String(decoding: $0, as: UTF8.self) })
            #expect(record.contains("\nfolders\t"), "\(site): the record keeps the output folders' times")
            #expect(tree[".public.tropa-facts"] != nil, "\(site): the maps' facts were not kept beside the output")
            tree[".public.tropa-cache"] = Data(record.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("folders\t") }.joined(separator: "\n").utf8)
            trees.append(tree)
        }
        let (first, second) = (trees[0], trees[1])
        #expect(first.keys.contains("public/index.html"), "\(site): the catalogue was not written")
        #expect(first.keys.sorted() == second.keys.sorted(), "\(site): the two builds wrote different files")
        for (path, bytes) in first.sorted(by: { $0.key < $1.key }) where second[path] != bytes {
            let report = firstDifference(expected: String(decoding: bytes, as: UTF8.self),
                                         actual: String(decoding: second[path] ?? Data(), as: UTF8.self),
                                         name: "\(site): \(path)", hint: "the second build")
            Issue.record("\(report)")
        }
    }

    /// An update in place on disk, where the plan's CSV is a patch of the last build's (its other rows copied by the
    /// kernel), leaves the output a full build writes, byte for byte: a copy of the demo site, one stage renamed.
    @Test func anUpdateOnDiskWritesWhatAFullBuildWrites() throws {
        let manager = FileManager.default
        let scratch = manager.temporaryDirectory.appendingPathComponent("tropa-update-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: scratch) }
        let site = scratch.appendingPathComponent("site")
        try manager.createDirectory(at: site, withIntermediateDirectories: true)
        for name in ["tropa.yml", "content"] {
            try manager.copyItem(at: TropaProcess.packageRoot.appendingPathComponent(name), to: site.appendingPathComponent(name))
        }
        let updated = scratch.appendingPathComponent("updated/public"), full = scratch.appendingPathComponent("full/public")
        #expect(try TropaProcess.run(["build", site.path, "--output", updated.path]).status == 0)
        let csv = updated.appendingPathComponent("plan/plan.csv")
        let before = try String(contentsOf: csv, encoding: .utf8)
        let map = site.appendingPathComponent("content/medicina/implantaciya-zubov.md")
        let text = try String(contentsOf: map, encoding: .utf8)
        #expect(text.contains("## Изучение и наблюдение"))
        try text.replacingOccurrences(of: "## Изучение и наблюдение", with: "## Поиск и наблюдение")
            .write(to: map, atomically: true, encoding: .utf8)
        let update = try TropaProcess.run(["build", site.path, "--output", updated.path])
        #expect(update.status == 0 && update.stderr.contains("обновлено карт: 1 из"), "\(update.stderr)")
        let after = try String(contentsOf: csv, encoding: .utf8)
        #expect(!before.contains("Поиск и наблюдение") && after.contains("Поиск и наблюдение"))
        // A review's row added to a map's measurements: that map is updated, its review moved on.
        let measurements = site.appendingPathComponent("content/ecommerce/robot-pylesos-zamery.csv")
        let rows = try String(contentsOf: measurements, encoding: .utf8)
        try (rows + "2025-04-30,Выбор,Конверсия,35%\n").write(to: measurements, atomically: true, encoding: .utf8)
        let measured = try TropaProcess.run(["build", site.path, "--output", updated.path])
        #expect(measured.status == 0 && measured.stderr.contains("обновлено карт: 1 из"), "\(measured.stderr)")
        let dashboard = try String(contentsOf: updated.appendingPathComponent("dashboard/index.html"), encoding: .utf8)
        #expect(dashboard.contains("<time datetime=\"2025-04-30\">30 апреля 2025</time>"))
        #expect(try TropaProcess.run(["build", site.path, "--output", full.path]).status == 0)
        let files = try RenderFixtures.files(under: full)
        #expect(try RenderFixtures.files(under: updated) == files)
        for path in files where try Data(contentsOf: updated.appendingPathComponent(path)) != Data(contentsOf: full.appendingPathComponent(path)) {
            Issue.record("\(path) differs from a full build's")
        }
    }
}
