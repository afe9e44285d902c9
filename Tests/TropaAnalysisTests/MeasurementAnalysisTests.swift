import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAnalysis
import TropaTesting

/// Measurements against the map's own figures: the latest wins when it is of `updated`'s day or later; review dates by
/// the calendar.
@Suite struct MeasurementAnalysisTests {
    static func journey(updated: String?, rows: [(String, String, String)]) -> Journey {
        var journey = Check.journey("""
            ---
            title: Карта
            \(updated.map { "updated: \($0)\n" } ?? "")---

            ## Поиск
            \(Check.requiredLayers)
            ### Метрики
            - Конверсия: 30% (цель 40%)
            - NPS: 10

            """).journey
        journey.measurements = rows.enumerated().map { index, row in
            var value = try! MetricReader.read("\(row.1): \(row.2)", schema: .default).get()
            value.line = index + 2
            return Measurement(date: row.0, stage: StageID(name: "Поиск"), value: value,
                               location: SourceLocation(file: "content/m.csv", line: index + 2))
        }
        return journey
    }

    static func figures(_ journey: Journey) -> StageFigures {
        JourneyAnalysis(schema: .default, contentPath: "content").facts(of: journey).stages[0].figures
    }

    @Test func theLatestNewerThanUpdatedWins() {
        let journey = Self.journey(updated: "2024-03-01", rows: [
            ("2024-04-01", "Конверсия", "42%"), ("2024-02-01", "Конверсия", "50%"), ("2024-03-15", "Конверсия", "38%"),
            ("2024-02-15", "NPS", "25"),
        ])
        let figures = Self.figures(journey)
        #expect(figures.conversion?.value == 42)
        // The layer's target stays: the measurement names none.
        #expect(figures.conversion?.target == 40)
        // An NPS measured before the map was updated is older than the map's own.
        #expect(figures.nps?.value == 10)
        #expect(JourneyAnalysis(schema: .default, contentPath: "content").figuresDate(journey) == "2024-04-01")
    }

    /// A target the map writes in weeks aims a measurement in days at as many days: the facts hold it converted.
    @Test func theLayersTargetIsTakenInTheMeasurementsUnit() throws {
        var journey = Check.journey("---\ntitle: Карта\n---\n\n## Поиск\n\(Check.requiredLayers)\n### Метрики\n- Длительность: 2 недели (цель 1 неделя)\n").journey
        var value = try MetricReader.read("Длительность: 8 дней", schema: .default).get()
        value.line = 2
        journey.measurements = [Measurement(date: "2024-03-01", stage: StageID(name: "Поиск"), value: value,
                                            location: SourceLocation(file: "content/m.csv", line: 2))]
        let duration = try #require(Self.figures(journey).duration)
        #expect(duration.value == 8 && duration.unit == .duration(.day) && duration.target == 7)
        #expect(ValueUnit.duration(.month).convert(1, to: .duration(.day)) == 30)
        #expect(ValueUnit.duration(.week).convert(1, to: .percent) == nil)
        #expect(ValueUnit.plain.convert(40, to: .percent) == 40, "a number that is no time stays as written")
    }

    @Test func withoutUpdatedTheLatestAlwaysWins() {
        let journey = Self.journey(updated: nil, rows: [("2020-01-01", "NPS", "25"), ("2019-01-01", "NPS", "-5")])
        #expect(Self.figures(journey).nps?.value == 25)
        #expect(Self.figures(journey).conversion?.value == 30)
    }

    @Test func measurementsOlderThanUpdatedChangeNothing() {
        let journey = Self.journey(updated: "2024-03-01", rows: [("2024-02-29", "Конверсия", "99%")])
        #expect(Self.figures(journey).conversion?.value == 30)
        #expect(JourneyAnalysis(schema: .default, contentPath: "content").figuresDate(journey) == nil)
    }

    /// The trends show a measurement of the day the map was updated as the latest, so the funnel takes it too.
    @Test func aMeasurementOfTheDayOfUpdatedCounts() {
        let journey = Self.journey(updated: "2024-03-01", rows: [("2024-03-01", "Конверсия", "31%")])
        #expect(Self.figures(journey).conversion?.value == 31)
        #expect(JourneyAnalysis(schema: .default, contentPath: "content").figuresDate(journey) == "2024-03-01")
    }

    @Test(arguments: [
        ("2024-01-31", ReviewPeriod.months(1), "2024-02-29"), ("2023-01-31", .months(1), "2023-02-28"),
        ("2024-11-30", .months(3), "2025-02-28"), ("2024-12-20", .days(14), "2025-01-03"),
        ("2024-02-28", .days(1), "2024-02-29"), ("2100-02-28", .days(1), "2100-03-01"),
        ("2000-02-28", .days(1), "2000-02-29"), ("2024-05-15", .months(12), "2025-05-15"),
    ])
    func reviewArithmetic(from: String, period: ReviewPeriod, next: String) {
        #expect(period.next(after: from) == next)
    }

    @Test func calendarDays() {
        #expect(CalendarDay(secondsSince1970: 0).text == "1970-01-01")
        #expect(CalendarDay(secondsSince1970: 1_709_251_199).text == "2024-02-29")
        #expect(CalendarDay(secondsSince1970: 1_709_251_200).text == "2024-03-01")
        #expect(CalendarDay(secondsSince1970: -1).text == "1969-12-31")
        #expect(CalendarDay("2023-02-29") == nil)
        #expect(CalendarDay("2024-02-29")?.ordinal == 19_782)
    }

    @Test func overdueOnlyAfterTheNextReview() {
        var journey = Self.journey(updated: "2024-01-10", rows: [("2024-02-01", "NPS", "20")])
        journey.review = .months(1)
        journey.reviewLocation = SourceLocation(file: "content/map.md", line: 4)
        #expect(ReviewSchedule.next(journey) == "2024-03-01")
        #expect(ReviewSchedule.overdue(journey, on: CalendarDay(year: 2024, month: 3, day: 1)) == nil)
        let late = ReviewSchedule.overdue(journey, on: CalendarDay(year: 2024, month: 3, day: 2))
        #expect(late?.code == .reviewOverdue && late?.location.line == 4)
        #expect(late?.text == .reviewOverdue(last: "2024-02-01", due: "2024-03-01"))
        // Without measurements, `updated` is the last review.
        journey.measurements = []
        #expect(ReviewSchedule.next(journey) == "2024-02-10")
        journey.updated = nil
        #expect(ReviewSchedule.overdue(journey, on: CalendarDay(year: 2030, month: 1, day: 1)) == nil)
    }
}
