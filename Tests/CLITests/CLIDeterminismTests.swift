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
            tree[".public.tropa-cache"] = Data(record.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("folders\t") }.joined(separator: "\n").utf8)
            trees.append(tree)
        }
        let (first, second) = (trees[0], trees[1])
        #expect(first.keys.contains("public/index.html"), "\(site): the catalogue was not written")
        #expect(first.keys.contains(".public.tropa-cache"), "\(site): the record was not kept beside the output")
        #expect(first.keys.contains(".public.tropa-facts"), "\(site): the maps' facts were not kept beside the output")
        #expect(first.keys.sorted() == second.keys.sorted(), "\(site): the two builds wrote different files")
        for (path, bytes) in first.sorted(by: { $0.key < $1.key }) where second[path] != bytes {
            let report = firstDifference(expected: String(decoding: bytes, as: UTF8.self),
                                         actual: String(decoding: second[path] ?? Data(), as: UTF8.self),
                                         name: "\(site): \(path)", hint: "the second build")
            Issue.record("\(report)")
        }
    }
}
