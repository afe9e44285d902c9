import TropaModel
import CSV

/// Reads a map's measurements file: a CSV of `date,stage,metric,value` (or `дата,этап,метрика,значение`), one
/// measurement a row. The CSV library reads the fields; this reads what they mean, and finds where each field
/// stands so every problem points at its line and column. Ranges are checked with the map's own figures, by the
/// validator.
package struct MeasurementReader {
    package let schema: LayerSchema
    package let language: Language

    package init(schema: LayerSchema, language: Language) {
        self.schema = schema
        self.language = language
    }

    /// The four columns, by their English and Russian header names.
    private enum Column: Int, CaseIterable {
        case date, stage, metric, value

        var names: (en: String, ru: String) {
            switch self {
            case .date: ("date", "дата")
            case .stage: ("stage", "этап")
            case .metric: ("metric", "метрика")
            case .value: ("value", "значение")
            }
        }

        /// A row whose field of this column is empty.
        var empty: Message { .measurementNoField(en: names.en, ru: names.ru) }
    }

    /// A row's fields, each with where it starts.
    private struct Row {
        var fields: [(text: String, at: SourceLocation)]
        var at: SourceLocation
        /// Where a quote not closed on its line opens: the row is that line alone, unread.
        var unclosedQuote: SourceLocation?
    }

    /// `measurements-before-updated`: a metric the evaluation reads (one with a role) measured only before `updated`
    /// (the date moved on for an edit of the text) is left out of the evaluation, which takes the map's figure, or
    /// none. Told at `updated`, once, when such a latest measurement is not the figure the map writes (in the same
    /// unit, range and all, to the hundredth the pages show); not when they agree (the map's figures written out at
    /// `updated`) or the map has no `updated`. The help's date is the earliest of those measurements: written as
    /// `updated`, it lets every one of them count.
    package func setAside(_ journey: Journey) -> Diagnostic? {
        guard let updated = journey.updated, let at = journey.updatedLocation else { return nil }
        var latest: [MeasurementSeries: Measurement] = [:]
        for measurement in journey.measurements where latest[measurement.series].map({ $0.date <= measurement.date }) ?? true {
            latest[measurement.series] = measurement
        }
        let aside = latest.values.filter { measurement in
            guard measurement.date < updated,
                  schema.metrics.contains(where: { $0.id == measurement.value.metricID && $0.role != nil }) else { return false }
            let written = journey.stages.first { $0.id == measurement.stage }?.layers.lazy.compactMap { layer -> MetricValue? in
                guard case .metrics(let values) = layer.content else { return nil }
                return values.first { $0.key == measurement.value.key }
            }.first
            return !(written.map { Self.same($0, measurement.value) } ?? false)
        }
        guard let last = aside.map(\.date).max(), let earliest = aside.map(\.date).min() else { return nil }
        return .warning(.measurementsBeforeUpdated, .measuredBeforeUpdated(last: last, updated: updated), at: at,
                        suggestion: .updatedNotAfter(earliest))
    }

    /// Whether two figures of a metric are the same to the hundredth, a duration in any unit of time (`2 недели`,
    /// `14 дней`), a range by its ends.
    private static func same(_ a: MetricValue, _ b: MetricValue) -> Bool {
        let scale: Double
        switch (a.unit, b.unit) {
        case (.duration(let x), .duration(let y)): scale = y.seconds / x.seconds
        case (let x, let y) where x == y: scale = 1
        default: return false
        }
        let close = { (x: Double, y: Double) in abs(x - y * scale) < 0.005 }
        guard close(a.value, b.value) else { return false }
        switch (a.range, b.range) {
        case (nil, nil): return true
        case (let x?, let y?): return close(x.lowerBound, y.lowerBound) && close(x.upperBound, y.upperBound)
        default: return false
        }
    }

    package func read(_ source: SourceText, for journey: Journey) -> (measurements: [Measurement], diagnostics: [Diagnostic]) {
        let start = SourceLocation(file: source.path, line: 1)
        guard !source.text.allSatisfy(\.isWhitespace) else {
            return ([], [.error(.measurementInvalid, .measurementsEmpty, at: start, suggestion: .measurementHeader(","))])
        }
        let separator = Self.separator(of: source)
        var rows = Self.rows(of: source, separator: separator)[...]
        guard let header = rows.popFirst() else { return ([], []) }
        let keys = header.fields.map { NameKey($0.text).value }
        let indices = Column.allCases.map { column in
            keys.firstIndex { $0 == column.names.en || $0 == column.names.ru }
        }
        let missing = Column.allCases.filter { indices[$0.rawValue] == nil }
        guard missing.isEmpty else {
            let russian = header.fields.contains { $0.text.containsCyrillic }
            let names = missing.map { russian || (language == .ru && keys.allSatisfy(\.isEmpty)) ? $0.names.ru : $0.names.en }
            // One column's name misspelt (`metrc`): told at it, with the name meant.
            if missing.count == 1, let column = missing.first,
               let (field, meant) = header.fields.indices.lazy.filter({ !indices.contains($0) }).compactMap({ index in
                   Suggestion.closest(to: header.fields[index].text, among: [column.names.en, column.names.ru]).map { (header.fields[index], $0) }
               }).first {
                return ([], [.error(.measurementInvalid, .measurementColumns(names), at: field.at, suggestion: .closest(meant, to: field.text))])
            }
            return ([], [.error(.measurementInvalid, .measurementColumns(names), at: header.at,
                                suggestion: .measurementHeader(String(separator)))])
        }
        var measurements: [Measurement] = []
        var diagnostics: [Diagnostic] = []
        // A column tropa does not read (a source, a comment) shows nowhere: said once, at its header.
        let read = Column.allCases.map { column in
            keys[indices[column.rawValue]!] == column.names.ru ? column.names.ru : column.names.en
        }
        for (index, field) in header.fields.enumerated() where !indices.contains(index) {
            let unnamed = field.text.allSatisfy(\.isWhitespace)
            // A comma left at the end of every line is no column.
            if unnamed, rows.allSatisfy({ $0.fields.count <= index || $0.fields[index].text.allSatisfy(\.isWhitespace) }) { continue }
            let twice = !keys[index].isEmpty && indices.contains { $0.map { keys[$0] } == keys[index] }
            diagnostics.append(.warning(.unknownColumn, twice ? .columnTwice(field.text) : .columnNotRead(unnamed ? "\(index + 1)" : field.text, read: read),
                                        at: field.at, suggestion: .removeColumn))
        }
        // Each series' row of each day: a second one counts, and is warned of, since the first is then not shown.
        var measured: [MeasurementSeries: [String: Measurement]] = [:]
        for row in rows {
            // A blank line is no row.
            if row.fields.count == 1, row.fields[0].text.allSatisfy(\.isWhitespace) { continue }
            if let quote = row.unclosedQuote {
                diagnostics.append(.error(.measurementInvalid, .quoteOpenToLineEnd, at: quote, suggestion: .closeQuote("\"")))
                continue
            }
            guard row.fields.count == header.fields.count else {
                // `# январь`: a note, which a CSV has no way to hold.
                let note = row.fields.count == 1 && ["#", "//", ";"].contains { row.fields[0].text.trimmingWhitespace().hasPrefix($0) }
                diagnostics.append(.error(.measurementInvalid,
                                          .measurementFieldCount(expected: header.fields.count, found: row.fields.count),
                                          at: row.at, suggestion: note ? .keepNotesInMap : .oneRowPerMeasurement(String(separator))))
                continue
            }
            let field = { (column: Column) in row.fields[indices[column.rawValue]!] }
            switch measurement(date: field(.date), stage: field(.stage), metric: field(.metric), value: field(.value),
                               journey: journey) {
            case .success(let (measurement, warning)):
                measurements.append(measurement)
                if let warning { diagnostics.append(warning) }
                if let earlier = measured[measurement.series, default: [:]].updateValue(measurement, forKey: measurement.date),
                   let stage = journey.stages.first(where: { $0.id == measurement.stage }) {
                    diagnostics.append(.warning(.measurementTwice, .measurementTwice(
                        metric: schema.title(of: measurement.value, in: language), stage: stage.written, date: measurement.date,
                        line: earlier.location.line, value: field(.value).text.trimmingWhitespace()),
                        at: row.at, suggestion: .oneRowPerDay))
                }
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }
        return (measurements, diagnostics)
    }

    private typealias Field = (text: String, at: SourceLocation)

    private func measurement(date: Field, stage: Field, metric: Field, value: Field,
                             journey: Journey) -> Result<(Measurement, Diagnostic?), Diagnostic> {
        let dateText = date.text.trimmingWhitespace()
        guard !dateText.isEmpty else {
            return .failure(.error(.measurementInvalid, Column.date.empty, at: date.at, suggestion: .measurementDateForm))
        }
        if dateText.count == 10, let (problem, help) = CalendarDay.missingDay(dateText) {
            return .failure(.error(.measurementInvalid, problem, at: date.at, suggestion: help))
        }
        guard dateText.count == 10, let day = CalendarDay(dateText) else {
            // A time after the day (`2025-01-01 10:00`, as a spreadsheet exports it): a measurement is of a day.
            let dayOfTime = dateText.count > 10 && CalendarDay(String(dateText.prefix(10))) != nil
                && dateText.dropFirst(10).first.map { $0 == "T" || $0.isWhitespace } == true ? String(dateText.prefix(10)) : nil
            let iso = dayOfTime ?? JourneyParser.isoDate(writtenOtherwise: dateText)
            return .failure(.error(.measurementInvalid, .measurementBadDate(dateText), at: date.at,
                                   suggestion: iso.map(Message.write) ?? .measurementDateForm))
        }
        let stageText = stage.text.trimmingWhitespace()
        guard let matched = journey.stage(named: stageText) else {
            let names = journey.stages.map(\.written)
            if stageText.isEmpty {
                return .failure(.error(.measurementInvalid, Column.stage.empty, at: stage.at,
                                       suggestion: .stagesOfMap(names)))
            }
            // A name that stages of several branches share: the row says which with the label.
            let namesakes = journey.stages.indices.filter { NameKey(journey.stages[$0].name) == NameKey(stageText) }
            if namesakes.count > 1 {
                return .failure(.error(.unknownStage, .stageInBranches(stageText), at: stage.at,
                                       suggestion: .stagesOfMap(namesakes.map { names[$0] })))
            }
            return .failure(.error(.unknownStage, .unknownStage(stageText), at: stage.at,
                                   suggestion: Suggestion.help(for: stageText, among: names)
                                       ?? Suggestion.renamedStage(stageText, among: names).map { .closest($0, to: stageText) }
                                       ?? .stagesOfMap(names)))
        }
        let name = metric.text.trimmingWhitespace()
        guard !name.isEmpty else {
            let titles = { (language: Language) in schema.metrics.map { $0.title.text(in: language, fallback: $0.id) } }
            return .failure(.error(.measurementInvalid, Column.metric.empty, at: metric.at,
                                   suggestion: .metricsOfSchema(en: titles(.en), ru: titles(.ru))))
        }
        let text = "\(name): \(value.text.trimmingWhitespace())"
        var read: MetricValue
        switch MetricReader.read(text, schema: schema) {
        case .success(let value): read = value
        case .failure(let problem):
            // A metric without a name is the metric's field's fault; everything else the value's.
            let at = name.isEmpty ? metric.at : value.at
            // A row's value is a cell: its help is the cell's text, not a metrics item.
            let help: Message = switch problem {
            case .wrongUnit(_, _, let fix?), .compoundDuration(_, let fix): .write(fix)
            case .scoreOnPercentMetric(let metric, _): .scoreAsOwnMetric(name: metric, value: nil)
            default: problem.help == .metricForm ? .measurementValueForm : problem.help
            }
            return .failure(.error(.measurementInvalid, problem.message(text), at: at, suggestion: help))
        }
        read.line = value.at.line
        read.column = value.at.column
        var warning: Diagnostic?
        // A metric the schema does not know may be one the stage's own layer names; else, as in a layer, a name
        // close to the schema's is reported as a typo, and any other as a metric the stage does not have.
        if read.metricID == nil, !Self.stageNames(matched, metric: name) {
            warning = Suggestion.metric(for: name, in: schema, language: language).map { close in
                .warning(.unknownMetric, .unknownMetric(name), at: metric.at, suggestion: .closest(close, to: name))
            } ?? .warning(.unknownMetric, .metricNotInStage(metric: name, stage: matched.written), at: metric.at,
                          suggestion: .addMetricToStage(metric: name, stage: matched.written))
        }
        warning = warning ?? MetricReader.percentWarning(text, value: read, schema: schema, at: value.at, item: false)
        return .success((Measurement(date: day.text, stage: matched.id, value: read, location: value.at), warning))
    }

    private static func stageNames(_ stage: Stage, metric: String) -> Bool {
        let key = NameKey(metric).value
        return stage.layers.contains { layer in
            guard case .metrics(let values) = layer.content else { return false }
            return values.contains { NameKey($0.name).value == key }
        }
    }

    /// The fields' separator: a comma, or a semicolon when the header has semicolons and no comma, as a spreadsheet
    /// set to Russian saves its CSV (with decimal commas in the values, `58,5%`, which are then no separators).
    private static func separator(of source: SourceText) -> UnicodeScalar {
        let header = source.line(1) ?? ""
        return header.contains(";") && !header.contains(",") ? ";" : ","
    }

    /// The rows as the CSV library reads them, each field with the line and column it starts at. The library
    /// gives fields, not positions: they are found again by walking the text the way the fields were read (a
    /// quoted field takes its quotes and doubles its inner ones, and may hold line breaks).
    private static func rows(of source: SourceText, separator: UnicodeScalar) -> [Row] {
        var rows: [Row] = []
        // The line the reading starts from: the first, then the line after each quote not closed on its line.
        var first = 1
        reading: while first <= source.lineCount {
            let text = first == 1 ? source.text : (first...source.lineCount).compactMap(source.line).joined(separator: "\n")
            guard let reader = try? CSVReader(string: text, hasHeaderRow: false, delimiter: separator) else { break }
            var line = first
            while let fields = reader.next() {
                let start = SourceLocation(file: source.path, line: line, column: 1)
                var column = 1
                var text = source.line(line).map { Array($0.unicodeScalars) } ?? []
                var located: [Field] = []
                var lineBreak: SourceLocation?
                for field in fields {
                    located.append((field, SourceLocation(file: source.path, line: line, column: column)))
                    let quoted = text.indices.contains(column - 1) && text[column - 1] == "\""
                    if quoted, lineBreak == nil, field.contains("\n") {
                        lineBreak = SourceLocation(file: source.path, line: line, column: column)
                    }
                    if quoted { column += 1 }
                    for scalar in field.unicodeScalars {
                        if scalar == "\n" {
                            line += 1
                            column = 1
                            text = source.line(line).map { Array($0.unicodeScalars) } ?? []
                        } else {
                            column += quoted && scalar == "\"" ? 2 : 1
                        }
                    }
                    // The closing quote, then the comma (or semicolon).
                    column += quoted ? 2 : 1
                }
                // A quote not closed on its line (`2024-03-01,"Оплата,NPS,25`) takes the lines after it into its
                // field, and leaves the row short of fields: the line is told at the quote, and the file is read again
                // from the next one (a file of many such lines is read as many times: a measurements file is short).
                // A quoted name broken over two lines keeps its row whole, and stands.
                if let quote = lineBreak, let header = rows.first?.fields.count, located.count != header {
                    rows.append(Row(fields: [], at: start, unclosedQuote: quote))
                    first = quote.line + 1
                    continue reading
                }
                rows.append(Row(fields: located, at: start))
                line += 1
            }
            break
        }
        return rows
    }
}
