import TropaModel
import TropaAnalysis

/// A map's measurements worded for its page: the trends and the review dates.
extension SitePresenter {
    /// A trend for each stage and metric with two measurements or more, in the order of the stages, then of the
    /// metrics' first rows.
    package func trends(_ journey: Journey) -> [TrendModel] {
        let series = Dictionary(grouping: journey.measurements, by: \.series)
        var order: [MeasurementSeries] = []
        for measurement in journey.measurements where !order.contains(measurement.series) {
            order.append(measurement.series)
        }
        let stages = journey.stages.map(\.id)
        order.sort { (stages.firstIndex(of: $0.stage) ?? 0) < (stages.firstIndex(of: $1.stage) ?? 0) }
        return order.compactMap { key -> TrendModel? in
            // By date; of two rows of one day (`measurement-twice`), the last, as everywhere else.
            let sorted = series[key]!.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
                .map(\.element)
            let rows = sorted.indices.filter { $0 == sorted.count - 1 || sorted[$0 + 1].date != sorted[$0].date }.map { sorted[$0] }
            guard let stage = journey.stages.first(where: { $0.id == key.stage }) else { return nil }
            let name = stage.displayName
            let metric = metricName(rows[rows.count - 1].value)
            let values = rows.map { format.value($0.value.value, range: $0.value.range, unit: $0.value.unit) }
            let last = rows[rows.count - 1]
            let points = zip(rows, values).map { row, text in
                TrendModel.Point(day: CalendarDay(row.date)?.ordinal ?? 0, value: row.value.value, label: words.date(row.date),
                                 shortLabel: CalendarDay.short(row.date, in: words.language), text: text)
            }
            // A metric measured once is shown too, with its date: every row of the file is somewhere on the page, but
            // the earlier of two of a day, which `measurement-twice` tells.
            let change = rows.count < 2 ? words.measuredValue(words.date(last.date), nil) : words.changeSince(
                difference(last.value.value - rows[rows.count - 2].value.value, unit: last.value.unit),
                words.date(rows[rows.count - 2].date))
            // The target, judged on the latest row as the caption shows it: the row's own, else the one the map writes
            // for the stage and metric, in the rows' unit.
            let written = stage.layers.lazy.compactMap { layer -> [MetricValue]? in
                if case .metrics(let values) = layer.content { values } else { nil }
            }.joined().first { $0.key == key.metric }
            let targetValue = last.value.target ?? written.flatMap { value in value.target.flatMap { value.unit.convert($0, to: last.value.unit) } }
            let role = last.value.metricID.flatMap { id in site.schema.metrics.first { $0.id == id }?.role }
            let (target, missed) = target(targetValue, unit: last.value.unit,
                                          missed: targetValue.map { MetricRole.misses(last.value.value, target: $0, role: role) } ?? false)
            var trend = TrendModel(id: "trend-\(order.firstIndex(of: key)! + 1)", stage: name, metric: metric,
                                   title: "\(metric) — \(name)",
                                   description: (points.map(\.said) + [target].compactMap { $0 }).joined(separator: "; "),
                                   points: points, latest: values[values.count - 1], change: change,
                                   first: rows.count > 2 ? words.firstMeasured(words.date(rows[0].date), values[0]) : nil)
            trend.targetLevel = targetValue.map { ($0, format.value($0, unit: last.value.unit)) }
            (trend.target, trend.missed) = (target, missed)
            return trend
        }
    }

    /// The last review and the next, from the map's dates alone: on its page and its row of the dashboard.
    package func review(_ dates: ReviewDates?) -> ReviewModel? {
        dates.map { ReviewModel(last: words.date($0.last), lastISO: $0.last, measured: $0.measured, next: $0.next.map(words.date),
                                nextISO: $0.next) }
    }
}
