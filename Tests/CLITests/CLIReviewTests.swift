import Foundation
import Testing
import TropaTesting

/// `tropa check` warns about a review past due on the day of the check: `SOURCE_DATE_EPOCH`'s, or today's.
@Suite struct CLIReviewTests {
    /// Last measured 2020-02-01, reviewed quarterly: due 2020-05-01.
    static let site = Fixtures.invalid("review-overdue").path

    static func check(epoch: String?) throws -> TropaProcess.Output {
        try TropaProcess.run(["check", site], environment: epoch.map { ["SOURCE_DATE_EPOCH": $0] } ?? [:])
    }

    @Test func theDayOfSourceDateEpoch() throws {
        // 2020-05-01 00:00 UTC and 23:59 UTC: the due day itself is not late.
        for epoch in ["1588291200", "1588377599"] {
            let output = try Self.check(epoch: epoch)
            #expect(output.status == 0)
            #expect(!output.stderr.contains("review-overdue"), "\(epoch): \(output.stderr)")
        }
        // 2020-05-02 00:00 UTC.
        let late = try Self.check(epoch: "1588377600")
        #expect(late.status == 0)
        #expect(late.stderr.contains("content/crm.md:5:1: warning: the map was last measured on 1 February 2020; the next review was due on 1 May 2020 [review-overdue]"))
    }

    @Test func todayWithoutIt() throws {
        let output = try Self.check(epoch: nil)
        #expect(output.stderr.contains("[review-overdue]"))
        #expect(try TropaProcess.run(["check", Self.site, "--strict"]).status == 1)
    }

    /// A build never looks at the calendar.
    @Test func aBuildDoesNotWarn() throws {
        // The output in a folder of its own: its lock, cache and facts are written beside it.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-review-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("public")
        let build = try TropaProcess.run(["build", Self.site, "--strict", "--output", output.path])
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        #expect(!build.stderr.contains("review-overdue"))
    }
}
