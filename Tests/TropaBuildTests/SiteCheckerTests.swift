import Foundation
import Testing
import TropaTesting
import TropaModel
import TropaBuild

/// `tropa check` keeps none of the maps it reads: it finds what a check that keeps them finds, from the same texts.
@Suite struct SiteCheckerTests {
    static let folders = [Fixtures.site("valid-ru"), Fixtures.site("custom-schema"), Fixtures.invalid("review-overdue"),
                          Fixtures.invalid("broken-link"), Fixtures.invalid("unknown-stage"), Fixtures.invalid("duplicate-slug")]

    @Test(arguments: folders) func aCheckThatKeepsNoMapsFindsTheSame(_ folder: URL) throws {
        let checker = SiteChecker(fileSystem: DiskFileSystem())
        let kept = try checker.check(root: folder.path, day: Fixtures.day)
        let lean = try checker.check(root: folder.path, day: Fixtures.day, keepingMaps: false)
        #expect(lean.diagnostics == kept.diagnostics)
        #expect(lean.sources.keys.sorted() == kept.sources.keys.sorted())
        #expect(lean.mapCount == kept.site?.journeys.count)
        #expect(lean.mapCount > 0)
        #expect(lean.site?.journeys.isEmpty == true && lean.facts.isEmpty)
        #expect(kept.facts.count == kept.mapCount)
    }

    /// A review past due is warned about at its `review` key, with the map's text to show the line, though the map
    /// has no other problem (whose text a check would keep anyway).
    @Test func aReviewPastDueKeepsTheMapsText() throws {
        let result = try SiteChecker(fileSystem: DiskFileSystem())
            .check(root: Fixtures.invalid("review-overdue").path, day: CalendarDay(year: 2020, month: 5, day: 2),
                   keepingMaps: false)
        let late = try #require(result.diagnostics.first { $0.code == .reviewOverdue })
        #expect(late.location.file == "content/crm.md" && late.location.line == 5)
        #expect(result.sources["content/crm.md"]?.line(5) == "review: quarterly")
        // Its dates as the pages write them.
        #expect(late.message(in: .ru) == "последний замер — 1 февраля 2020, следующий нужно было провести до 1 мая 2020")
        let onTime = try SiteChecker(fileSystem: DiskFileSystem())
            .check(root: Fixtures.invalid("review-overdue").path, day: CalendarDay(year: 2020, month: 5, day: 1))
        #expect(!onTime.diagnostics.contains { $0.code == .reviewOverdue })
        #expect(onTime.sources["content/crm.md"] == nil)
    }
}
