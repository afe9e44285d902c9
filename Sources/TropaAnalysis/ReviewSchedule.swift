import TropaModel

/// How often a map is measured, when it was last and when it is to be next (`YYYY-MM-DD`): what its page, the
/// dashboard's row and both JSON files say of its review.
public struct ReviewDates: Sendable, Hashable {
    public var every: ReviewPeriod?
    public var last: String
    public var next: String?
    /// Whether `last` is a measurement's date; otherwise it is the map's `updated`, its own figures standing as
    /// the last review, which the pages say.
    public var measured: Bool

    public init(every: ReviewPeriod?, last: String, next: String?, measured: Bool = true) {
        (self.every, self.last, self.next, self.measured) = (every, last, next, measured)
    }
}

/// When a map is to be measured again: a period (`review:`) after its latest measurement, or after `updated` when it
/// has none. Pure: the day to compare with is given, so only `tropa check` depends on the calendar, never a page.
package enum ReviewSchedule {
    /// The day the next review is due, as `YYYY-MM-DD`; nil without a period or a date to count from.
    package static func next(_ journey: Journey) -> String? {
        guard let period = journey.review, let last = journey.lastReview else { return nil }
        return period.next(after: last)
    }

    /// The period, the last review and the next, for a map that is measured (a `review` period or a measurements
    /// row); nil for one that is not.
    package static func dates(_ journey: Journey) -> ReviewDates? {
        guard journey.review != nil || !journey.measurements.isEmpty, let last = journey.lastReview else { return nil }
        return ReviewDates(every: journey.review, last: last, next: next(journey), measured: !journey.measurements.isEmpty)
    }

    /// A `review-overdue` warning at the `review` key when `day` is past the next review.
    package static func overdue(_ journey: Journey, on day: CalendarDay) -> Diagnostic? {
        guard let at = journey.reviewLocation, let last = journey.lastReview, let due = next(journey),
              let dueDay = CalendarDay(due), dueDay < day else { return nil }
        return .warning(.reviewOverdue, .reviewOverdue(last: last, due: due), at: at, suggestion: .measureAgain)
    }

    /// A `measurement-in-future` warning at each measurements row dated more than a day after `day` (a year typed
    /// wrong, `2206`): it would stand for the figures as the latest, and the next review would be counted from it.
    /// The day is UTC's: a row of today east of it (Moscow's before 3:00, Vladivostok's before 10:00) is no warning.
    package static func measured(after day: CalendarDay, in journey: Journey) -> [Diagnostic] {
        let tomorrow = day.adding(days: 1)
        return journey.measurements.compactMap { measurement in
            guard let date = CalendarDay(measurement.date), tomorrow < date else { return nil }
            let row = SourceLocation(file: measurement.location.file, line: measurement.location.line, column: 1)
            return .warning(.measurementInFuture, .measuredAfterToday(date: measurement.date, today: day.text), at: row,
                            suggestion: .checkMeasurementDate)
        }
    }
}
