import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaBuild
import TropaTesting

/// A build renders each map as soon as it is parsed: on every case of the invalid-input manifest it must still
/// report exactly what `check` does, and write nothing when that includes an error (or, with `--strict`, anything).
@Suite struct InvalidInputBuildTests {
    @Test(arguments: InvalidInputs.cases.filter { $0.status != 2 })
    func aBuildReportsWhatTheCheckReports(_ testCase: InvalidInputs.Case) throws {
        // A review past due and a row dated after today are the check's alone: a build does not depend on the day.
        let checked = try InvalidInputs.check(testCase).diagnostics.filter { ![.reviewOverdue, .measurementInFuture].contains($0.code) }
        for strict in [false, true] {
            let memory = testCase.isFolder ? try RenderFixtures.memory(folder: testCase.url)
                : try RenderBuild.memory([:])
            if !testCase.isFolder {
                try memory.write([UInt8](try Data(contentsOf: testCase.url)), to: RenderBuild.root + "/" + testCase.mapPath)
            }
            let before = memory.contents
            let result = try SiteBuilder(fileSystem: memory).build(root: RenderBuild.root, options: BuildOptions(strict: strict))
            #expect(result.check.diagnostics.found == checked.found, "strict: \(strict)")
            #expect(result.check.diagnostics.map(\.text) == checked.map(\.text), "strict: \(strict)")
            if checked.hasErrors || strict && !checked.isEmpty {
                #expect(result.outputPath == nil, "strict: \(strict)")
                #expect(memory.contents == before, "nothing written, no staging folder left (strict: \(strict))")
            } else {
                #expect(result.outputPath == RenderBuild.output)
            }
        }
    }
}
