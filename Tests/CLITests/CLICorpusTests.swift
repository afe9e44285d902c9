import Foundation
import Testing
@testable import TropaModel
import TropaTesting

/// The built `tropa check` on every case of the invalid-input manifest (`Tests/Fixtures/invalid-inputs.tsv`), as an
/// author would run it: its exit status and its JSON report.
@Suite struct CLICorpusTests {
    @Test(arguments: InvalidInputs.cases)
    func theCLIExitsWithItsStatus(_ testCase: InvalidInputs.Case) throws {
        let source = testCase.url
        var site = source
        if !testCase.isFolder {
            site = try TropaProcess.temporarySite([:])
            let map = site.appendingPathComponent(testCase.mapPath)
            try FileManager.default.createDirectory(at: map.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: map)
        }
        defer { if site != source { try? FileManager.default.removeItem(at: site) } }
        // The day of the in-process checks (`Fixtures.day`), which the rows dated after it are told from.
        let output = try TropaProcess.run(["check", site.path, "--format", "json"], environment: ["SOURCE_DATE_EPOCH": Fixtures.dayEpoch])
        #expect(output.status == testCase.status, "\(output.stderr)")
        guard testCase.status != 2 else {
            #expect(output.stderr.hasPrefix("error: "))
            return
        }
        let report = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]] ?? []
        // Compared as text, so a field missing from the report cannot pass for a default.
        let reported = report.map { entry in
            ["file", "line", "column", "severity", "code"].map { entry[$0].map { "\($0)" } ?? "(none)" }
                .joined(separator: ":")
        }
        #expect(reported == testCase.expected.map(\.description))
    }
}
